import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEnv, startBff, TestBrowser, TWITTER } from '../testing/start-bff';
import { startSandbox } from '../testing/start-sandbox';
import { createSealer } from './seal';
import { type FlowState, FlowStateSchema } from './state';

/** Every cookie the browser sends the API, which must hold the flow's: `cew_flow=…`. */
const flowCookie = (browser: TestBrowser) => {
  expect(browser.cookies().get('cew_flow')).toMatch(/^v2\./);
  return browser.cookieHeader;
};

const sandboxOptions = {
  userSecret: DEMO_CREDENTIALS.userSecret,
  orgSecret: DEMO_CREDENTIALS.orgSecret,
  apps: { twitter: { apiKey: demoApp('TWITTER').apiKey, apiSecret: demoApp('TWITTER').apiSecret } },
};

/** Adds a 40 KB field to every JSON reply of Cloud Elements (to each item of a list). */
async function padded(reply: Response, url: URL): Promise<Response> {
  // The flow's calls, not the catalog's (its own limits are tested apart).
  if (!url.pathname.startsWith('/elements/api-v2') || /\/elements(\/[^/]+)?$/.test(url.pathname)) {
    return reply;
  }
  const body: unknown = await reply.json();
  const pad = (value: unknown) =>
    value && typeof value === 'object' ? { ...value, padding: 'x'.repeat(40_000) } : value;
  const bigger = Array.isArray(body) ? body.map(pad) : pad(body);
  return Response.json(bigger, { status: reply.status });
}

/** Refuses the authorization URL call with a 60 KB Cloud Elements error. */
async function hugeRefusal(reply: Response, url: URL): Promise<Response> {
  if (!url.pathname.endsWith('/oauth/url')) return reply;
  return Response.json({ requestId: 'big', message: `No. ${'y'.repeat(60_000)}` }, { status: 400 });
}

describe('the flow cookie stays one small cookie', () => {
  let bff: Awaited<ReturnType<typeof startBff>>;
  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it('after 20 refused callbacks with 512-character values, and changes nothing', async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('allow');
    const before = flowCookie(browser);
    for (let i = 0; i < 20; i++) {
      const long = `${i}`.padEnd(512, 'v');
      const forged =
        i % 2
          ? { oauth_token: long, state: long, denied: long }
          : { oauth_token: query.oauth_token, state: long, oauth_verifier: long };
      const res = await browser.call('POST', '/api/flow/callback', forged);
      expect([400, 403]).toContain(res.status);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(flowCookie(browser)).toBe(before);
    expect(before.length).toBeLessThan(1024);
    // Not locked out: the genuine callback and the rest of the flow still work.
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
    const created = await browser.call('POST', '/api/flow/instance', {
      name: 'after-20',
      tags: [],
    });
    expect(created.status).toBe(200);
    expect(flowCookie(browser).length).toBeLessThan(1024);
  });

  it('across a whole flow, at every step', async () => {
    const browser = new TestBrowser(bff.origin);
    const sizes: number[] = [];
    const step = async (path: string, body: unknown) => {
      expect((await browser.call('POST', path, body)).status).toBe(200);
      sizes.push(flowCookie(browser).length);
    };
    await step('/api/flow/request-token', TWITTER);
    const { json } = await browser.call('POST', '/api/flow/authorize-url', {});
    sizes.push(flowCookie(browser).length);
    await step('/api/flow/callback', await browser.consent(json.oauthUrl, 'allow'));
    await step('/api/flow/instance', { name: 'n'.repeat(100), tags: ['t'.repeat(40)] });
    await step('/api/flow/try-it', {});
    expect(sizes).toHaveLength(5);
    for (const size of sizes) expect(size).toBeLessThan(1024);
  });
});

describe('whatever upstream answers', () => {
  it('a 40 KB extra field in every reply: each step answers 200, the instance is shown', async () => {
    const sandbox = await startSandbox(sandboxOptions, padded);
    const bff = await startBff(liveEnv(sandbox.ceBaseUrl));
    try {
      const browser = new TestBrowser(bff.origin);
      const first = await browser.call('POST', '/api/flow/request-token', TWITTER);
      expect(first.status).toBe(200);
      expect(first.json.exchange.responseBody.padding).toHaveLength(40_000);
      const second = await browser.call('POST', '/api/flow/authorize-url', {});
      expect(second.status).toBe(200);
      const query = await browser.consent(second.json.oauthUrl, 'allow');
      expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
      const created = await browser.call('POST', '/api/flow/instance', { name: 'big', tags: [] });
      expect(created.status).toBe(200);
      expect(created.json.instance).toMatchObject({ name: 'big', token: expect.any(String) });
      expect(created.json.instance.padding).toHaveLength(40_000);
      const tried = await browser.call('POST', '/api/flow/try-it', {});
      expect(tried.status).toBe(200);
      expect(flowCookie(browser).length).toBeLessThan(1024);
    } finally {
      await bff.close();
      await sandbox.close();
    }
  });

  it('a 60 KB refusal passes through with its status and leaves the cookie as it was', async () => {
    const sandbox = await startSandbox(sandboxOptions, hugeRefusal);
    const bff = await startBff(liveEnv(sandbox.ceBaseUrl));
    try {
      const browser = new TestBrowser(bff.origin);
      await browser.call('POST', '/api/flow/request-token', TWITTER);
      const before = flowCookie(browser);
      const res = await browser.call('POST', '/api/flow/authorize-url', {});
      expect(res.status).toBe(400);
      expect(res.json.error.message).toMatch(/^No\. y+$/);
      expect(res.json.error.exchange.status).toBe(400);
      expect(flowCookie(browser)).toBe(before);
      expect((await browser.call('GET', '/api/flow')).json.done).toBe('request-token');
    } finally {
      await bff.close();
      await sandbox.close();
    }
  });
});

describe('the flow state', () => {
  it('fits one cookie even with every field at its limit', () => {
    const long = (n: number) => 'x'.repeat(n);
    const largest: FlowState = {
      id: long(32),
      element: 'twitter',
      authType: 'oauth1',
      done: 'create-instance',
      outcome: 'authorized',
      scenario: 'tampered-verifier',
      state: long(256),
      requestToken: long(256),
      tokenSecret: long(256),
      issuedAt: Number.MAX_SAFE_INTEGER,
      oauthUrl: long(512),
      grant: long(256),
      instanceName: long(100),
      instanceToken: long(256),
    };
    expect(FlowStateSchema.safeParse(largest).success).toBe(true);
    const tooLong = { ...largest, oauthUrl: long(513) };
    expect(FlowStateSchema.safeParse(tooLong).success).toBe(false);
    const sealed = createSealer(long(32)).seal(largest, 60_000);
    // Browsers keep at most 4096 bytes per cookie, name and attributes included.
    expect(
      `cew_flow=${sealed}; Max-Age=1800; Path=/api; HttpOnly; SameSite=Lax; Secure`.length,
    ).toBeLessThan(4096);
  });
});
