import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBff, TestBrowser, TWITTER } from '../testing/start-bff';
import { startSandbox } from '../testing/start-sandbox';

let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());

const DEMO_SECRETS = [
  'sandbox-user-secret-0000',
  'sandbox-org-secret-0000',
  'sandbox-twitter-api-secret',
];

describe('the flow API against the real sandbox over HTTP', () => {
  it('runs the whole flow, and no reply carries a secret', async () => {
    const browser = new TestBrowser(bff.origin);
    const replies: string[] = [];
    const record = <T extends { text: string; headers: Headers }>(reply: T): T => {
      replies.push(reply.text, JSON.stringify([...reply.headers]));
      return reply;
    };
    const first = record(await browser.call('POST', '/api/flow/request-token', TWITTER));
    const second = record(await browser.call('POST', '/api/flow/authorize-url', {}));
    const query = await browser.consent(second.json.oauthUrl, 'allow');
    const callback = record(await browser.call('POST', '/api/flow/callback', query));
    expect(callback.json).toMatchObject({ accepted: true });
    const created = record(
      await browser.call('POST', '/api/flow/instance', { name: 'flow-test', tags: ['a'] }),
    );
    expect(created.status).toBe(200);
    expect(created.json.instance.token).toBeTruthy();
    // Each step's reply carries its own exchange, once, and where the flow now stands.
    const steps = [first, second, callback, created].map((reply) => reply.json.exchange.step);
    expect(steps).toEqual(['request-token', 'authorize-url', 'callback', 'create-instance']);
    expect(created.json.flow).toMatchObject({ done: 'create-instance', instanceName: 'flow-test' });
    // The flow itself says where it stands, not what it said: the browser keeps the exchanges.
    const flow = record(await browser.call('GET', '/api/flow'));
    expect(flow.json).toEqual({ ...created.json.flow });
    expect(flow.json).toMatchObject({ id: first.json.flow.id, done: 'create-instance' });
    expect(flow.json).not.toHaveProperty('exchanges');
    const everything = replies.join('\n') + browser.cookieHeader;
    for (const secret of [...DEMO_SECRETS, bff.config.sessionSecret]) {
      expect(everything).not.toContain(secret);
    }
    expect(flow.json).not.toHaveProperty('tokenSecret');
    expect(flow.json).not.toHaveProperty('verifier');
  });

  it('refuses a callback from a browser without this flow', async () => {
    const owner = new TestBrowser(bff.origin);
    const query = await owner.throughConsent('allow');
    const stranger = new TestBrowser(bff.origin);
    const res = await stranger.call('POST', '/api/flow/callback', query);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('callback_mismatch');
    expect(res.json.error.exchange.step).toBe('callback');
  });

  it("refuses a callback whose token or state is not this flow's", async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('allow');
    for (const forged of [
      { ...query, oauth_token: 'other' },
      { ...query, state: 'other' },
      { ...query, state: undefined },
    ]) {
      const res = await browser.call('POST', '/api/flow/callback', forged);
      expect(res.status).toBe(403);
    }
    // The genuine callback still works after the forgeries were refused.
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
  });

  it('accepts a callback once, and refuses it after the instance exists', async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('allow');
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(409);
    await browser.call('POST', '/api/flow/instance', { name: 'once', tags: [] });
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(409);
    expect(
      (await browser.call('POST', '/api/flow/instance', { name: 'twice', tags: [] })).status,
    ).toBe(409);
  });

  it('records a denial, and refuses to create an instance after it', async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('deny');
    const res = await browser.call('POST', '/api/flow/callback', query);
    expect(res.json).toMatchObject({ accepted: false });
    expect((await browser.call('GET', '/api/flow')).json.outcome).toBe('denied');
    const create = await browser.call('POST', '/api/flow/instance', { name: 'x', tags: [] });
    expect(create.status).toBe(409);
  });

  it('passes a Cloud Elements refusal through with its status and the exchange', async () => {
    const browser = new TestBrowser(bff.origin);
    const first = await browser.throughConsent('allow');
    await browser.call('POST', '/api/flow/callback', first);
    await browser.call('POST', '/api/flow/instance', { name: 'taken-name', tags: [] });
    const again = new TestBrowser(bff.origin);
    await again.call('POST', '/api/flow/callback', await again.throughConsent('allow'));
    const res = await again.call('POST', '/api/flow/instance', { name: 'taken-name', tags: [] });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'upstream_error' });
    expect(res.json.error.message).toContain('already exists');
    expect(res.json.error.requestId).toMatch(/^[0-9a-f]{24}$/);
    expect(res.json.error.exchange.status).toBe(409);
  });

  it('keeps the flow in an HttpOnly, SameSite=Lax, 30-minute cookie sent to the API alone', async () => {
    const setCookies = async (origin: string) => {
      const res = await fetch(`${origin}/api/flow/request-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TWITTER),
      });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie();
    };
    const lines = await setCookies(bff.origin);
    expect(lines).toHaveLength(1);
    for (const line of lines) {
      expect(line).toMatch(/^cew_flow=v2\.[\w-]{100,900};/);
      expect(line).toContain('Path=/api;');
      expect(line).toContain('HttpOnly');
      expect(line).toContain('SameSite=Lax');
      expect(line).toContain('Max-Age=1800');
      expect(line).not.toContain('Secure');
    }
    // Served over https (behind a TLS proxy), the cookie is Secure as well.
    const port = await freePort();
    const https = await startBff({ PORT: String(port), PUBLIC_URL: `https://127.0.0.1:${port}` });
    try {
      const secureLines = await setCookies(https.origin);
      expect(secureLines.length).toBeGreaterThan(0);
      for (const line of secureLines) expect(line).toContain('Secure');
    } finally {
      await https.close();
    }
  });

  it('starts over on DELETE, clearing the cookie', async () => {
    const browser = new TestBrowser(bff.origin);
    await browser.call('POST', '/api/flow/request-token', TWITTER);
    expect(browser.cookies().size).toBeGreaterThan(0);
    const res = await browser.call('DELETE', '/api/flow');
    expect(res.json).toEqual({
      id: null,
      element: null,
      authType: null,
      done: null,
      scenario: 'none',
    });
    expect(browser.cookies().size).toBe(0);
  });

  it('shows an app key by its kind’s one rule: a client id in full, a consumer key never', async () => {
    const { json } = await new TestBrowser(bff.origin).call('GET', '/api/elements');
    const byKey = new Map(json.elements.map((e: { key: string }) => [e.key, e]));
    // OAuth 2.0's client id rides in the consent URL: the page may show it whole.
    expect(byKey.get('sfdc')).toMatchObject({ apiKey: demoApp('SALESFORCE').apiKey });
    // OAuth 1.0a's consumer key is a marker everywhere: the page has only its first and last four.
    expect(byKey.get('twitter')).not.toHaveProperty('apiKey');
    expect(byKey.get('twitter')).toMatchObject({ markers: { apiKey: '<TWITTER_API_KEY>' } });
  });
});

describe('the API refuses bad input with a clear error', () => {
  const browser = () => new TestBrowser(bff.origin);

  it('415 for a POST that is not JSON', async () => {
    const res = await browser().call('POST', '/api/flow/request-token', 'a=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupported_media_type');
  });

  it('403 for a cross-site request', async () => {
    const viaOrigin = await browser().call(
      'POST',
      '/api/flow/request-token',
      {},
      { origin: 'https://evil.example' },
    );
    expect(viaOrigin.status).toBe(403);
    const viaFetchSite = await browser().call('DELETE', '/api/flow', undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(viaFetchSite.status).toBe(403);
  });

  it('413 for a body over the limit', async () => {
    const res = await browser().call('POST', '/api/flow/instance', {
      name: 'x'.repeat(20_000),
      tags: [],
    });
    expect(res.status).toBe(413);
  });

  it('400 naming the field for a wrong shape, and for malformed JSON', async () => {
    const b = browser();
    const wrong = await b.call('POST', '/api/flow/instance', { name: '', tags: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/name: Give the instance a name\..*tags:/);
    const extra = await b.call('POST', '/api/flow/callback', { oauth_token: 'a', surprise: 1 });
    expect(extra.status).toBe(400);
    const malformed = await b.call('POST', '/api/flow/callback', '{"oauth_token":');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('bad_request');
  });

  it('409 for a step out of order, saying what to do', async () => {
    const res = await browser().call('POST', '/api/flow/authorize-url', {});
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain('Start over from the first step');
  });

  it('404 in the error shape for an unknown API route', async () => {
    const res = await browser().call('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('headers and logs', () => {
  it('sends no-store and a CSP on the API, and no CORS', async () => {
    const res = await new TestBrowser(bff.origin).call('GET', '/api/health');
    expect(res.json).toEqual({ status: 'ok', mode: 'sandbox' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const foreign = await new TestBrowser(bff.origin).call('GET', '/api/health', undefined, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one line per request with an id, and never a query string or token', async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('allow');
    await browser.call('POST', '/api/flow/callback', query);
    const logs = bff.logs.join('\n');
    expect(logs).toContain('"path":"/api/flow/callback"');
    for (const value of Object.values(query)) expect(logs).not.toContain(value);
    expect(logs).not.toContain('?');
    expect(bff.logs.every((line) => JSON.parse(line).id)).toBe(true);
  });
});

describe('the web app', () => {
  it('sends a visitor on another host name to PUBLIC_URL, where the flow cookie lives', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>wizard</title>');
    const site = await startBff({ WEB_DIST: dist });
    try {
      const other = await fetch(
        `${site.origin.replace('127.0.0.1', 'localhost')}/step/consent?x=1`,
        {
          redirect: 'manual',
        },
      );
      expect(other.status).toBe(302);
      expect(other.headers.get('location')).toBe(`${site.origin}/step/consent?x=1`);
      const same = await fetch(`${site.origin}/oauth/callback?oauth_token=t`);
      expect(same.status).toBe(200);
      expect(await same.text()).toContain('<title>wizard</title>');
    } finally {
      await site.close();
    }
  });
});

/** A browser that has started a Salesforce flow (OAuth 2.0) and answered its consent page. */
async function throughConsent(decision: 'allow' | 'deny', scenario?: string, origin = bff.origin) {
  const browser = new TestBrowser(origin);
  const start = await browser.call('POST', '/api/flow/authorize-url', {
    element: 'sfdc',
    ...(scenario ? { scenario } : {}),
  });
  expect(start.status).toBe(200);
  const query = await browser.consent(start.json.oauthUrl, decision);
  return { browser, start, query };
}

describe('the Salesforce element, OAuth 2.0, against the real sandbox', () => {
  it('runs the whole flow with no request token, and no secret reaches the browser', async () => {
    const { browser, start, query } = await throughConsent('allow');
    const seen = [start.text];
    // The authorization URL is the first call, bound to this browser by its random state.
    expect(start.json.flow).toMatchObject({
      element: 'sfdc',
      authType: 'oauth2',
      done: 'authorize-url',
    });
    const url = new URL(start.json.oauthUrl);
    expect(url.pathname).toBe('/sandbox/sfdc/services/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(demoApp('SALESFORCE').apiKey);
    expect(url.searchParams.has('client_secret')).toBe(false);
    expect(query.state).toBe(url.searchParams.get('state'));
    expect(query.code).toMatch(/^aPrx/);

    const callback = await browser.call('POST', '/api/flow/callback', query);
    expect(callback.json).toMatchObject({ accepted: true, flow: { done: 'callback' } });
    const created = await browser.call('POST', '/api/flow/instance', { name: 'sf-flow', tags: [] });
    expect(created.status).toBe(200);
    expect(created.json.exchange.requestBody.providerData).toEqual({ code: query.code });
    expect(created.json.exchange.requestBody.configuration['oauth.api.secret']).toBe(
      '<SALESFORCE_CLIENT_SECRET>',
    );
    expect(created.json.instance.element.key).toBe('sfdc');
    const tried = await browser.call('POST', '/api/flow/try-it', {});
    expect(tried.status).toBe(200);
    expect(tried.json.exchange.url).toMatch(/\/hubs\/crm\/accounts$/);
    expect(tried.json.items[0]).toMatchObject({ Name: 'Acme Corporation' });
    const legs = await browser.call('GET', '/api/labs/provider-legs');
    expect(legs.json.legs[0]).toMatchObject({ name: 'token', status: 200 });
    seen.push(callback.text, created.text, tried.text, legs.text, browser.cookieHeader);
    const everything = seen.join('\n');
    for (const secret of [
      demoApp('SALESFORCE').apiSecret,
      DEMO_CREDENTIALS.userSecret,
      DEMO_CREDENTIALS.orgSecret,
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(browser.cookieHeader.length).toBeLessThan(1024);
  });

  it('records a denial (error=access_denied) and refuses an instance after it', async () => {
    const { browser, query } = await throughConsent('deny');
    expect(query.error).toBe('access_denied');
    const callback = await browser.call('POST', '/api/flow/callback', query);
    expect(callback.json).toMatchObject({ accepted: false, flow: { outcome: 'denied' } });
    const create = await browser.call('POST', '/api/flow/instance', { name: 'x', tags: [] });
    expect(create.status).toBe(409);
  });

  it("refuses a callback whose state is not this flow's, and a second use of the code", async () => {
    const { browser, query } = await throughConsent('allow');
    const forged = await browser.call('POST', '/api/flow/callback', { ...query, state: 'other' });
    expect(forged.status).toBe(403);
    expect(forged.json.error.message).toContain('state does not match');
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
    const replay = await browser.call('POST', '/api/flow/callback', query);
    expect(replay.status).toBe(409);
    expect(replay.json.error.message).toContain('already handled');
  });

  it.each([
    ['code-reused', 'invalid_grant: expired authorization code'],
    ['code-expired', 'invalid_grant: expired authorization code'],
  ])(
    'failure lab %s: Salesforce refuses the code, the error passes through',
    async (scenario, why) => {
      const { browser, query } = await throughConsent('allow', scenario);
      await browser.call('POST', '/api/flow/callback', query);
      const created = await browser.call('POST', '/api/flow/instance', {
        name: `lab-${scenario}`,
        tags: [],
      });
      expect(created.status).toBe(400);
      expect(created.json.error).toMatchObject({
        message: 'Failed to exchange the authorization code with Salesforce',
        providerMessage: why,
      });
    },
  );

  it('failure lab secret-in-url: the guide-style URL with the client secret is refused', async () => {
    const browser = new TestBrowser(bff.origin);
    const res = await browser.call('POST', '/api/flow/authorize-url', {
      element: 'sfdc',
      scenario: 'secret-in-url',
    });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('unsafe_oauth_url');
    expect(res.json.error.message).toContain("carries the app's secret");
    expect(res.json).not.toHaveProperty('oauthUrl');
    expect(res.text).not.toContain(demoApp('SALESFORCE').apiSecret);
  });

  it('failure lab redirect-mismatch: Salesforce shows its error instead of redirecting', async () => {
    const browser = new TestBrowser(bff.origin);
    const start = await browser.call('POST', '/api/flow/authorize-url', {
      element: 'sfdc',
      scenario: 'redirect-mismatch',
    });
    expect(start.status).toBe(200);
    const page = await fetch(start.json.oauthUrl);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('redirect_uri must match configuration');
  });
});

describe('a server configured for one element', () => {
  it('uses the app set for Salesforce, and asks the person for Twitter’s, which has none set', async () => {
    const sandbox = await startSandbox({
      userSecret: DEMO_CREDENTIALS.userSecret,
      orgSecret: DEMO_CREDENTIALS.orgSecret,
      apps: {},
    });
    const only = await startBff({
      CE_BASE_URL: sandbox.ceBaseUrl,
      CE_USER_SECRET: DEMO_CREDENTIALS.userSecret,
      CE_ORG_SECRET: DEMO_CREDENTIALS.orgSecret,
      SALESFORCE_API_KEY: 'live-sf-client-id',
      SALESFORCE_API_SECRET: 'live-sf-client-secret',
      SESSION_SECRET: 'only-salesforce-session-secret-0123456789',
    });
    try {
      const browser = new TestBrowser(only.origin);
      const { json } = await browser.call('GET', '/api/elements');
      const byKey = new Map(json.elements.map((e: { key: string }) => [e.key, e]));
      expect(json.elements.slice(0, 5).map((e: { key: string }) => e.key)).toEqual([
        'twitter',
        'sfdc',
        'dropbox',
        'zendesk',
        'freshdeskv2',
      ]);
      expect(byKey.get('sfdc')).toMatchObject({
        key: 'sfdc',
        name: 'Salesforce',
        authType: 'oauth2',
        steps: ['authorize-url', 'callback', 'create-instance', 'instance-token', 'try-it'],
        apiKeyMasked: 'live…t-id',
        // A client id is public in OAuth 2.0: the page shows it in full, as the consent URL does.
        apiKey: 'live-sf-client-id',
        markers: { apiSecret: '<SALESFORCE_CLIENT_SECRET>' },
      });

      // No Twitter app on this server: the person types their own app's key and secret.
      const twitter = byKey.get('twitter') as { fields: { key: string; secret: boolean }[] };
      expect(twitter.fields.map((f) => [f.key, f.secret])).toEqual([
        ['oauth.api.key', true],
        ['oauth.api.secret', true],
      ]);
      const without = await browser.call('POST', '/api/flow/request-token', { element: 'twitter' });
      expect(without.status).toBe(400);
      expect(without.json.error.message).toContain('oauth.api.secret');
      expect(without.json.error.exchange).toBeUndefined();
      const typed = demoApp('TWITTER');
      const started = await browser.call('POST', '/api/flow/request-token', {
        element: 'twitter',
        fields: { 'oauth.api.key': typed.apiKey, 'oauth.api.secret': typed.apiSecret },
      });
      expect(started.status).toBe(200);
      // The typed secret and key are markers in what comes back.
      expect(started.text).not.toContain(typed.apiSecret);
      expect(started.text).not.toContain(typed.apiKey);
    } finally {
      await only.close();
      await sandbox.close();
    }
  });
});

describe('your own call through the instance', () => {
  it('sends a read of the hub, shows any status, and refuses a write or a path off the hub before sending', async () => {
    const browser = new TestBrowser(bff.origin);
    const early = await browser.call('POST', '/api/flow/hub-call', {
      method: 'GET',
      path: '/hubs/social/lists',
    });
    expect(early.status).toBe(409);
    await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
    await browser.call('POST', '/api/flow/instance', { name: `own-call-${Date.now()}` });
    expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
    const read = await browser.call('POST', '/api/flow/hub-call', {
      method: 'GET',
      path: '/hubs/social/lists',
    });
    expect(read.status).toBe(200);
    expect(read.json.status).toBe(200);
    expect(read.json.exchange.url).toMatch(/\/hubs\/social\/lists$/);
    expect(read.json.exchange.responseBody[0]).toMatchObject({ name: 'OAuth people' });
    expect(read.json.exchange.requestHeaders.authorization).toBe(
      'User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>, Element <INSTANCE_TOKEN>',
    );
    // A resource the hub does not have: Cloud Elements' 404, shown as it came.
    const missing = await browser.call('POST', '/api/flow/hub-call', {
      method: 'GET',
      path: '/hubs/social/nothing-here',
    });
    expect(missing.json.status).toBe(404);
    for (const [method, path, reason] of [
      ['POST', '/hubs/social/statuses', 'only reads (GET)'],
      ['GET', '/instances', 'not in this element'],
      ['GET', '/hubs/social/../../instances', 'not in this element'],
    ]) {
      const refused = await browser.call('POST', '/api/flow/hub-call', { method, path });
      expect(refused.status, `${method} ${path}`).toBe(400);
      expect(refused.json.error.message).toContain(reason);
      // Nothing was sent: a refusal carries no exchange.
      expect(refused.json.error.exchange).toBeUndefined();
    }
  });
});
