import { ELEMENTS } from '@cew/shared';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createSandboxApp } from './app';
import type { SandboxElement } from './catalog';
import { createCloudElements } from './cloud-elements';
import { authorizationHeader, hmacSha1, type Param, sign, signingKey } from './oauth1';
import { createOAuth1Provider } from './oauth1-provider';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected field by field in assertions
const readJson = (res: Response) => res.json() as Promise<Record<string, any>>;

const CALLBACK = 'http://wizard.test/oauth/callback';
const AUTH = 'User u-secret, Organization o-secret';

function makeSandbox() {
  let now = 1_000_000;
  const app = createSandboxApp({
    publicUrl: 'http://sandbox.test',
    userSecret: 'u-secret',
    orgSecret: 'o-secret',
    apps: { twitter: { apiKey: 'app-key', apiSecret: 'app-secret' } },
    tokenTtlMs: 60_000,
    now: () => now,
  });
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const appQuery = {
    apiKey: 'app-key',
    apiSecret: 'app-secret',
    callbackUrl: CALLBACK,
    state: 'st',
  };

  async function requestToken() {
    const res = await app.request(
      `/elements/api-v2/elements/twitter/oauth/token?${query(appQuery)}`,
    );
    expect(res.status).toBe(200);
    return (await readJson(res)) as { token: string; secret: string };
  }
  async function consent(token: string, decision: 'allow' | 'deny') {
    const res = await app.request('/twitter/oauth/authorize', {
      method: 'POST',
      body: new URLSearchParams({ oauth_token: token, decision }),
    });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  }
  function createInstance(body: unknown, authorization = AUTH) {
    return app.request('/elements/api-v2/instances', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
  function instanceBody(token: string, verifier: string, secret: string, name = 'demo') {
    return {
      element: { key: 'twitter' },
      providerData: { oauth_token: token, oauth_verifier: verifier, secret },
      configuration: {
        'oauth.api.key': 'app-key',
        'oauth.api.secret': 'app-secret',
        'oauth.callback.url': CALLBACK,
      },
      tags: ['t'],
      name,
    };
  }
  /** Steps 1–3 with consent granted: what step 4 needs. */
  async function authorized() {
    const { token, secret } = await requestToken();
    const back = await consent(token, 'allow');
    return { token, secret, verifier: back.searchParams.get('oauth_verifier') ?? '' };
  }
  return {
    app,
    query,
    appQuery,
    requestToken,
    consent,
    createInstance,
    instanceBody,
    authorized,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('sandbox Cloud Elements and Twitter', () => {
  it('names every missing query parameter in step 1, in Cloud Elements’ error shape', async () => {
    const { app } = makeSandbox();
    const res = await app.request('/elements/api-v2/elements/twitter/oauth/token?apiKey=app-key');
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.message).toBe('Missing required query parameter(s): apiSecret, callbackUrl');
    expect(body.requestId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('refuses unknown app credentials and unknown elements', async () => {
    const { app, query, appQuery } = makeSandbox();
    const wrong = await app.request(
      `/elements/api-v2/elements/twitter/oauth/token?${query({ ...appQuery, apiSecret: 'nope' })}`,
    );
    expect(wrong.status).toBe(400);
    expect((await readJson(wrong)).providerMessage).toContain('Could not authenticate you');
    const unknown = await app.request(
      `/elements/api-v2/elements/salesforce/oauth/token?${query(appQuery)}`,
    );
    expect(unknown.status).toBe(404);
  });

  it('issues a fresh random token and secret each time', async () => {
    const { requestToken } = makeSandbox();
    const a = await requestToken();
    const b = await requestToken();
    expect(a.token).not.toBe(b.token);
    expect(a.secret).not.toBe(b.secret);
    expect(a.token.length).toBeGreaterThanOrEqual(24);
  });

  it('builds an oauthUrl for the consent page carrying the token, and refuses unknown tokens', async () => {
    const { app, query, appQuery, requestToken } = makeSandbox();
    const { token } = await requestToken();
    const res = await app.request(
      `/elements/api-v2/elements/twitter/oauth/url?${query({ ...appQuery, requestToken: token })}`,
    );
    expect(await readJson(res)).toEqual({
      element: 'twitter',
      oauthUrl: `http://sandbox.test/twitter/oauth/authorize?oauth_token=${token}`,
    });
    const bad = await app.request(
      `/elements/api-v2/elements/twitter/oauth/url?${query({ ...appQuery, requestToken: 'forged' })}`,
    );
    expect(bad.status).toBe(400);
  });

  it('serves a consent page that no other site may frame', async () => {
    const { app, requestToken } = makeSandbox();
    const { token } = await requestToken();
    const page = await app.request(`/twitter/oauth/authorize?oauth_token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('redirects an approval with token, verifier and state, and a refusal with denied', async () => {
    const { consent, requestToken, app } = makeSandbox();
    const { token } = await requestToken();
    const page = await app.request(`/twitter/oauth/authorize?oauth_token=${token}`);
    expect(await page.text()).toContain('Authorize app');
    const back = await consent(token, 'allow');
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('oauth_token')).toBe(token);
    expect(back.searchParams.get('oauth_verifier')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('st');

    const other = await requestToken();
    const denied = await consent(other.token, 'deny');
    expect(denied.searchParams.get('denied')).toBe(other.token);
    expect(denied.searchParams.has('oauth_verifier')).toBe(false);
  });

  it('checks the Authorization header of POST /instances', async () => {
    const { createInstance, authorized, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    expect((await createInstance(instanceBody(token, verifier, secret), '')).status).toBe(401);
    expect(
      (
        await createInstance(
          instanceBody(token, verifier, secret),
          'User u-secret, Organization wrong',
        )
      ).status,
    ).toBe(401);
    // Order of the parts does not matter.
    expect(
      (
        await createInstance(
          instanceBody(token, verifier, secret),
          'Organization o-secret, User u-secret',
        )
      ).status,
    ).toBe(200);
  });

  it('names every missing field and configuration entry', async () => {
    const { createInstance, authorized, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    const noProvider = await createInstance({
      ...instanceBody(token, verifier, secret),
      providerData: {},
    });
    expect((await readJson(noProvider)).message).toBe(
      'providerData.oauth_token is required; providerData.oauth_verifier is required; providerData.secret is required.',
    );
    const noConfig = await createInstance({
      ...instanceBody(token, verifier, secret),
      configuration: { 'oauth.api.key': 'app-key' },
    });
    expect(noConfig.status).toBe(400);
    expect((await readJson(noConfig)).message).toContain(
      'Missing required configuration entries: oauth.api.secret, oauth.callback.url',
    );
  });

  it('creates an instance shaped like the guide’s sample, with its secrets masked', async () => {
    const { createInstance, authorized, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    const res = await createInstance(instanceBody(token, verifier, secret));
    expect(res.status).toBe(200);
    const instance = await readJson(res);
    expect(instance).toMatchObject({
      name: 'demo',
      element: { id: 1359, key: 'twitter' },
      tags: ['t'],
      valid: true,
    });
    expect(instance.token).toMatch(/^[A-Za-z0-9+/]{28}=$/);
    expect(instance.configuration['oauth.api.secret']).toBe('********');
    expect(instance.configuration['oauth.user.token.secret']).toBe('********');
    expect(instance.configuration['oauth.callback.url']).toBe(CALLBACK);
  });

  it('accepts each request token once, and only with its own verifier and secret', async () => {
    const { createInstance, authorized, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    expect((await createInstance(instanceBody(token, 'wrong', secret))).status).toBe(400);
    expect((await createInstance(instanceBody(token, verifier, 'wrong'))).status).toBe(400);
    expect((await createInstance(instanceBody(token, verifier, secret))).status).toBe(200);
    const replay = await createInstance(instanceBody(token, verifier, secret, 'second'));
    expect(replay.status).toBe(400);
    expect((await readJson(replay)).providerMessage).toContain('Invalid or expired token');
  });

  it('refuses a token that was denied or never authorized', async () => {
    const { createInstance, requestToken, consent, instanceBody } = makeSandbox();
    const issued = await requestToken();
    expect((await createInstance(instanceBody(issued.token, 'v', issued.secret))).status).toBe(400);
    const denied = await requestToken();
    await consent(denied.token, 'deny');
    const res = await createInstance(instanceBody(denied.token, 'v', denied.secret));
    expect((await readJson(res)).providerMessage).toContain('Invalid or expired token');
  });

  it('lets request tokens expire', async () => {
    const { app, requestToken, advance } = makeSandbox();
    const { token } = await requestToken();
    advance(60_001);
    const page = await app.request(`/twitter/oauth/authorize?oauth_token=${token}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('invalid, expired or already used');
  });

  it('answers 409 for a second instance of the same name', async () => {
    const { createInstance, authorized, instanceBody } = makeSandbox();
    const first = await authorized();
    expect(
      (await createInstance(instanceBody(first.token, first.verifier, first.secret, 'same')))
        .status,
    ).toBe(200);
    const second = await authorized();
    expect(
      (await createInstance(instanceBody(second.token, second.verifier, second.secret, 'same')))
        .status,
    ).toBe(409);
  });
});

describe("the sandbox's hidden leg: Cloud Elements and Twitter over OAuth 1.0a", () => {
  it('records both signed requests, with verifiable signatures and secrets as markers', async () => {
    const { app, createInstance, authorized, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    expect((await createInstance(instanceBody(token, verifier, secret))).status).toBe(200);
    const { legs } = await readJson(await app.request(`/_inspect/legs?oauth_token=${token}`));
    expect(legs.map((l: { name: string }) => l.name)).toEqual(['request_token', 'access_token']);
    const [requestLeg, accessLeg] = legs;
    expect(requestLeg.url).toBe('http://sandbox.test/twitter/oauth/request_token');
    expect(requestLeg.signingKey).toBe('<TWITTER_API_SECRET>&');
    expect(requestLeg.responseBody).toContain('oauth_token_secret=<REQUEST_TOKEN_SECRET>');
    expect(requestLeg.responseBody).toContain('oauth_callback_confirmed=true');
    expect(requestLeg.baseString).toContain('oauth_callback%3Dhttp%253A%252F%252Fwizard.test');
    expect(accessLeg.signingKey).toBe('<TWITTER_API_SECRET>&<REQUEST_TOKEN_SECRET>');
    expect(accessLeg.responseBody).toContain('oauth_token=<ACCESS_TOKEN>&');
    expect(accessLeg.responseBody).toContain('oauth_token_secret=<ACCESS_TOKEN_SECRET>');
    // A learner with the real secrets can check each signature from the base string shown.
    expect(hmacSha1(requestLeg.baseString, signingKey('app-secret'))).toBe(requestLeg.signature);
    expect(hmacSha1(accessLeg.baseString, signingKey('app-secret', secret))).toBe(
      accessLeg.signature,
    );
    expect(JSON.stringify(legs)).not.toContain(secret);
  });
});

describe("the sandbox's Twitter verifies every signed request", () => {
  let now = 1_700_000_000_000;
  const twitter = createOAuth1Provider({
    baseUrl: 'https://api.twitter.test',
    apps: { key: 'secret' },
    tokenTtlMs: 60_000,
    look: {
      brand: 'Twitter',
      provider: 'Twitter',
      grants: [],
      allow: 'Authorize app',
      deny: 'Cancel',
    },
    // Twitter's own words, from its overlay.
    dialect: ELEMENTS.twitter.sandbox?.oauth1,
    now: () => now,
  });
  const oauth = (overrides: Record<string, string> = {}): Param[] =>
    Object.entries({
      oauth_consumer_key: 'key',
      oauth_nonce: `n${Math.random()}`,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(Math.floor(now / 1000)),
      oauth_version: '1.0',
      oauth_callback: 'http://app.test/cb',
      ...overrides,
    });
  function post(params: Param[], consumerSecret = 'secret') {
    const url = 'https://api.twitter.test/oauth/request_token';
    const { signature } = sign({ method: 'POST', url, oauth: params, consumerSecret });
    return twitter.app.request('/oauth/request_token', {
      method: 'POST',
      headers: { authorization: authorizationHeader([...params, ['oauth_signature', signature]]) },
    });
  }

  it('accepts a correct signature and confirms the callback', async () => {
    const res = await post(oauth());
    expect(res.status).toBe(200);
    expect(new URLSearchParams(await res.text()).get('oauth_callback_confirmed')).toBe('true');
  });

  it('refuses a wrong signature, an unknown app and a missing callback like Twitter does', async () => {
    const bad = await post(oauth(), 'not-the-secret');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      errors: [{ code: 32, message: 'Could not authenticate you.' }],
    });
    expect((await post(oauth({ oauth_consumer_key: 'unknown' }))).status).toBe(401);
    const noCallback = oauth().filter(([name]) => name !== 'oauth_callback');
    expect((await post(noCallback)).status).toBe(401);
  });

  it('refuses a timestamp outside the window', async () => {
    const stale = await post(oauth({ oauth_timestamp: String(Math.floor(now / 1000) - 301) }));
    expect(stale.status).toBe(401);
    expect((await readJson(stale)).errors[0].code).toBe(135);
    now += 1;
  });

  it('refuses a reused nonce', async () => {
    const params = oauth({ oauth_nonce: 'same' });
    expect((await post(params)).status).toBe(200);
    expect((await post(params)).status).toBe(401);
  });

  it('words its refusals as OAuth Problem Reporting for a provider with no dialect of its own', async () => {
    const generic = createOAuth1Provider({
      baseUrl: 'https://api.freshbooks.test',
      apps: { key: 'secret' },
      tokenTtlMs: 60_000,
      look: {
        brand: 'FreshBooks',
        provider: 'FreshBooks',
        grants: [],
        allow: 'Allow',
        deny: 'Deny',
      },
      now: () => now,
    });
    const params = oauth();
    const url = 'https://api.freshbooks.test/oauth/request_token';
    const { signature } = sign({ method: 'POST', url, oauth: params, consumerSecret: 'wrong' });
    const res = await generic.app.request('/oauth/request_token', {
      method: 'POST',
      headers: { authorization: authorizationHeader([...params, ['oauth_signature', signature]]) },
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('oauth_problem=signature_invalid');
  });

  it('has Cloud Elements refuse a provider that does not confirm the callback (OAuth 1.0)', async () => {
    const legacy = {
      app: new Hono(),
      signedPost: async () => ({
        url: 'https://legacy.test/oauth/request_token',
        oauth: [] as Param[],
        work: { parameters: '', baseString: '', signature: '' },
        status: 200,
        body: 'oauth_token=t&oauth_token_secret=s',
      }),
    };
    const ce = createCloudElements({
      userSecret: 'u',
      orgSecret: 'o',
      elements: [ELEMENTS.twitter as SandboxElement],
      documented: [],
      oauth1: { twitter: { provider: legacy, publicUrl: 'https://legacy.test' } },
      oauth2: {},
      now: () => now,
    });
    const res = await ce.app.request(
      '/elements/twitter/oauth/token?apiKey=k&apiSecret=s&callbackUrl=http%3A%2F%2Fapp.test%2Fcb',
    );
    expect(res.status).toBe(502);
    expect((await readJson(res)).message).toContain('oauth_callback_confirmed');
  });
});

describe('the tampering lab', () => {
  const tamper = (app: ReturnType<typeof makeSandbox>['app'], body: unknown) =>
    app.request('/_lab/tamper', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('sends Twitter a signed request with one input changed, and Twitter refuses it for that', async () => {
    const { app } = makeSandbox();
    const expected = {
      signature: [32, 'Could not authenticate you.'],
      timestamp: [135, 'Timestamp out of bounds.'],
      nonce: [32, 'Nonce already used'],
    } as const;
    for (const [change, [code, message]] of Object.entries(expected)) {
      const res = await tamper(app, { element: 'twitter', consumerKey: 'app-key', change });
      expect(res.status).toBe(200);
      const result = await readJson(res);
      expect(result.status).toBe(401);
      const reply = JSON.parse(result.reply);
      expect(reply.errors[0].code).toBe(code);
      expect(reply.errors[0].message).toContain(message);
      expect(result.change.name).toBe(change === 'nonce' ? 'oauth_nonce' : `oauth_${change}`);
    }
  });

  it('refuses a changed verifier, and the token still works with the right one', async () => {
    const { app, authorized, createInstance, instanceBody } = makeSandbox();
    const { token, verifier, secret } = await authorized();
    const res = await tamper(app, {
      element: 'twitter',
      consumerKey: 'app-key',
      change: 'verifier',
      oauth_token: token,
    });
    const result = await readJson(res);
    expect(result.change).toMatchObject({ name: 'oauth_verifier', from: verifier });
    expect(result.change.to).not.toBe(verifier);
    expect(result.reply).toContain('Invalid oauth_verifier');
    expect((await createInstance(instanceBody(token, verifier, secret, 'after-lab'))).status).toBe(
      200,
    );
  });

  it('changes a verifier only between consent and step 4', async () => {
    const { app, requestToken } = makeSandbox();
    const { token } = await requestToken();
    const res = await tamper(app, {
      element: 'twitter',
      consumerKey: 'app-key',
      change: 'verifier',
      oauth_token: token,
    });
    expect(res.status).toBe(409);
  });
});
