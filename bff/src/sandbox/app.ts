import { Hono } from 'hono';
import { createCloudElements } from './cloud-elements';
import { createTwitter } from './twitter';

export type SandboxOptions = {
  /** Where browsers reach this sandbox, e.g. http://127.0.0.1:8787/sandbox (no trailing slash). */
  publicUrl: string;
  /** The Cloud Elements user and organization secrets it accepts. */
  userSecret: string;
  orgSecret: string;
  /** Twitter apps registered with the sandbox's Twitter: consumer key → consumer secret. */
  apps: Record<string, string>;
  tokenTtlMs?: number;
  now?: () => number;
};

/**
 * The sandbox: Cloud Elements' instance calls and a Twitter that speaks OAuth 1.0a for real, with
 * the same rules and error shapes, so the BFF talks to it over HTTP exactly as to the real API.
 * Cloud Elements reaches its Twitter in-process (the sandbox's own back office), signing every
 * request. Imports nothing from the rest of the BFF.
 */
export function createSandboxApp(options: SandboxOptions) {
  const now = options.now ?? Date.now;
  const twitterPublicUrl = `${options.publicUrl}/twitter`;
  const twitter = createTwitter({
    baseUrl: twitterPublicUrl,
    apps: options.apps,
    tokenTtlMs: options.tokenTtlMs ?? 10 * 60 * 1000,
    now,
  });
  const cloudElements = createCloudElements({
    userSecret: options.userSecret,
    orgSecret: options.orgSecret,
    twitter,
    twitterPublicUrl,
    now,
  });
  // Not part of Cloud Elements' API: the emulator's window onto the leg it plays with Twitter.
  const inspect = new Hono().get('/legs', (c) =>
    c.json({ legs: cloudElements.legsOf(c.req.query('oauth_token') ?? '') }, 200),
  );
  return new Hono()
    .route('/elements/api-v2', cloudElements.app)
    .route('/twitter', twitter.app)
    .route('/_inspect', inspect);
}
