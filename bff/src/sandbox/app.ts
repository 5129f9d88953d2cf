import { type AuthType, fillTemplate, SANDBOX_REQUEST_TOKEN_TTL_MS } from '@cew/shared';
import { demoApp } from '@cew/shared/sandbox-credentials';
import { Hono } from 'hono';
import { documentedSummaries, type SandboxElement, sandboxElements } from './catalog';
import { parseCeAuthorization } from './ce-http';
import type { OAuth1Provider } from './ce-oauth1';
import type { OAuth2Provider } from './ce-oauth2';
import { createCloudElements } from './cloud-elements';
import type { ConsentLook } from './consent-page';
import { createOAuth1Provider, type SandboxOAuth1Provider } from './oauth1-provider';
import { createOAuth2Provider } from './oauth2-provider';

/** A provider app registered with the sandbox: its key, secret and (OAuth 2.0) callback. */
export type SandboxApp = { apiKey: string; apiSecret: string; callbackUrl?: string };

export type SandboxOptions = {
  /** Where browsers reach this sandbox, e.g. http://127.0.0.1:8787/sandbox (no trailing slash). */
  publicUrl: string;
  /** The Cloud Elements user and organization secrets it accepts. */
  userSecret: string;
  orgSecret: string;
  /**
   * The apps registered with each OAuth element's provider, by element key; every element not
   * named has its demo app (`sandbox-{env}-api-key`), as the README publishes.
   */
  apps?: Record<string, SandboxApp>;
  /** The callback an OAuth 2.0 app is registered with when its entry names none. */
  callbackUrl?: string;
  tokenTtlMs?: number;
  /** How long an authorization code lives (15 minutes, as Salesforce's). */
  codeTtlMs?: number;
  now?: () => number;
  /**
   * Where a class is possible: only Cloud Elements' caller (the BFF, holding this start's secrets)
   * may use the inspection and lab windows and the providers' APIs; a browser reaches only the
   * consent pages it is sent to.
   */
  privateApi?: boolean;
};

const lookOf = (element: SandboxElement): ConsentLook => ({
  brand: element.sandbox.brand,
  provider: element.provider,
  grants: element.sandbox.grants,
  allow: element.consent?.allow ?? 'Allow',
  deny: element.consent?.deny ?? 'Deny',
});

/**
 * The sandbox: Cloud Elements' calls, and a provider for every element played from its
 * descriptor (OAuth 1.0a signed for real; OAuth 2.0's authorization code with one configurable
 * emulator; basic's key check), with the same rules and error shapes, so the BFF talks to it over
 * HTTP exactly as to the real API. Cloud Elements reaches its providers in-process (the sandbox's
 * own back office). Imports nothing from the rest of the BFF.
 */
export function createSandboxApp(options: SandboxOptions) {
  const now = options.now ?? Date.now;
  const elements = sandboxElements();
  const appsOf = (element: SandboxElement) => {
    const app: SandboxApp = options.apps?.[element.key] ?? demoApp(element.env);
    return [app];
  };
  const routes = new Hono();
  const oauth1: Record<string, OAuth1Provider & { signed: SandboxOAuth1Provider }> = {};
  const oauth2: Record<string, OAuth2Provider> = {};
  /**
   * Each kind's provider, played for one element: it is mounted under the element's key, and
   * says which of its pages are consent pages (a browser's; the rest is Cloud Elements' to call).
   */
  const playProvider: Record<AuthType, (element: SandboxElement, publicUrl: string) => string[]> = {
    oauth1(element, publicUrl) {
      const signed = createOAuth1Provider({
        baseUrl: publicUrl,
        apps: Object.fromEntries(appsOf(element).map((app) => [app.apiKey, app.apiSecret])),
        tokenTtlMs: options.tokenTtlMs ?? SANDBOX_REQUEST_TOKEN_TTL_MS,
        look: lookOf(element),
        ...(element.sandbox.oauth1 ? { dialect: element.sandbox.oauth1 } : {}),
        now,
      });
      oauth1[element.key] = { provider: signed, publicUrl, signed };
      routes.route(`/${element.key}`, signed.app);
      return ['/oauth/authorize', '/oauth/consent.css'];
    },
    oauth2(element, publicUrl) {
      const authorizePath = element.sandbox.authorizePath ?? '/oauth2/authorize';
      const provider = createOAuth2Provider({
        baseUrl: publicUrl,
        authorizePath,
        tokenPath: element.sandbox.tokenPath ?? '/oauth2/token',
        look: lookOf(element),
        apps: Object.fromEntries(
          appsOf(element).map((app) => [
            app.apiKey,
            { secret: app.apiSecret, callbackUrl: app.callbackUrl ?? options.callbackUrl ?? '' },
          ]),
        ),
        codeTtlMs: options.codeTtlMs ?? 15 * 60 * 1000,
        ...(element.sandbox.tokenReply ? { tokenReply: element.sandbox.tokenReply } : {}),
        defaultScope: element.sandbox.configuration['oauth.scope'] ?? 'read',
        siteHost: (site) => {
          const field = element.fields.find((f) => f.urlParam === 'siteAddress');
          const host = element.consent?.hosts[0] ?? site;
          return (field && fillTemplate(host, { [field.key]: site })) ?? site;
        },
        now,
      });
      oauth2[element.key] = { provider, publicUrl };
      routes.route(`/${element.key}`, provider.app);
      return [authorizePath, '/consent.css'];
    },
    // The person's own key: Cloud Elements checks it itself; there is no provider page.
    basic: () => [],
  };
  const consentPaths = new Set(
    elements.flatMap((element) =>
      playProvider[element.authType](element, `${options.publicUrl}/${element.key}`),
    ),
  );
  const cloudElements = createCloudElements({
    userSecret: options.userSecret,
    orgSecret: options.orgSecret,
    elements,
    documented: documentedSummaries(),
    oauth1,
    oauth2,
    now,
  });
  // Not part of Cloud Elements' API: the emulator's window onto its legs with the providers.
  const inspect = new Hono().get('/legs', (c) => {
    const code = c.req.query('code');
    const legs = code
      ? cloudElements.tokenLegsOf(code)
      : cloudElements.legsOf(c.req.query('oauth_token') ?? '');
    return c.json({ legs }, 200);
  });
  // Not part of any real API either: the tampering lab, sending the OAuth 1.0a provider a signed
  // request with one input changed, so a learner sees it refused and why.
  const lab = new Hono().post('/tamper', async (c) => {
    const body = (await c.req.json().catch(() => null)) as {
      element?: unknown;
      consumerKey?: unknown;
      change?: unknown;
      oauth_token?: unknown;
    } | null;
    const change = body?.change;
    const played = oauth1[typeof body?.element === 'string' ? body.element : ''];
    if (
      !played ||
      typeof body?.consumerKey !== 'string' ||
      (change !== 'signature' &&
        change !== 'timestamp' &&
        change !== 'nonce' &&
        change !== 'verifier')
    ) {
      return c.json(
        {
          message:
            'element (an OAuth 1.0a one), consumerKey and change (signature|timestamp|nonce|verifier) are required',
        },
        400,
      );
    }
    const result = await played.signed.tamper({
      consumerKey: body.consumerKey,
      change,
      token: typeof body.oauth_token === 'string' ? body.oauth_token : undefined,
    });
    if ('error' in result) return c.json({ message: result.error }, 409);
    return c.json(result, 200);
  });
  // A provider's consent pages (and their style sheet) are the browser's; the rest of a
  // provider (its token endpoints) is Cloud Elements' to call, in-process.
  const isConsentPage = (path: string) => [...consentPaths].some((page) => path.endsWith(page));
  const fromCloudElementsCaller = (header: string | undefined) => {
    const auth = parseCeAuthorization(header);
    return auth.User === options.userSecret && auth.Organization === options.orgSecret;
  };
  const guard = new Hono().use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const open = /\/elements\/api-v2(\/|$)/.test(path) || isConsentPage(path);
    if (options.privateApi && !open && !fromCloudElementsCaller(c.req.header('authorization'))) {
      return c.json(
        {
          message:
            "In a class, only the wizard's BFF calls the sandbox's providers and windows; a browser reaches their consent pages alone.",
        },
        403,
      );
    }
    await next();
  });
  return new Hono()
    .route('/', guard)
    .route('/elements/api-v2', cloudElements.app)
    .route('/_inspect', inspect)
    .route('/_lab', lab)
    .route('/', routes);
}
