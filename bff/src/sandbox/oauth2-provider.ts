import { createHmac } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { CONSENT_CSS, type ConsentLook, renderConsent, renderConsentError } from './consent-page';
import { randomToken } from './random';

/** An app registered with a sandbox OAuth 2.0 provider: its secret and its callback URL. */
export type ConnectedApp = { secret: string; callbackUrl: string };

export type OAuth2ProviderOptions = {
  /** Where this provider is reached, e.g. http://127.0.0.1:8787/sandbox/sfdc. */
  baseUrl: string;
  /** Its authorize (consent) and token paths, as the real provider's. */
  authorizePath: string;
  tokenPath: string;
  look: ConsentLook;
  /** Registered apps: client id → its secret and registered callback URL. */
  apps: Record<string, ConnectedApp>;
  /** How long an authorization code lives (Salesforce: 15 minutes). */
  codeTtlMs: number;
  /** The real address a customer's site stands for, for the consent page (`acme.example.com`). */
  siteHost?: (site: string) => string;
  /**
   * What this provider's token reply carries beside the standard fields (Salesforce:
   * `instance_url`, `id`), and whether it signs `id` + `issued_at` with the client secret
   * (Salesforce's `signature`: base64 HMAC-SHA256).
   */
  tokenReply?: { extra: Record<string, string>; signed?: boolean };
  /** The scope granted when the authorize request asks for none. */
  defaultScope?: string;
  now: () => number;
};

type AuthorizationCode = {
  code: string;
  clientId: string;
  redirectUri: string;
  /** The site (subdomain) the consent was given on, for providers with one per customer. */
  site?: string;
  /** The scope the authorize request asked for: the token reply grants it. */
  scope?: string;
  expiresAt: number;
  used: boolean;
};

/** OAuth 2.0's error shape (RFC 6749 §5.2), on the token endpoint and in redirects. */
export const oauthError = (error: string, description: string) => ({
  error,
  error_description: description,
});

/** The fields of the authorize request that the consent form sends back with the answer. */
const AUTHORIZE_FIELDS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope'];

/**
 * A sandbox OAuth 2.0 provider, configured by an element's descriptor: the authorization code
 * flow as every OAuth 2.0 element's provider plays it, with one set of rules. The authorize page
 * checks `client_id` and that `redirect_uri` is the app's registered callback; Allow sends back
 * a single-use code that expires, Deny sends `error=access_denied`; the token endpoint wants the
 * code, the client id and secret, and the same redirect URI. A provider with a site per customer
 * (a subdomain) serves its consent page under `/sites/{site}`.
 */
export function createOAuth2Provider(options: OAuth2ProviderOptions) {
  const codes = new Map<string, AuthorizationCode>();
  const app = new Hono();
  const css = `${new URL(options.baseUrl).pathname}/consent.css`;
  const errorPage = (error: string, description: string) =>
    renderConsentError(options.look, [`error=${error}`, `error_description=${description}`], css);

  function sweep() {
    const now = options.now();
    for (const [key, code] of codes) if (code.expiresAt < now - 3_600_000) codes.delete(key);
  }

  /** The authorize request's parameters, or the error page the provider shows instead. */
  function checkAuthorize(
    query: Record<string, string | undefined>,
  ): { error: string } | { clientId: string; redirectUri: string } {
    const connected = options.apps[query.client_id ?? ''];
    if (!connected) return { error: errorPage('invalid_client_id', 'client identifier invalid') };
    if (query.redirect_uri !== connected.callbackUrl) {
      // Shown on the provider's own page: it never redirects to a URI it does not trust.
      return { error: errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration') };
    }
    if (query.response_type !== 'code') {
      return { error: errorPage('unsupported_response_type', 'response type not supported') };
    }
    return { clientId: query.client_id ?? '', redirectUri: connected.callbackUrl };
  }

  // As the real providers': the consent page may not be framed.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header('content-security-policy', "frame-ancestors 'none'");
      c.header('x-frame-options', 'DENY');
    }
  });

  app.get('/consent.css', (c) => c.body(CONSENT_CSS, 200, { 'content-type': 'text/css' }));

  const consentPaths = [options.authorizePath, `/sites/:site${options.authorizePath}`];
  for (const path of consentPaths) {
    app.get(path, (c) => {
      const query = c.req.query();
      const checked = checkAuthorize(query);
      if ('error' in checked) return c.html(checked.error, 400);
      const hidden = Object.fromEntries(
        AUTHORIZE_FIELDS.filter((name) => query[name] !== undefined).map((name) => [
          name,
          query[name] ?? '',
        ]),
      );
      const site = c.req.param('site');
      return c.html(
        renderConsent(options.look, hidden, {
          account: 'learner@sandbox.example',
          site: site
            ? `${options.siteHost?.(site) ?? site} (the sandbox plays it at ${new URL(options.baseUrl).host})`
            : undefined,
          css,
        }),
        200,
      );
    });

    app.post(path, async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const query = Object.fromEntries(
        Object.entries(form).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
      const checked = checkAuthorize(query);
      if ('error' in checked) return c.html(checked.error, 400);
      const back = new URL(checked.redirectUri);
      if (query.decision === 'allow') {
        sweep();
        const code: AuthorizationCode = {
          code: `aPrx${randomToken(30)}`,
          clientId: checked.clientId,
          redirectUri: checked.redirectUri,
          site: c.req.param('site'),
          scope: query.scope,
          expiresAt: options.now() + options.codeTtlMs,
          used: false,
        };
        codes.set(code.code, code);
        back.searchParams.set('code', code.code);
      } else {
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'end-user denied authorization');
      }
      if (query.state !== undefined) back.searchParams.set('state', query.state);
      return c.redirect(back.toString(), 302);
    });
  }

  // The token endpoint, also on a customer's site (`/sites/{site}…`), as Zendesk's is on theirs.
  app.post(`/sites/:site${options.tokenPath}`, (c) => token(c, c.req.param('site')));
  app.post(options.tokenPath, (c) => token(c));
  async function token(c: Context, site?: string) {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : undefined);
    if (field('grant_type') !== 'authorization_code') {
      return c.json(oauthError('unsupported_grant_type', 'grant type not supported'), 400);
    }
    const connected = options.apps[field('client_id') ?? ''];
    if (!connected)
      return c.json(oauthError('invalid_client_id', 'client identifier invalid'), 400);
    if (field('client_secret') !== connected.secret) {
      return c.json(oauthError('invalid_client', 'invalid client credentials'), 400);
    }
    const code = codes.get(field('code') ?? '');
    // Providers answer the same for a code that expired, was used, or was issued elsewhere.
    if (
      !code ||
      code.used ||
      code.expiresAt < options.now() ||
      code.clientId !== field('client_id') ||
      // A code belongs to the site it was consented on.
      (code.site ?? '') !== (site ?? '')
    ) {
      if (code) code.used = true;
      return c.json(oauthError('invalid_grant', 'expired authorization code'), 400);
    }
    if (field('redirect_uri') !== code.redirectUri) {
      return c.json(
        oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration'),
        400,
      );
    }
    code.used = true;
    const issuedAt = String(options.now());
    const extra = options.tokenReply?.extra ?? {};
    return c.json(
      {
        access_token: `00D5g000004SANDBOX!${randomToken(40)}`,
        refresh_token: `5Aep861${randomToken(40)}`,
        token_type: 'Bearer',
        scope: code.scope ?? options.defaultScope ?? 'read',
        issued_at: issuedAt,
        ...extra,
        ...(options.tokenReply?.signed && extra.id
          ? {
              signature: createHmac('sha256', connected.secret)
                .update(`${extra.id}${issuedAt}`)
                .digest('base64'),
            }
          : {}),
        ...(code.site ? { site: code.site } : {}),
      },
      200,
    );
  }

  return {
    app,
    /** Expires a code at once (the failure lab's "code expired"). */
    expire(code: string) {
      const found = codes.get(code);
      if (found) found.expiresAt = options.now() - 1;
    },
    /** Exchanges a code as a registered app would, returning what was sent and the reply. */
    async exchange(input: {
      code: string;
      clientId: string;
      clientSecret: string;
      redirectUri: string;
      /** The customer's site whose token endpoint is called, for providers with one per site. */
      site?: string;
    }) {
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: input.code,
        client_id: input.clientId,
        client_secret: input.clientSecret,
        redirect_uri: input.redirectUri,
      });
      const path = `${input.site ? `/sites/${encodeURIComponent(input.site)}` : ''}${options.tokenPath}`;
      const res = await app.request(path, { method: 'POST', body: form });
      return {
        url: `${options.baseUrl}${path}`,
        form: [...form],
        status: res.status,
        body: (await res.json()) as Record<string, string>,
      };
    },
  };
}

export type SandboxOAuth2Provider = ReturnType<typeof createOAuth2Provider>;
