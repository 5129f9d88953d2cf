import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, TestBrowser } from '../testing/start-bff';
import { startSandbox } from '../testing/start-sandbox';

let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());

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
  it('offers only Salesforce when only its app is set, and says so for Twitter', async () => {
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
      const elements = await browser.call('GET', '/api/elements');
      expect(elements.json.map((e: { key: string }) => e.key)).toEqual(['sfdc', 'freshdeskv2']);
      expect(elements.json[0]).toMatchObject({
        key: 'sfdc',
        name: 'Salesforce',
        authType: 'oauth2',
        steps: ['authorize-url', 'callback', 'create-instance', 'instance-token', 'try-it'],
        apiKeyMasked: 'live…t-id',
        markers: { apiSecret: '<SALESFORCE_CLIENT_SECRET>' },
      });
      const none = await browser.call('POST', '/api/flow/request-token', {});
      expect(none.status).toBe(400);
      expect(none.json.error.message).toContain('no OAuth 1.0a element is offered');
      const twitter = await browser.call('POST', '/api/flow/request-token', { element: 'twitter' });
      expect(twitter.status).toBe(400);
      expect(twitter.json.error.message).toContain('does not offer Twitter');
    } finally {
      await only.close();
      await sandbox.close();
    }
  });
});
