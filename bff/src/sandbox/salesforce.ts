import { Hono } from 'hono';
import { CONSENT_CSS, renderSalesforceConsent, renderSalesforceError } from './consent-page';
import { randomToken } from './random';

/** A connected app registered with the sandbox's Salesforce. */
export type ConnectedApp = { secret: string; callbackUrl: string };

export type SalesforceOptions = {
  /** Where this Salesforce is reached, e.g. http://127.0.0.1:8787/sandbox/salesforce. */
  baseUrl: string;
  /** Connected apps: consumer key (client_id) → its secret and registered callback URL. */
  apps: Record<string, ConnectedApp>;
  /** How long an authorization code lives (Salesforce: 15 minutes). */
  codeTtlMs: number;
  now: () => number;
};

type AuthorizationCode = {
  code: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
};

/** Salesforce's OAuth error shape, on its token endpoint and in its redirects. */
export const salesforceError = (error: string, description: string) => ({
  error,
  error_description: description,
});

/**
 * The sandbox's Salesforce: the OAuth 2.0 web-server (authorization code) flow as Salesforce plays
 * it. The authorize page checks `client_id` and that `redirect_uri` is the app's registered
 * callback; Allow sends back a single-use code that expires, Deny sends `error=access_denied`;
 * the token endpoint wants the code, the client id and secret, and the same redirect URI.
 */
export function createSalesforce(options: SalesforceOptions) {
  const codes = new Map<string, AuthorizationCode>();
  const app = new Hono();

  function sweep() {
    const now = options.now();
    for (const [key, code] of codes) if (code.expiresAt < now - 3_600_000) codes.delete(key);
  }

  /** The authorize request's parameters, or the error page Salesforce shows instead. */
  function checkAuthorize(
    query: Record<string, string | undefined>,
  ): { error: string } | { clientId: string; redirectUri: string } {
    const connected = options.apps[query.client_id ?? ''];
    if (!connected) {
      return { error: renderSalesforceError('invalid_client_id', 'client identifier invalid') };
    }
    if (query.redirect_uri !== connected.callbackUrl) {
      // Salesforce shows this on its own page: it never redirects to a URI it does not trust.
      return {
        error: renderSalesforceError(
          'redirect_uri_mismatch',
          'redirect_uri must match configuration',
        ),
      };
    }
    if (query.response_type !== 'code') {
      return {
        error: renderSalesforceError('unsupported_response_type', 'response type not supported'),
      };
    }
    return { clientId: query.client_id ?? '', redirectUri: connected.callbackUrl };
  }

  // As Salesforce's own: the consent page may not be framed.
  app.use('/services/oauth2/authorize', async (c, next) => {
    await next();
    c.header('content-security-policy', "frame-ancestors 'none'");
    c.header('x-frame-options', 'DENY');
  });

  app.get('/services/oauth2/consent.css', (c) =>
    c.body(CONSENT_CSS, 200, { 'content-type': 'text/css' }),
  );

  app.get('/services/oauth2/authorize', (c) => {
    const query = c.req.query();
    const checked = checkAuthorize(query);
    if ('error' in checked) return c.html(checked.error, 400);
    return c.html(renderSalesforceConsent(query), 200);
  });

  app.post('/services/oauth2/authorize', async (c) => {
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

  app.post('/services/oauth2/token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : undefined);
    if (field('grant_type') !== 'authorization_code') {
      return c.json(salesforceError('unsupported_grant_type', 'grant type not supported'), 400);
    }
    const connected = options.apps[field('client_id') ?? ''];
    if (!connected)
      return c.json(salesforceError('invalid_client_id', 'client identifier invalid'), 400);
    if (field('client_secret') !== connected.secret) {
      return c.json(salesforceError('invalid_client', 'invalid client credentials'), 400);
    }
    const code = codes.get(field('code') ?? '');
    // Salesforce answers the same for a code that expired, was used, or was issued elsewhere.
    if (
      !code ||
      code.used ||
      code.expiresAt < options.now() ||
      code.clientId !== field('client_id')
    ) {
      if (code) code.used = true;
      return c.json(salesforceError('invalid_grant', 'expired authorization code'), 400);
    }
    if (field('redirect_uri') !== code.redirectUri) {
      return c.json(
        salesforceError('redirect_uri_mismatch', 'redirect_uri must match configuration'),
        400,
      );
    }
    code.used = true;
    const issuedAt = String(options.now());
    return c.json(
      {
        access_token: `00D5g000004SANDBOX!${randomToken(40)}`,
        refresh_token: `5Aep861${randomToken(40)}`,
        signature: randomToken(32),
        scope: 'full refresh_token',
        instance_url: 'https://sandbox-learner.my.salesforce.com',
        id: 'https://login.salesforce.com/id/00D5g000004SANDBOX/0055g00000SANDBOX',
        token_type: 'Bearer',
        issued_at: issuedAt,
      },
      200,
    );
  });

  return {
    app,
    /** Expires a code at once (the failure lab's "code expired"). */
    expire(code: string) {
      const found = codes.get(code);
      if (found) found.expiresAt = options.now() - 1;
    },
    /** Exchanges a code as a connected app would, returning what was sent and the reply. */
    async exchange(input: {
      code: string;
      clientId: string;
      clientSecret: string;
      redirectUri: string;
    }) {
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: input.code,
        client_id: input.clientId,
        client_secret: input.clientSecret,
        redirect_uri: input.redirectUri,
      });
      const res = await app.request('/services/oauth2/token', { method: 'POST', body: form });
      return {
        url: `${options.baseUrl}/services/oauth2/token`,
        form: [...form],
        status: res.status,
        body: (await res.json()) as Record<string, string>,
      };
    },
  };
}

export type SandboxSalesforce = ReturnType<typeof createSalesforce>;
