import { createHmac } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { createSandboxApp } from './app';

const CALLBACK = 'http://wizard.test/oauth/callback';
const AUTH = 'User u-secret, Organization o-secret';
const app = { id: 'sf-client-id', secret: 'sf-client-secret' };

/** A sandbox with one Salesforce connected app, and the calls its tests make. */
function makeSandbox() {
  let now = 1_800_000_000_000;
  const sandbox = createSandboxApp({
    publicUrl: 'http://sandbox.test',
    userSecret: 'u-secret',
    orgSecret: 'o-secret',
    apps: { sfdc: { apiKey: app.id, apiSecret: app.secret, callbackUrl: CALLBACK } },
    now: () => now,
  });
  const json = async (res: Response) => JSON.parse(await res.text());
  async function oauthUrl(state = 'st4te', scenario?: string) {
    const query = new URLSearchParams({
      apiKey: app.id,
      apiSecret: app.secret,
      callbackUrl: CALLBACK,
      state,
    });
    const res = await sandbox.request(`/elements/api-v2/elements/sfdc/oauth/url?${query}`, {
      headers: scenario ? { 'x-sandbox-scenario': scenario } : {},
    });
    return { status: res.status, body: await json(res) };
  }
  /** The person's answer on the consent page; returns where Salesforce sends the browser. */
  async function consent(url: string, decision: 'allow' | 'deny') {
    const authorize = new URL(url);
    const form = new URLSearchParams(authorize.searchParams);
    form.set('decision', decision);
    const res = await sandbox.request('/sfdc/services/oauth2/authorize', {
      method: 'POST',
      body: form,
    });
    return { status: res.status, location: new URL(res.headers.get('location') ?? 'x:/') };
  }
  function token(fields: Record<string, string>) {
    return sandbox.request('/sfdc/services/oauth2/token', {
      method: 'POST',
      body: new URLSearchParams(fields),
    });
  }
  function createInstance(code: string, name = 'sf-demo', scenario?: string) {
    return sandbox.request('/elements/api-v2/instances', {
      method: 'POST',
      headers: {
        authorization: AUTH,
        'content-type': 'application/json',
        ...(scenario ? { 'x-sandbox-scenario': scenario } : {}),
      },
      body: JSON.stringify({
        element: { key: 'sfdc' },
        providerData: { code },
        configuration: {
          'oauth.api.key': app.id,
          'oauth.api.secret': app.secret,
          'oauth.callback.url': CALLBACK,
        },
        tags: ['t'],
        name,
      }),
    });
  }
  async function codeFor(state = 'st4te') {
    const { body } = await oauthUrl(state);
    const back = await consent(body.oauthUrl, 'allow');
    return back.location.searchParams.get('code') ?? '';
  }
  return {
    sandbox,
    json,
    oauthUrl,
    consent,
    token,
    createInstance,
    codeFor,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

describe("the sandbox's Salesforce (OAuth 2.0 authorization code)", () => {
  it('gives Cloud Elements an authorize URL without the client secret, naming missing parameters', async () => {
    const { oauthUrl, sandbox, json } = makeSandbox();
    const { status, body } = await oauthUrl();
    expect(status).toBe(200);
    expect(body.element).toBe('sfdc');
    const url = new URL(body.oauthUrl);
    expect(url.origin + url.pathname).toBe('http://sandbox.test/sfdc/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: app.id,
      scope: 'full refresh_token',
      redirect_uri: CALLBACK,
      state: 'st4te',
    });
    const missing = await sandbox.request('/elements/api-v2/elements/sfdc/oauth/url?apiKey=k');
    expect(missing.status).toBe(400);
    expect((await json(missing)).message).toBe(
      'Missing required query parameter(s): apiSecret, callbackUrl',
    );
    const noToken = await sandbox.request('/elements/api-v2/elements/sfdc/oauth/token');
    expect((await json(noToken)).message).toContain('no request token');
  });

  it("puts the secret in the URL as the guide's sample does, in the failure lab", async () => {
    const { oauthUrl } = makeSandbox();
    const { body } = await oauthUrl('s', 'secret-in-url');
    expect(new URL(body.oauthUrl).searchParams.get('client_secret')).toBe(app.secret);
  });

  it('serves a consent page only for a known client and its registered redirect URI', async () => {
    const { oauthUrl, sandbox } = makeSandbox();
    const { body } = await oauthUrl();
    const page = await sandbox.request(
      new URL(body.oauthUrl).pathname + new URL(body.oauthUrl).search,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await page.text()).toContain('Allow <strong>Cloud Elements Instance Wizard</strong>');
    const wrongClient = new URL(body.oauthUrl);
    wrongClient.searchParams.set('client_id', 'nobody');
    const unknown = await sandbox.request(wrongClient.pathname + wrongClient.search);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('invalid_client_id');
    const { body: mismatched } = await oauthUrl('s', 'redirect-mismatch');
    const elsewhere = new URL(mismatched.oauthUrl);
    const refused = await sandbox.request(elsewhere.pathname + elsewhere.search);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('redirect_uri must match configuration');
  });

  it('redirects Allow with a code and the state, Deny with error=access_denied', async () => {
    const { oauthUrl, consent } = makeSandbox();
    const { body } = await oauthUrl('my-state');
    const allowed = await consent(body.oauthUrl, 'allow');
    expect(allowed.status).toBe(302);
    expect(allowed.location.origin + allowed.location.pathname).toBe(CALLBACK);
    expect(allowed.location.searchParams.get('code')).toMatch(/^aPrx[\w-]{40}$/);
    expect(allowed.location.searchParams.get('state')).toBe('my-state');
    const denied = await consent(body.oauthUrl, 'deny');
    expect(Object.fromEntries(denied.location.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'end-user denied authorization',
      state: 'my-state',
    });
  });

  it('trades a code once, for the same client, secret and redirect URI, before it expires', async () => {
    const { token, codeFor, json, tick } = makeSandbox();
    const fields = async () => ({
      grant_type: 'authorization_code',
      code: await codeFor(),
      client_id: app.id,
      client_secret: app.secret,
      redirect_uri: CALLBACK,
    });
    const good = await fields();
    const first = await token(good);
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({
      access_token: expect.stringMatching(/^00D/),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
    });
    const reused = await token(good);
    expect(await json(reused)).toEqual({
      error: 'invalid_grant',
      error_description: 'expired authorization code',
    });
    const wrongSecret = await token({ ...(await fields()), client_secret: 'nope' });
    expect((await json(wrongSecret)).error).toBe('invalid_client');
    const wrongRedirect = await token({ ...(await fields()), redirect_uri: `${CALLBACK}/x` });
    expect((await json(wrongRedirect)).error).toBe('redirect_uri_mismatch');
    const late = await fields();
    tick(15 * 60 * 1000 + 1);
    expect((await json(await token(late))).error).toBe('invalid_grant');
    expect((await json(await token({ ...good, grant_type: 'password' }))).error).toBe(
      'unsupported_grant_type',
    );
  });
});

describe("the sandbox's Salesforce, as an independent OAuth 2.0 client sees it", () => {
  it('answers a code with a token reply a strict client accepts, Salesforce’s own fields signed', async () => {
    const { sandbox, oauthUrl, consent } = makeSandbox();
    // oauth4webapi checks the authorization response and the token reply to RFC 6749 strictly.
    const as: oauth.AuthorizationServer = {
      issuer: 'https://login.salesforce.com',
      token_endpoint: 'https://login.salesforce.com/services/oauth2/token',
    };
    const client: oauth.Client = { client_id: app.id };
    const { body } = await oauthUrl('st4te');
    const back = await consent(body.oauthUrl, 'allow');
    const params = oauth.validateAuthResponse(as, client, back.location, 'st4te');
    const reply = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(app.secret),
      params,
      CALLBACK,
      oauth.nopkce,
      {
        // The token endpoint is the sandbox's: the client's request goes to it in-process.
        [oauth.customFetch]: async (_url, init) =>
          sandbox.request('/sfdc/services/oauth2/token', init as RequestInit),
      },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, reply);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    // The scope asked for comes back, and Salesforce's web-server flow fields with it.
    expect(tokens.scope).toBe('full refresh_token');
    expect(tokens).toMatchObject({
      instance_url: 'https://sandbox-learner.my.salesforce.com',
      id: expect.stringMatching(/^https:\/\/login\.salesforce\.com\/id\//),
    });
    // Salesforce's signature: base64 HMAC-SHA256 of id + issued_at, keyed with the client secret.
    const expected = createHmac('sha256', app.secret)
      .update(`${tokens.id}${tokens.issued_at}`)
      .digest('base64');
    expect(tokens.signature).toBe(expected);
  });
});

describe("the sandbox's Cloud Elements for sfdc", () => {
  it('creates an instance from the code, records the token leg, and answers the CRM hub', async () => {
    const { createInstance, codeFor, json, sandbox } = makeSandbox();
    const code = await codeFor();
    const res = await createInstance(code);
    expect(res.status).toBe(200);
    const instance = await json(res);
    expect(instance).toMatchObject({
      name: 'sf-demo',
      token: expect.stringMatching(/^[A-Za-z0-9+/]{28}=$/),
      element: { id: 39, key: 'sfdc', typeOauth: true },
      tags: ['t'],
    });
    expect(instance.configuration['oauth.user.refresh_token']).toBe('********');
    expect(instance.configuration['oauth.api.secret']).toBe('********');
    const legs = await json(await sandbox.request(`/_inspect/legs?code=${code}`));
    expect(legs.legs).toHaveLength(1);
    expect(legs.legs[0]).toMatchObject({ name: 'token', status: 200 });
    expect(legs.legs[0].form).toContainEqual(['client_secret', '<SALESFORCE_CLIENT_SECRET>']);
    expect(JSON.stringify(legs)).not.toContain(app.secret);
    const accounts = await sandbox.request('/elements/api-v2/hubs/crm/accounts', {
      headers: { authorization: `${AUTH}, Element ${instance.token}` },
    });
    expect(accounts.status).toBe(200);
    expect((await json(accounts))[0]).toMatchObject({ Name: 'Acme Corporation' });
    const social = await sandbox.request('/elements/api-v2/hubs/social/statuses', {
      headers: { authorization: `${AUTH}, Element ${instance.token}` },
    });
    expect(social.status).toBe(400);
  });

  it('passes Salesforce refusals through as Cloud Elements errors, naming what is missing', async () => {
    const { createInstance, codeFor, json } = makeSandbox();
    const reused = await createInstance(await codeFor(), 'a', 'code-reused');
    expect(reused.status).toBe(400);
    expect(await json(reused)).toMatchObject({
      message: 'Failed to exchange the authorization code with Salesforce',
      providerMessage: 'invalid_grant: expired authorization code',
    });
    const expired = await createInstance(await codeFor(), 'b', 'code-expired');
    expect((await json(expired)).providerMessage).toBe('invalid_grant: expired authorization code');
    const noCode = await createInstance('');
    expect((await json(noCode)).message).toContain('providerData.code is required');
  });
});

describe("the sandbox's Zendesk: a code belongs to its site", () => {
  it('trades a code consented on one subdomain only for an instance of that subdomain', async () => {
    const sandbox = createSandboxApp({
      publicUrl: 'http://sandbox.test',
      userSecret: 'u-secret',
      orgSecret: 'o-secret',
      apps: { zendesk: { apiKey: 'zd-id', apiSecret: 'zd-secret', callbackUrl: CALLBACK } },
    });
    async function codeOn(site: string) {
      const query = new URLSearchParams({
        apiKey: 'zd-id',
        apiSecret: 'zd-secret',
        callbackUrl: CALLBACK,
        state: 's',
        siteAddress: site,
      });
      const res = await sandbox.request(`/elements/api-v2/elements/zendesk/oauth/url?${query}`);
      const authorize = new URL(((await res.json()) as { oauthUrl: string }).oauthUrl);
      const form = new URLSearchParams(authorize.searchParams);
      form.set('decision', 'allow');
      const back = await sandbox.request(authorize.pathname, { method: 'POST', body: form });
      return new URL(back.headers.get('location') ?? 'x:/').searchParams.get('code') ?? '';
    }
    const create = (code: string, subdomain: string) =>
      sandbox.request('/elements/api-v2/instances', {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({
          element: { key: 'zendesk' },
          providerData: { code },
          configuration: {
            'oauth.api.key': 'zd-id',
            'oauth.api.secret': 'zd-secret',
            'oauth.callback.url': CALLBACK,
            'zendesk.subdomain': subdomain,
          },
          name: `zd-${subdomain}-${Math.random()}`,
        }),
      });
    const elsewhere = await create(await codeOn('alpha'), 'beta');
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(await elsewhere.json())).toContain('invalid_grant');
    expect((await create(await codeOn('alpha'), 'alpha')).status).toBe(200);
  });
});
