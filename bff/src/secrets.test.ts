import {
  ELEMENTS,
  type ElementKey,
  type ElementView,
  fieldMarker,
  type GuidedKey,
  KINDS,
} from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp, NO_DEMO_APP } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredSecrets, typedSecrets } from './secrets';
import { freePort, startBff, TestBrowser } from './testing/start-bff';
import { startSandbox } from './testing/start-sandbox';

/**
 * The forms redaction claims (README, Security): as is, URL-encoded (any case, doubly),
 * form-encoded, base64 and base64url alone and inside a longer text, JSON-escaped.
 */
function claimedForms(value: string): string[] {
  const encoded = encodeURIComponent(value);
  return [
    value,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    encodeURIComponent(encoded),
    new URLSearchParams({ v: value }).toString().slice(2),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    Buffer.from(`user:${value}`).toString('base64'),
    JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
  ].filter((form) => form.length >= 4);
}

/** A browser that records every reply it receives, bodies and headers, as text. */
function recording(origin: string) {
  const browser = new TestBrowser(origin);
  const seen: string[] = [];
  const call = browser.call.bind(browser);
  browser.call = async (...args: Parameters<TestBrowser['call']>) => {
    const reply = await call(...args);
    seen.push(`${args[0]} ${args[1]} → ${reply.text} ${JSON.stringify([...reply.headers])}`);
    return reply;
  };
  return { browser, seen };
}

function expectNone(seen: string[], logs: string[], secrets: { value: string; name: string }[]) {
  const all = [...seen, ...logs].join('\n');
  for (const { value, name } of secrets) {
    for (const form of claimedForms(value)) {
      const at = all.indexOf(form);
      expect(
        at,
        `${name} leaked as ${form} in …${all.slice(Math.max(0, at - 120), at + 40)}…`,
      ).toBe(-1);
    }
  }
}

describe('every element, walked through the sandbox', () => {
  let bff: Awaited<ReturnType<typeof startBff>>;
  beforeAll(async () => {
    bff = await startBff({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => bff.close());

  it('offers every descriptor, each with the fields a person types and their secret flag', async () => {
    const { json } = await new TestBrowser(bff.origin).call('GET', '/api/elements');
    const listed = json.elements as unknown as ElementView[];
    // The guided ones first, then every documented element of a kind the wizard walks.
    expect(listed.filter((e) => e.guided).map((e) => e.key)).toEqual(Object.keys(ELEMENTS));
    expect(listed.slice(0, 5).every((e) => e.guided)).toBe(true);
    expect(listed.length).toBeGreaterThan(100);
    const freshdesk = listed.find((e) => e.key === 'freshdeskv2');
    expect(freshdesk?.fields.map((f) => [f.key, f.secret])).toEqual([
      ['subdomain', false],
      ['username', true],
    ]);
    expect(new Set(listed.map((e) => e.authType))).toEqual(new Set(['oauth1', 'oauth2', 'basic']));
  });

  it.each(Object.keys(ELEMENTS) as ElementKey[])(
    '%s walks to try-it, and no secret reaches a reply or a log line in any claimed form',
    async (key) => {
      const { json } = await new TestBrowser(bff.origin).call('GET', '/api/elements');
      const element = (json.elements as unknown as ElementView[]).find((e) => e.key === key);
      if (!element) throw new Error(`${key} is not offered`);
      const { browser, seen } = recording(bff.origin);
      const replies = await browser.walk(element);
      for (const [step, reply] of Object.entries(replies)) {
        expect(reply.status, `${step}: ${reply.text.slice(0, 300)}`).toBe(200);
      }
      expect(replies['try-it']?.json.items.length).toBeGreaterThan(0);
      expect(replies['try-it']?.json.exchange.url).toContain(element.tryIt.path.split('?')[0]);
      // The instance token: only the reveal's own reply carries it, so it is read apart.
      const revealed = await new TestBrowser(bff.origin).call('GET', '/api/flow');
      expect(revealed.json.element).toBeNull();
      const token = (await browser.call('GET', '/api/flow/instance-token')).json.token as string;
      seen.pop();
      const typed = element.fields
        .filter((field) => field.secret)
        .map((field) => ({ value: field.sandboxValue ?? '', name: field.key }));
      expectNone(seen, bff.logs, [
        ...configuredSecrets(bff.config).map((s) => ({ value: s.value, name: s.marker })),
        ...typed,
        { value: token, name: 'the instance token' },
      ]);
      // A typed secret shows as its marker wherever it was echoed.
      for (const field of ELEMENTS[key as GuidedKey].fields.filter((f) => f.secret)) {
        expect(seen.join('\n')).toContain(fieldMarker(ELEMENTS[key as GuidedKey], field));
      }
    },
  );

  it('walks every other documented element to try-it from its definition alone, and no secret it typed or holds leaks', async () => {
    // Its own server: a hundred walks at once are more than one address's rate limit.
    const bff = await startBff({ LOG_LEVEL: 'debug', RATE_LIMIT_PER_MINUTE: '100000' });
    const { json } = await new TestBrowser(bff.origin).call('GET', '/api/elements');
    const others = (json.elements as ElementView[]).filter((e) => !e.guided);
    // Every kind the wizard walks, from the catalog; the one with no demo app among them.
    expect(new Set(others.map((e) => e.ceAuthType))).toEqual(
      new Set(['oauth1', 'oauth2', 'basic', 'custom', 'apiKey']),
    );
    expect(others.find((e) => e.key === NO_DEMO_APP)?.fields.map((f) => f.key)).toContain(
      'oauth.api.secret',
    );
    const seen: string[] = [];
    const typed: { value: string; name: string }[] = [];
    const failed: string[] = [];
    // A few at a time: one pass over every reply at the end keeps it quick.
    const queue = [...others];
    const walkOne = async () => {
      for (let element = queue.shift(); element; element = queue.shift()) {
        const recorded = recording(bff.origin);
        const replies = await recorded.browser.walk(element);
        seen.push(...recorded.seen);
        if (replies['try-it']?.status !== 200) {
          const last = Object.entries(replies).at(-1);
          failed.push(`${element.key}: ${last?.[0]} ${last?.[1].text.slice(0, 200)}`);
        }
        for (const field of element.fields.filter((f) => f.secret && f.sandboxValue)) {
          typed.push({ value: field.sandboxValue ?? '', name: `${element.key} ${field.key}` });
        }
        // The app this server holds for it: its secret, and a 1.0a consumer key.
        const app = KINDS[element.authType].app;
        if (app) {
          typed.push({ value: demoApp(element.env).apiSecret, name: `${element.key} app secret` });
          if (!app.keyPublic) {
            typed.push({ value: demoApp(element.env).apiKey, name: `${element.key} consumer key` });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 3 }, walkOne)).finally(() => bff.close());
    expect(failed).toEqual([]);
    expectNone(seen, bff.logs, [
      ...configuredSecrets(bff.config).map((s) => ({ value: s.value, name: s.marker })),
      ...typed,
    ]);
    // About 2 s alone; far more on a machine busy with the other test files.
  }, 120_000);

  it('refuses a field that fails its pattern with 400, before any upstream call', async () => {
    const browser = new TestBrowser(bff.origin);
    const res = await browser.call('POST', '/api/flow/authorize-url', {
      element: 'zendesk',
      fields: { 'zendesk.subdomain': 'evil.example.com/x' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('zendesk.subdomain');
    expect(res.json.error.message).toContain('DNS label');
    expect(res.json.error.exchange).toBeUndefined();
    const missing = await browser.call('POST', '/api/flow/instance', {
      element: 'freshdeskv2',
      name: 'no-key',
      fields: { subdomain: 'acme' },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain('username: API key is required');
  });

  it('answers a wrong basic key with the provider’s refusal, the key hidden', async () => {
    const { browser, seen } = recording(bff.origin);
    const wrong = 'WrongKey0000000000000000';
    const res = await browser.call('POST', '/api/flow/instance', {
      element: 'freshdeskv2',
      name: 'wrong-key',
      fields: { subdomain: 'acme', username: wrong },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('Failed to authenticate with Freshdesk');
    expect(res.json.error.exchange.requestBody.configuration.username).toBe('<FRESHDESK_API_KEY>');
    expectNone(seen, bff.logs, [{ value: wrong, name: 'the typed key' }]);
  });
});

describe('live mode against the standalone sandbox, every element', () => {
  const apps = Object.fromEntries(
    Object.values(ELEMENTS)
      .filter((element) => KINDS[element.authType].app)
      .map((element) => [element.key, demoApp(element.env)]),
  );
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let bff: Awaited<ReturnType<typeof startBff>>;
  beforeAll(async () => {
    const port = await freePort();
    sandbox = await startSandbox({
      userSecret: DEMO_CREDENTIALS.userSecret,
      orgSecret: DEMO_CREDENTIALS.orgSecret,
      apps,
      // The apps are registered with the wizard's callback, as a real provider app is.
      callbackUrl: `http://127.0.0.1:${port}/oauth/callback`,
    });
    bff = await startBff({
      PORT: String(port),
      CE_BASE_URL: sandbox.ceBaseUrl,
      CE_USER_SECRET: DEMO_CREDENTIALS.userSecret,
      CE_ORG_SECRET: DEMO_CREDENTIALS.orgSecret,
      SESSION_SECRET: 'secrets-test-session-secret-0123456789',
      OAUTH_ALLOWED_HOSTS: '127.0.0.1',
      ...Object.fromEntries(
        Object.values(ELEMENTS).flatMap((element) =>
          apps[element.key]
            ? [
                [`${element.env}_API_KEY`, demoApp(element.env).apiKey],
                [`${element.env}_API_SECRET`, demoApp(element.env).apiSecret],
              ]
            : [],
        ),
      ),
    });
  });
  afterAll(async () => {
    await bff.close();
    await sandbox.close();
  });

  it.each(Object.keys(ELEMENTS) as ElementKey[])(
    '%s checks out against Cloud Elements and walks to try-it',
    async (key) => {
      const browser = new TestBrowser(bff.origin);
      const check = await browser.call('GET', `/api/elements/${key}/check`);
      expect(check.status).toBe(200);
      expect(check.json).toMatchObject({ ok: true, problems: [] });
      const element = (
        (await browser.call('GET', '/api/elements')).json.elements as unknown as ElementView[]
      ).find((e) => e.key === key);
      if (!element) throw new Error(`${key} is not offered`);
      // Live mode publishes no demo values: the walk types the sandbox's own.
      expect(element.fields.every((field) => field.sandboxValue === undefined)).toBe(true);
      const walked = await browser.walk({
        ...element,
        fields: ELEMENTS[key as GuidedKey].fields,
      });
      expect(walked['try-it']?.status, JSON.stringify(walked).slice(0, 400)).toBe(200);
    },
  );
});

describe('the secrets redaction knows', () => {
  it('are derived from the descriptors: every app secret, a 1.0a key, never a 2.0 client id', () => {
    const secrets = configuredSecrets({
      ceUserSecret: 'u',
      ceOrgSecret: 'o',
      sessionSecret: 's',
      mode: 'live',
      apps: { TWITTER: demoApp('TWITTER'), ZENDESK: demoApp('ZENDESK') },
    });
    expect(secrets.map((s) => s.marker)).toEqual([
      '<CE_USER_SECRET>',
      '<CE_ORG_SECRET>',
      '<TWITTER_API_SECRET>',
      '<TWITTER_API_KEY>',
      '<ZENDESK_CLIENT_SECRET>',
      '<SESSION_SECRET>',
    ]);
    expect(typedSecrets(ELEMENTS.freshdeskv2, { subdomain: 'acme', username: 'k3y' })).toEqual([
      { value: 'k3y', marker: '<FRESHDESK_API_KEY>' },
    ]);
  });
});
