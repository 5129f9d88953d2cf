import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, TestBrowser, TWITTER } from './testing/start-bff';
import { WIRE_COOKIES_HEADER } from './wire-cookies';

let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());

describe('the wire-cookies header', () => {
  it('names the cookies sent and set, with sizes and attributes, never a value', async () => {
    const browser = new TestBrowser(bff.origin);
    const first = await browser.call('POST', '/api/flow/request-token', TWITTER);
    const firstWire = JSON.parse(first.headers.get(WIRE_COOKIES_HEADER) ?? '{}');
    expect(firstWire.sent).toEqual([]);
    expect(firstWire.set).toHaveLength(1);
    expect(firstWire.set[0]).toMatch(
      /^cew_flow=<sealed, \d+ bytes>; Max-Age=1800; Path=\/api; HttpOnly; SameSite=Lax$/,
    );

    const second = await browser.call('POST', '/api/flow/authorize-url', {});
    const wire = second.headers.get(WIRE_COOKIES_HEADER) ?? '';
    expect(JSON.parse(wire).sent).toEqual([
      expect.stringMatching(/^cew_flow=<sealed, \d+ bytes>$/),
    ]);
    // The sealed values themselves never appear.
    for (const value of browser.cookies().values()) expect(wire).not.toContain(value);
  });

  it('is absent when no cookie went either way', async () => {
    const res = await fetch(`${bff.origin}/api/health`);
    expect(res.headers.has(WIRE_COOKIES_HEADER)).toBe(false);
  });
});
