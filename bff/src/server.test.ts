import { type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersSetBy, serveApp } from './server';

let server: Server;
let origin: string;
beforeAll(async () => {
  const app = new Hono()
    .get('/page', (c) => {
      // A route that tries to weaken a fixed header: the fixed one must win.
      c.header('x-frame-options', 'ALLOWALL');
      c.header('x-route', 'kept');
      c.header('set-cookie', 'a=1; Path=/');
      return c.text('page');
    })
    .get('/plain', (c) => c.json({ ok: true }))
    .get('/sandbox/provider', (c) => {
      c.header('content-security-policy', "frame-ancestors 'none'");
      return c.text('provider');
    });
  server = await serveApp(app.fetch, {
    port: 0,
    hostname: '127.0.0.1',
    fixedHeaders: await headersSetBy(
      secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"] } }),
    ),
    exceptUnder: '/sandbox/',
    annotate: (path, _req, headers) =>
      headers['set-cookie'] ? ['x-cookies-for', path] : undefined,
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the HTTP server under the app', () => {
  it("adds the fixed headers to every response, over a route's own, and keeps the route's others", async () => {
    const page = await fetch(`${origin}/page`);
    expect(await page.text()).toBe('page');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-route')).toBe('kept');
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(page.headers.get('x-cookies-for')).toBe('/page');

    const plain = await fetch(`${origin}/plain`);
    expect(await plain.json()).toEqual({ ok: true });
    expect(plain.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(plain.headers.get('x-cookies-for')).toBeNull();
  });

  it.each(['/sandbox/../page', '/sandbox/%2e%2e/page', '/sandbox/%2E./page', '/sandbox/.%2e/page'])(
    'judges the path as the app routes it: %s is not under the excepted path',
    async (path) => {
      // fetch() resolves `..` itself; a raw client (curl --path-as-is) need not.
      const res = await new Promise<IncomingMessage>((resolve, reject) =>
        request(`${origin}/`, { path }, resolve).on('error', reject).end(),
      );
      res.resume();
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-cookies-for']).toBe('/page');
    },
  );

  it('leaves the responses under the excepted path as they are', async () => {
    const res = await fetch(`${origin}/sandbox/provider`);
    expect(await res.text()).toBe('provider');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBeNull();
  });
});
