import { once } from 'node:events';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, TestBrowser, TWITTER } from './testing/start-bff';
import { type Received, startSandbox, withTwitterListed } from './testing/start-sandbox';

/** Unique values no code could contain by chance, with characters that change when encoded. */
const tag = Math.random().toString(36).slice(2, 8);
const CANARY = {
  // Cloud Elements secrets are base64-like: no spaces or commas in an Authorization header.
  CE_USER_SECRET: `cnry-user/${tag}+a=b`,
  CE_ORG_SECRET: `cnry-org/${tag}+x?y&z=`,
  TWITTER_API_KEY: `cnry-key-${tag}`,
  TWITTER_API_SECRET: `cnry-app/${tag}+secret=1 2`,
  SESSION_SECRET: `cnry-session-${tag}-${'s'.repeat(32)}`,
};

function forms(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ];
}

/** Everything a browser received: bodies, every header (cookies included), as text. */
function expectNoSecret(seen: string[], extraSecrets: string[] = []) {
  const all = seen.join('\n');
  for (const [name, value] of [
    ...Object.entries(CANARY),
    ...extraSecrets.map((s) => ['extra', s]),
  ]) {
    for (const form of forms(value as string)) {
      expect(all.includes(form), `${name} leaked as ${form}`).toBe(false);
    }
  }
}

function recordingBrowser(origin: string) {
  const browser = new TestBrowser(origin);
  const seen: string[] = [];
  const call = browser.call.bind(browser);
  browser.call = async (...args: Parameters<TestBrowser['call']>) => {
    const reply = await call(...args);
    seen.push(reply.text, JSON.stringify([...reply.headers]));
    return reply;
  };
  return { browser, seen };
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let bff: Awaited<ReturnType<typeof startBff>>;
const liveEnv = (ceBaseUrl: string) => ({
  ...CANARY,
  CE_BASE_URL: ceBaseUrl,
  OAUTH_ALLOWED_HOSTS: '127.0.0.1',
  UPSTREAM_TIMEOUT_MS: '2000',
});

beforeAll(async () => {
  sandbox = await startSandbox({
    userSecret: CANARY.CE_USER_SECRET,
    orgSecret: CANARY.CE_ORG_SECRET,
    apps: { twitter: { apiKey: CANARY.TWITTER_API_KEY, apiSecret: CANARY.TWITTER_API_SECRET } },
  });
  bff = await startBff(liveEnv(sandbox.ceBaseUrl));
});
afterAll(async () => {
  await bff.close();
  await sandbox.close();
});

describe('live mode against the standalone sandbox', () => {
  it('sends exactly the guide’s requests and creates an instance', async () => {
    expect(bff.config.mode).toBe('live');
    const { browser } = recordingBrowser(bff.origin);
    sandbox.received.length = 0;
    const query = await browser.throughConsent('allow');
    await browser.call('POST', '/api/flow/callback', query);
    const created = await browser.call('POST', '/api/flow/instance', {
      name: `live-${tag}`,
      tags: ['x'],
    });
    expect(created.status).toBe(200);

    // After provisioning: a call through the instance, then the list and a delete, all live.
    const tryIt = await browser.call('POST', '/api/flow/try-it', {});
    expect(tryIt.status).toBe(200);
    const statusesCall = sandbox.received.find((r) =>
      r.url.pathname.endsWith('/hubs/social/statuses'),
    );
    const instanceToken = (await browser.call('GET', '/api/flow/instance-token')).json.token;
    expect(statusesCall?.headers.authorization).toBe(
      `User ${CANARY.CE_USER_SECRET}, Organization ${CANARY.CE_ORG_SECRET}, Element ${instanceToken}`,
    );
    const list = await browser.call('GET', '/api/instances');
    expect(list.json.instances.map((i: { name: string }) => i.name)).toContain(`live-${tag}`);
    expect(
      (await browser.call('DELETE', `/api/instances/${created.json.instance.id}`)).status,
    ).toBe(200);

    const find = (path: string) => sandbox.received.find((r) => r.url.pathname.endsWith(path));
    const [token, url, instance] = ['/oauth/token', '/oauth/url', '/instances'].map(find);
    expect(token?.url.pathname).toBe('/elements/api-v2/elements/twitter/oauth/token');
    expect(Object.fromEntries(token?.url.searchParams ?? [])).toEqual({
      apiKey: CANARY.TWITTER_API_KEY,
      apiSecret: CANARY.TWITTER_API_SECRET,
      callbackUrl: bff.config.callbackUrl,
      state: query.state,
    });
    expect(token?.headers.authorization).toBeUndefined();
    expect(url?.url.pathname).toBe('/elements/api-v2/elements/twitter/oauth/url');
    expect(url?.url.searchParams.get('requestToken')).toBe(query.oauth_token);
    expect(url?.url.searchParams.get('state')).toBe(query.state);
    expect(url?.headers.authorization).toBeUndefined();

    expect(instance?.method).toBe('POST');
    expect(instance?.url.pathname).toBe('/elements/api-v2/instances');
    expect(instance?.headers.authorization).toBe(
      `User ${CANARY.CE_USER_SECRET}, Organization ${CANARY.CE_ORG_SECRET}`,
    );
    const body = JSON.parse(instance?.body ?? '{}');
    expect(body).toEqual({
      element: { key: 'twitter' },
      providerData: {
        oauth_token: query.oauth_token,
        oauth_verifier: query.oauth_verifier,
        secret: expect.any(String),
      },
      configuration: {
        'oauth.api.key': CANARY.TWITTER_API_KEY,
        'oauth.api.secret': CANARY.TWITTER_API_SECRET,
        'oauth.callback.url': url?.url.searchParams.get('callbackUrl'),
      },
      // The person's tags, this browser's own learner tag, and the wizard's.
      tags: ['x', expect.stringMatching(/^learner-[\w-]{8}$/), 'instance-wizard'],
      name: `live-${tag}`,
    });
  });

  it('ignores a failure-lab scenario: it never travels in live mode', async () => {
    const browser = new TestBrowser(bff.origin);
    sandbox.received.length = 0;
    const res = await browser.call('POST', '/api/flow/request-token', {
      ...TWITTER,
      scenario: 'ce-down',
    });
    expect(res.status).toBe(200);
    expect((await browser.call('GET', '/api/flow')).json.scenario).toBe('none');
    expect(sandbox.received.every((r) => r.headers['x-sandbox-scenario'] === undefined)).toBe(true);
    const legs = await browser.call('GET', '/api/labs/provider-legs');
    expect(legs.status).toBe(404);
    // The tampering lab is the sandbox's too: nothing reaches Cloud Elements for it.
    const calls = sandbox.received.length;
    const tamper = await browser.call('POST', '/api/labs/tamper', { change: 'signature' });
    expect(tamper.status).toBe(404);
    expect(sandbox.received.length).toBe(calls);
  });

  it('lets no secret reach the browser or the log, in whole flows that succeed and fail', async () => {
    const seen: string[] = [];
    const tokenSecrets: string[] = [];
    const run = async (steps: (b: TestBrowser) => Promise<void>) => {
      const recorded = recordingBrowser(bff.origin);
      await steps(recorded.browser);
      seen.push(...recorded.seen, recorded.browser.cookieHeader);
    };
    // The approve path, and the request token secrets the sandbox handed out on the way.
    sandbox.received.length = 0;
    await run(async (b) => {
      await b.call('POST', '/api/flow/callback', await b.throughConsent('allow'));
      await b.call('POST', '/api/flow/instance', { name: `canary-${tag}`, tags: [] });
      await b.call('GET', '/api/flow');
    });
    // A name that is taken: Cloud Elements' 409 passes through.
    await run(async (b) => {
      await b.call('POST', '/api/flow/callback', await b.throughConsent('allow'));
      const res = await b.call('POST', '/api/flow/instance', { name: `canary-${tag}`, tags: [] });
      expect(res.status).toBe(409);
    });
    // Denied, replayed, forged and out-of-order calls.
    await run(async (b) => {
      const query = await b.throughConsent('deny');
      await b.call('POST', '/api/flow/callback', query);
      await b.call('POST', '/api/flow/callback', query);
      await b.call('POST', '/api/flow/instance', { name: 'n', tags: [] });
    });
    await run(async (b) => {
      const query = await b.throughConsent('allow');
      await b.call('POST', '/api/flow/callback', { ...query, state: 'forged' });
      await b.call('POST', '/api/flow/authorize-url', {});
    });
    for (const request of sandbox.received.filter((r) => r.url.pathname.endsWith('/instances'))) {
      const secret = JSON.parse(request.body)?.providerData?.secret;
      if (typeof secret === 'string') tokenSecrets.push(secret);
    }
    expect(tokenSecrets.length).toBeGreaterThan(0);
    expectNoSecret(seen, tokenSecrets);
    expectNoSecret(bff.logs, tokenSecrets);
  });

  it('hides secrets that an upstream echoes back in errors, in any encoding', async () => {
    // An upstream that repeats what it was sent: the query, the Authorization header, base64 too.
    const echo = new Hono().all('*', (c) => {
      const auth = c.req.header('authorization') ?? '';
      return c.json(
        {
          requestId: 'echo',
          message: `Bad request ${c.req.url} auth=${auth} b64=${Buffer.from(auth).toString('base64')}`,
          providerMessage: `secret was ${c.req.query('apiSecret')}`,
        },
        400,
      );
    });
    const server = serve({ fetch: withTwitterListed(echo).fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const echoBff = await startBff(liveEnv(`http://127.0.0.1:${port}/elements/api-v2`));
    try {
      const { browser, seen } = recordingBrowser(echoBff.origin);
      const res = await browser.call('POST', '/api/flow/request-token', TWITTER);
      expect(res.status).toBe(400);
      expect(res.json.error.providerMessage).toBe('secret was <TWITTER_API_SECRET>');
      expectNoSecret(seen);
    } finally {
      await echoBff.close();
      server.close();
    }
  });
});

describe('an upstream that echoes what it was sent, in every encoding', () => {
  /** Every form an upstream has been seen to echo a value in. */
  const echoes = (value: string) => {
    const encoded = encodeURIComponent(value);
    return [
      value,
      encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      encodeURIComponent(encoded),
      JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
      [...value].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    ];
  };
  /** Adds to each JSON reply an `echo` of the request: its query values, headers and body, encoded. */
  async function echoing(reply: Response, _url: URL, received: Received): Promise<Response> {
    const text = await reply.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, reply);
    }
    const seen = [
      ...received.url.searchParams.values(),
      ...Object.values(received.headers),
      received.body,
    ].filter((value) => value.length >= 4);
    const apiKey = received.url.searchParams.get('apiKey');
    const apiSecret = received.url.searchParams.get('apiSecret');
    const echo = [
      ...seen.flatMap(echoes),
      `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
    ];
    const add = (value: unknown) =>
      value && typeof value === 'object' ? { ...value, echo } : value;
    return Response.json(Array.isArray(body) ? body.map(add) : add(body), { status: reply.status });
  }

  it('lets no secret through on any of the six upstream calls', async () => {
    const echoSandbox = await startSandbox(
      {
        userSecret: CANARY.CE_USER_SECRET,
        orgSecret: CANARY.CE_ORG_SECRET,
        apps: { twitter: { apiKey: CANARY.TWITTER_API_KEY, apiSecret: CANARY.TWITTER_API_SECRET } },
      },
      echoing,
    );
    const echoBff = await startBff(liveEnv(echoSandbox.ceBaseUrl));
    try {
      const { browser, seen } = recordingBrowser(echoBff.origin);
      const query = await browser.throughConsent('allow');
      expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
      const created = await browser.call('POST', '/api/flow/instance', {
        name: `echo-${tag}`,
        tags: [],
      });
      expect(created.status).toBe(200);
      expect(created.json.instance.echo.length).toBeGreaterThan(10);
      expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
      const list = await browser.call('GET', '/api/instances');
      expect(list.status).toBe(200);
      const deleted = await browser.call('DELETE', `/api/instances/${created.json.instance.id}`);
      expect(deleted.status).toBe(200);
      await browser.call('GET', '/api/flow');
      const tokenSecrets = echoSandbox.received
        .filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/instances'))
        .map((r) => JSON.parse(r.body)?.providerData?.secret)
        .filter((secret): secret is string => typeof secret === 'string');
      expect(tokenSecrets).toHaveLength(1);
      // The instance token too is a marker outside step 5's reveal.
      const instanceToken = (await browser.call('GET', '/api/flow/instance-token')).json.token;
      // That reply (its body and headers) is the one place the token may be: set it aside.
      seen.splice(-2);
      for (const secret of [...tokenSecrets, instanceToken]) {
        for (const form of echoes(secret)) {
          const where = seen.find((text) => text.includes(form))?.slice(0, 300);
          expect(seen.join('\n').includes(form), `leaked as ${form} in ${where}`).toBe(false);
        }
      }
      for (const value of Object.values(CANARY)) {
        for (const form of echoes(value)) {
          expect(seen.join('\n').includes(form), `leaked as ${form}`).toBe(false);
        }
      }
      expectNoSecret(seen, tokenSecrets);
    } finally {
      await echoBff.close();
      await echoSandbox.close();
    }
  });
});

describe('a hostile authorization URL', () => {
  it.each([
    'http://api.twitter.com/oauth/authorize?oauth_token=TOKEN',
    'javascript:alert(document.cookie)//?oauth_token=TOKEN',
    'https://api.twitter.com.evil.example/oauth/authorize?oauth_token=TOKEN',
    'https://user@api.twitter.com/oauth/authorize?oauth_token=TOKEN',
    'https://api.twitter.com/oauth/authorize?oauth_token=someone-elses',
  ])('is never handed to the browser: %s', async (evil) => {
    // An upstream that issues a token, then answers step 2 with a URL the browser must not visit.
    const upstream = new Hono().get('*', (c) =>
      c.req.path.endsWith('/oauth/token')
        ? c.json({ token: 'TOKEN', secret: 'token-secret' }, 200)
        : c.json({ element: 'twitter', oauthUrl: evil }, 200),
    );
    const server = serve({
      fetch: withTwitterListed(upstream).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const hostile = await startBff({
      ...liveEnv(`http://127.0.0.1:${port}/elements/api-v2`),
      OAUTH_ALLOWED_HOSTS: '',
    });
    try {
      const browser = new TestBrowser(hostile.origin);
      await browser.call('POST', '/api/flow/request-token', TWITTER);
      const res = await browser.call('POST', '/api/flow/authorize-url', {});
      expect(res.status).toBe(502);
      expect(res.json.error.code).toBe('unsafe_oauth_url');
      expect(res.json).not.toHaveProperty('oauthUrl');
      const flow = await browser.call('GET', '/api/flow');
      expect(flow.json.done).toBe('request-token');
      expect(flow.json.oauthUrl).toBeUndefined();
    } finally {
      await hostile.close();
      server.close();
    }
  });
});

describe('load and restarts', () => {
  it('runs 200 concurrent flows, each with its own cookie jar, to 200 distinct instances', async () => {
    const many = await startBff({ ...liveEnv(sandbox.ceBaseUrl), RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const flows = Array.from({ length: 200 }, async (_, i) => {
        const browser = new TestBrowser(many.origin);
        const query = await browser.throughConsent('allow');
        const callback = await browser.call('POST', '/api/flow/callback', query);
        const created = await browser.call('POST', '/api/flow/instance', {
          name: `load-${tag}-${i}`,
          tags: [],
        });
        const flow = await browser.call('GET', '/api/flow');
        const { token } = (await browser.call('GET', '/api/flow/instance-token')).json;
        return { i, query, callback, created, flow, token };
      });
      const results = await Promise.all(flows);
      for (const { i, query, callback, created, flow } of results) {
        expect(callback.status).toBe(200);
        expect(created.status).toBe(200);
        // No cross-talk: each flow sees its own token, its own name, its own instance.
        expect(created.json.instance.name).toBe(`load-${tag}-${i}`);
        expect(flow.json.requestToken).toBe(query.oauth_token);
        expect(flow.json.instanceName).toBe(`load-${tag}-${i}`);
      }
      const ids = new Set(results.map((r) => r.created.json.instance.id));
      const tokens = new Set(results.map((r) => r.token));
      expect(ids.size).toBe(200);
      expect(tokens.size).toBe(200);
    } finally {
      await many.close();
    }
  }, 60_000);

  it('completes a flow started before a restart with the same SESSION_SECRET', async () => {
    const before = await startBff(liveEnv(sandbox.ceBaseUrl));
    const browser = new TestBrowser(before.origin);
    const query = await browser.throughConsent('allow');
    await before.close();

    // Same port, so the callback URL (and the cookie's origin) stay the same.
    const after = await startBff({
      ...liveEnv(sandbox.ceBaseUrl),
      PORT: String(before.config.port),
    });
    try {
      const resumed = new TestBrowser(after.origin);
      resumed.setCookies(browser.cookies());
      expect((await resumed.call('GET', '/api/flow')).json.done).toBe('authorize-url');
      expect((await resumed.call('POST', '/api/flow/callback', query)).status).toBe(200);
      const created = await resumed.call('POST', '/api/flow/instance', {
        name: `restart-${tag}`,
        tags: [],
      });
      expect(created.status).toBe(200);
    } finally {
      await after.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with a message once a client exceeds its flow calls', async () => {
    const limited = await startBff({ ...liveEnv(sandbox.ceBaseUrl), RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const browser = new TestBrowser(limited.origin);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await browser.call('POST', '/api/flow/request-token', TWITTER)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await browser.call('POST', '/api/flow/request-token', TWITTER);
      expect(refused.json.error.code).toBe('rate_limited');
      expect(refused.json.error.message).toContain('Wait a minute');
      // Reading the flow is not limited.
      expect((await browser.call('GET', '/api/flow')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
