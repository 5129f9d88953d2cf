import { SANDBOX_REQUEST_TOKEN_TTL_MS } from '@cew/shared';
import { Hono } from 'hono';
import { createCloudElements } from './cloud-elements';
import { type ConnectedApp, createSalesforce } from './salesforce';
import { createTwitter } from './twitter';

export type SandboxOptions = {
  /** Where browsers reach this sandbox, e.g. http://127.0.0.1:8787/sandbox (no trailing slash). */
  publicUrl: string;
  /** The Cloud Elements user and organization secrets it accepts. */
  userSecret: string;
  orgSecret: string;
  /** Twitter apps registered with the sandbox's Twitter: consumer key → consumer secret. */
  apps: Record<string, string>;
  /** Connected apps registered with the sandbox's Salesforce: client id → secret and callback. */
  salesforceApps?: Record<string, ConnectedApp>;
  tokenTtlMs?: number;
  /** How long a Salesforce authorization code lives (15 minutes, as Salesforce's). */
  codeTtlMs?: number;
  now?: () => number;
};

/**
 * The sandbox: Cloud Elements' instance calls, a Twitter that speaks OAuth 1.0a for real and a
 * Salesforce that speaks OAuth 2.0 for real, with the same rules and error shapes, so the BFF
 * talks to it over HTTP exactly as to the real API. Cloud Elements reaches its Twitter and its
 * Salesforce in-process (the sandbox's own back office). Imports nothing from the rest of the BFF.
 */
export function createSandboxApp(options: SandboxOptions) {
  const now = options.now ?? Date.now;
  const twitterPublicUrl = `${options.publicUrl}/twitter`;
  const salesforcePublicUrl = `${options.publicUrl}/salesforce`;
  const twitter = createTwitter({
    baseUrl: twitterPublicUrl,
    apps: options.apps,
    tokenTtlMs: options.tokenTtlMs ?? SANDBOX_REQUEST_TOKEN_TTL_MS,
    now,
  });
  const salesforce = createSalesforce({
    baseUrl: salesforcePublicUrl,
    apps: options.salesforceApps ?? {},
    codeTtlMs: options.codeTtlMs ?? 15 * 60 * 1000,
    now,
  });
  const cloudElements = createCloudElements({
    userSecret: options.userSecret,
    orgSecret: options.orgSecret,
    twitter,
    twitterPublicUrl,
    salesforce,
    salesforcePublicUrl,
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
  // Not part of any real API either: the tampering lab, sending Twitter a signed request with one
  // input changed, so a learner sees it refused and why.
  const lab = new Hono().post('/tamper', async (c) => {
    const body = (await c.req.json().catch(() => null)) as {
      consumerKey?: unknown;
      change?: unknown;
      oauth_token?: unknown;
    } | null;
    const change = body?.change;
    if (
      typeof body?.consumerKey !== 'string' ||
      (change !== 'signature' &&
        change !== 'timestamp' &&
        change !== 'nonce' &&
        change !== 'verifier')
    ) {
      return c.json(
        { message: 'consumerKey and change (signature|timestamp|nonce|verifier) are required' },
        400,
      );
    }
    const result = await twitter.tamper({
      consumerKey: body.consumerKey,
      change,
      token: typeof body.oauth_token === 'string' ? body.oauth_token : undefined,
    });
    if ('error' in result) return c.json({ message: result.error }, 409);
    return c.json(result, 200);
  });
  return new Hono()
    .route('/elements/api-v2', cloudElements.app)
    .route('/twitter', twitter.app)
    .route('/salesforce', salesforce.app)
    .route('/_inspect', inspect)
    .route('/_lab', lab);
}
