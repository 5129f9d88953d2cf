import { once } from 'node:events';
import { createServer } from 'node:net';
import type { ElementView } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { Agent, fetch } from 'undici';
import { createApp, listen } from '../app';
import { type Config, parseConfig } from '../config';

/** A free loopback port: the sandbox-mode BFF must know its own port before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** Starts a real BFF on loopback (with its sandbox in sandbox mode) and returns its origin. */
/**
 * Live mode against a stand-in Cloud Elements (the standalone sandbox) with its published demo
 * secrets and Twitter's demo app; `extra` adds or overrides variables.
 */
export const liveEnv = (ceBaseUrl: string, extra: Record<string, string> = {}) => ({
  CE_BASE_URL: ceBaseUrl,
  CE_USER_SECRET: DEMO_CREDENTIALS.userSecret,
  CE_ORG_SECRET: DEMO_CREDENTIALS.orgSecret,
  TWITTER_API_KEY: demoApp('TWITTER').apiKey,
  TWITTER_API_SECRET: demoApp('TWITTER').apiSecret,
  SESSION_SECRET: 'live-test-session-secret-0123456789abcdef',
  OAUTH_ALLOWED_HOSTS: '127.0.0.1',
  ...extra,
});

export async function startBff(env: Record<string, string> = {}) {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const parsed = parseConfig({ PORT: String(port), ...env });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const config: Config = parsed.config;
  const logs: string[] = [];
  const app = createApp(config, (line) => logs.push(line));
  const server = await listen(app, config, { port, hostname: '127.0.0.1' });
  return {
    origin: `http://127.0.0.1:${port}`,
    config,
    logs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's view of the API: a cookie jar and JSON calls, as the SPA makes them. */
export class TestBrowser {
  private jar = new Map<string, string>();
  /** Its own connections, as a separate browser has: none survive a server restart. */
  private readonly agent = new Agent();
  constructor(
    private readonly origin: string,
    /** A new connection for every call (several workers deal connections out in turn). */
    private readonly options: { newConnections?: boolean } = {},
  ) {}

  private dispatcher() {
    return this.options.newConnections ? new Agent({ pipelining: 0 }) : this.agent;
  }

  get cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  setCookies(cookies: Map<string, string>) {
    this.jar = new Map(cookies);
  }

  cookies(): Map<string, string> {
    return new Map(this.jar);
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const dispatcher = this.dispatcher();
    const res = await fetch(`${this.origin}${path}`, {
      dispatcher,
      method,
      redirect: 'manual',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        cookie: this.cookieHeader,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await res.text();
    if (dispatcher !== this.agent) await dispatcher.close();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: replies are inspected field by field in assertions
    return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
  }

  /**
   * Walks an element's flow, as `GET /api/elements` lists it, through its steps in order to a
   * created instance (and try-it), with the sandbox's demo values for the fields it asks. Each
   * step's reply is returned, by step.
   */
  async walk(element: ElementView, options: { name?: string; tryIt?: boolean } = {}) {
    const fields = Object.fromEntries(
      element.fields.map((field) => [field.key, field.sandboxValue ?? field.example ?? '']),
    );
    const replies: Record<string, Awaited<ReturnType<TestBrowser['call']>>> = {};
    let oauthUrl = '';
    const calls = element.steps.filter(
      (step) => step !== 'instance-token' && step !== 'credentials',
    );
    for (const [index, step] of calls.entries()) {
      if (step === 'try-it' && options.tryIt === false) break;
      // The first call names the element and carries what the person typed.
      const start = index === 0 ? { element: element.key, fields } : {};
      const reply =
        step === 'request-token'
          ? await this.call('POST', '/api/flow/request-token', { element: element.key, fields })
          : step === 'authorize-url'
            ? await this.call('POST', '/api/flow/authorize-url', start)
            : step === 'callback'
              ? await this.call('POST', '/api/flow/callback', await this.consent(oauthUrl, 'allow'))
              : step === 'create-instance'
                ? await this.call('POST', '/api/flow/instance', {
                    ...start,
                    name: options.name ?? `${element.key}-${Math.random().toString(36).slice(2)}`,
                  })
                : await this.call('POST', '/api/flow/try-it', {});
      if (reply.json?.oauthUrl) oauthUrl = reply.json.oauthUrl;
      replies[step] = reply;
      if (reply.status !== 200) break;
    }
    return replies;
  }

  /** Steps 1–2, then the consent page's answer; returns the callback's query. */
  async throughConsent(decision: 'allow' | 'deny'): Promise<Record<string, string>> {
    await this.call('POST', '/api/flow/request-token', TWITTER);
    const { json } = await this.call('POST', '/api/flow/authorize-url', {});
    return this.consent(json.oauthUrl, decision);
  }

  /**
   * The person's answer on the provider's consent page (the sandbox's Twitter or Salesforce: the
   * form sends back the authorize request's fields with the decision); returns the callback's query.
   */
  async consent(url: string, decision: 'allow' | 'deny'): Promise<Record<string, string>> {
    const oauthUrl = new URL(url);
    const form = new URLSearchParams(oauthUrl.searchParams);
    form.set('decision', decision);
    const res = await fetch(`${oauthUrl.origin}${oauthUrl.pathname}`, {
      dispatcher: this.agent,
      method: 'POST',
      redirect: 'manual',
      body: form,
    });
    const back = new URL(res.headers.get('location') ?? '');
    return Object.fromEntries(back.searchParams);
  }
}

/** Step 1's body for the seed's element: OAuth 1.0a's first call names its element. */
export const TWITTER = { element: 'twitter' } as const;
