import type { ElementView } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp, sandboxValueFor } from '@cew/shared/sandbox-credentials';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, liveEnv, startBff, TestBrowser } from './testing/start-bff';
import { type Received, startSandbox } from './testing/start-sandbox';

/**
 * Live mode against a stand-in Cloud Elements (the standalone sandbox) serving definitions the
 * wizard has no overlay for: it provisions each with the requests Cloud Elements documents, and a
 * hostile definition costs only its own element.
 */
const started: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const server of started.reverse()) await server.close();
});

async function liveAgainst(
  reshape?: (reply: Response, url: URL, received: Received) => Promise<Response>,
) {
  const port = await freePort();
  const sandbox = await startSandbox(
    {
      userSecret: DEMO_CREDENTIALS.userSecret,
      orgSecret: DEMO_CREDENTIALS.orgSecret,
      // Every app is registered with the BFF's callback, as a real provider app would be.
      callbackUrl: `http://127.0.0.1:${port}/oauth/callback`,
    },
    reshape,
  );
  started.push(sandbox);
  const bff = await startBff(
    liveEnv(sandbox.ceBaseUrl, {
      PORT: String(port),
      CLOVER_API_KEY: demoApp('CLOVER').apiKey,
      CLOVER_API_SECRET: demoApp('CLOVER').apiSecret,
    }),
  );
  started.push(bff);
  const { json } = await new TestBrowser(bff.origin).call('GET', '/api/elements');
  return {
    sandbox,
    bff,
    catalog: json as { elements: ElementView[]; unavailable: { key: string; reason: string }[] },
  };
}

/** The values the stand-in accepts, typed as a person would (live mode publishes none). */
const typed = (element: ElementView): ElementView => ({
  ...element,
  fields: element.fields.map((field) => ({
    ...field,
    sandboxValue: field.type === 'boolean' ? 'true' : sandboxValueFor(element.key, field.key),
  })),
});

describe('live mode, elements known only from their definitions', () => {
  it('provisions an OAuth 2.0 element with a required field and a custom one with a password, as Cloud Elements documents', async () => {
    const { sandbox, bff, catalog } = await liveAgainst();
    const clover = catalog.elements.find((e) => e.key === 'clover');
    const expensify = catalog.elements.find((e) => e.key === 'expensify');
    if (!clover || !expensify) throw new Error('not offered');
    expect(clover).toMatchObject({ guided: false, authType: 'oauth2', ceAuthType: 'oauth2' });
    expect(clover.fields.find((f) => f.key === 'merchantId')).toMatchObject({ required: true });
    // Live mode publishes no demo values.
    expect(clover.fields.every((f) => f.sandboxValue === undefined)).toBe(true);
    expect(expensify).toMatchObject({ authType: 'basic', ceAuthType: 'custom' });
    expect(expensify.fields.find((f) => f.key === 'partner.user.secret')).toMatchObject({
      secret: true,
      type: 'password',
    });

    for (const element of [clover, expensify]) {
      const browser = new TestBrowser(bff.origin);
      const walked = await browser.walk(typed(element));
      expect(walked['try-it']?.status, JSON.stringify(walked).slice(0, 300)).toBe(200);
    }
    const sent = (path: RegExp, method = 'POST') =>
      sandbox.received.filter((r) => r.method === method && path.test(r.url.pathname));
    // OAuth 2.0: oauth/url with the app, the callback and a state; then the code and the fields.
    const url = sent(/\/elements\/clover\/oauth\/url$/, 'GET')[0]?.url;
    expect([...(url?.searchParams.keys() ?? [])].sort()).toEqual(
      ['apiKey', 'apiSecret', 'callbackUrl', 'state'].sort(),
    );
    const bodies = sent(/\/instances$/).map((r) => JSON.parse(r.body));
    const cloverBody = bodies.find((b) => b.element.key === 'clover');
    expect(Object.keys(cloverBody.providerData)).toEqual(['code']);
    expect(cloverBody.configuration).toMatchObject({
      'oauth.api.key': demoApp('CLOVER').apiKey,
      'oauth.api.secret': demoApp('CLOVER').apiSecret,
      'oauth.callback.url': expect.stringMatching(/\/oauth\/callback$/),
      merchantId: sandboxValueFor('clover', 'merchantId'),
      'clover.sandbox': sandboxValueFor('clover', 'clover.sandbox'),
    });
    // Custom: the typed configuration is the credential, and nothing else.
    const expensifyBody = bodies.find((b) => b.element.key === 'expensify');
    expect(expensifyBody.providerData).toBeUndefined();
    expect(expensifyBody.configuration).toEqual({
      'partner.user.id': sandboxValueFor('expensify', 'partner.user.id'),
      'partner.user.secret': sandboxValueFor('expensify', 'partner.user.secret'),
    });
  });

  it('refuses a hostile definition for that element alone, with the reason', async () => {
    const { catalog } = await liveAgainst(async (reply, url) => {
      const definition = (key: string) => url.pathname.endsWith(`/elements/${key}`);
      if (definition('clover')) {
        // Megabytes of configuration.
        const item = { key: 'k', name: 'x'.repeat(1000), type: 'TEXTFIELD_32' };
        return Response.json({
          ...((await reply.json()) as object),
          configuration: Array(2000).fill(item),
        });
      }
      if (definition('box')) {
        // A consent page that is not https.
        const body = (await reply.json()) as {
          configuration: { key: string; defaultValue?: string }[];
        };
        for (const item of body.configuration) {
          if (item.key === 'oauth.authorization.url')
            item.defaultValue = 'http://app.box.com/authorize';
        }
        return Response.json(body);
      }
      if (definition('expensify')) {
        const body = (await reply.json()) as { configuration: { name?: string }[] };
        for (const item of body.configuration) item.name = '<script>alert(1)</script>';
        return Response.json(body);
      }
      if (url.pathname.endsWith('/elements')) {
        // An element of a kind no one knows, in the list.
        const list = (await reply.json()) as { key: string; authentication?: { type: string } }[];
        return Response.json(
          list.map((e) => (e.key === 'closeio' ? { ...e, authentication: { type: 'awsv4' } } : e)),
          { headers: reply.headers },
        );
      }
      return reply;
    });
    const reason = (key: string) => catalog.unavailable.find((u) => u.key === key)?.reason;
    expect(reason('clover')).toMatch(/could not be read|not one the wizard can read/);
    expect(reason('box')).toContain('is not https');
    expect(reason('closeio')).toContain('"awsv4"');
    // A label with markup is data: offered, its label kept as text for the page to show as text.
    const expensify = catalog.elements.find((e) => e.key === 'expensify');
    expect(expensify?.fields[0]?.title).toBe('<script>alert(1)</script>');
    // The rest of the catalog stays usable.
    expect(catalog.elements.length).toBeGreaterThan(100);
    expect(catalog.elements.some((e) => e.key === 'twitter')).toBe(true);
  });
});
