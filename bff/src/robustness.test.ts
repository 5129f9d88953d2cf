import fc from 'fast-check';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, TestBrowser } from './testing/start-bff';

let bff: Awaited<ReturnType<typeof startBff>>;
/** Real flow cookies (after step 2, and after consent) so random input reaches the flow logic. */
const liveCookies: string[] = [];
const agent = new Agent({ connections: 8 });
beforeAll(async () => {
  bff = await startBff({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const atConsent = new TestBrowser(bff.origin);
  const query = await atConsent.throughConsent('allow');
  liveCookies.push(atConsent.cookieHeader);
  await atConsent.call('POST', '/api/flow/callback', query);
  liveCookies.push(atConsent.cookieHeader);
});
afterAll(() => bff.close());

const PATHS = [
  '/api/health',
  '/api/config',
  '/api/flow',
  '/api/flow/request-token',
  '/api/flow/authorize-url',
  '/api/flow/callback',
  '/api/flow/instance',
  '/api/nope',
  '/oauth/callback',
  '/sandbox/elements/api-v2/elements/twitter/oauth/token',
  '/sandbox/elements/api-v2/elements/twitter/oauth/url',
  '/sandbox/elements/api-v2/instances',
  '/sandbox/elements/api-v2/instances/1000',
  '/sandbox/twitter/oauth/authorize',
];

/** Printable header values, as any client can send. */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const cookie = fc.oneof(
  fc.constantFrom(0, 1).map((i) => liveCookies[i] ?? ''),
  headerValue,
  headerValue.map((v) => `cew_api_flow_0=v1.${v}`),
  fc
    .base64String({ maxLength: 200 })
    .map((v) => `cew_api_flow_0=v1.${v.replace(/=/g, '')}; cew_api_flow_1=${v}`),
);
const body = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc
    .record(
      {
        name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        tags: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(null)),
        oauth_token: fc.oneof(fc.string(), fc.integer()),
        oauth_verifier: fc.string(),
        state: fc.string(),
        denied: fc.string(),
        element: fc.jsonValue(),
        providerData: fc.jsonValue(),
        configuration: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
  ),
  headerValue,
);
const query = fc.dictionary(
  fc.constantFrom(
    'oauth_token',
    'apiKey',
    'apiSecret',
    'callbackUrl',
    'requestToken',
    'state',
    'x',
  ),
  fc.string({ maxLength: 40 }),
);

describe('every route under random input', () => {
  it('never answers 5xx and never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        query,
        fc.option(body, { nil: undefined }),
        fc.record(
          {
            'content-type': contentType,
            cookie,
            origin: fc.oneof(fc.constant(bff.origin), headerValue),
            'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none', 'same-site'),
            authorization: headerValue,
          },
          { requiredKeys: [] },
        ),
        async (path, method, params, payload, headers) => {
          const url = `${bff.origin}${path}?${new URLSearchParams(params)}`;
          const withBody = method !== 'GET' && payload !== undefined;
          const res = await request(url, {
            method,
            headers,
            body: withBody ? payload : undefined,
            dispatcher: agent,
          });
          await res.body.text();
          expect(res.statusCode, `${method} ${path} → ${res.statusCode}`).toBeLessThan(500);
        },
      ),
      { numRuns: 3000 },
    );
    const health = await request(`${bff.origin}/api/health`, { dispatcher: agent });
    expect(health.statusCode).toBe(200);
    expect(bff.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  }, 120_000);
});
