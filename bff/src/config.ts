import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ElementKey } from '@cew/shared';
import { DEMO_CREDENTIALS } from '@cew/shared/sandbox-credentials';
import { z } from 'zod';

/** A provider app's key and secret, as Cloud Elements' `apiKey` and `apiSecret`. */
export type AppCredentials = { apiKey: string; apiSecret: string };
export const SANDBOX_MOUNT = '/sandbox';
export const SANDBOX_CE_PATH = `${SANDBOX_MOUNT}/elements/api-v2`;
/**
 * Where each element's real authorization URL may point: the provider's hosts and its consent
 * paths. OAUTH_ALLOWED_HOSTS adds hosts (a path ending in one of these, on any of them).
 */
export const PROVIDER_CONSENT: Record<ElementKey, { hosts: string[]; paths: string[] }> = {
  twitter: {
    hosts: ['api.twitter.com', 'api.x.com', 'twitter.com', 'x.com'],
    paths: ['/oauth/authorize', '/oauth/authenticate'],
  },
  // test.salesforce.com is where Salesforce sandboxes (the org kind) log in.
  sfdc: {
    hosts: ['login.salesforce.com', 'test.salesforce.com'],
    paths: ['/services/oauth2/authorize'],
  },
};

export type Config = {
  mode: 'sandbox' | 'live';
  host: string;
  port: number;
  /** Origin people browse, without a trailing slash. */
  publicUrl: string;
  callbackUrl: string;
  ceBaseUrl: string;
  ceUserSecret: string;
  ceOrgSecret: string;
  /** Each element's provider app; an element without one is not offered. */
  apps: Partial<Record<ElementKey, AppCredentials>>;
  sessionSecret: string;
  /** OAUTH_ALLOWED_HOSTS: hosts allowed in `oauthUrl` besides the provider's own. */
  oauthExtraHosts: string[];
  upstreamTimeoutMs: number;
  /** Flow calls one client (IP address) may make per minute before 429. */
  rateLimitPerMinute: number;
  /** Where the built SPA lives; null serves no SPA (tests of the API alone). */
  webDist: string | null;
  /** When set, every API route but health, config and session needs the access cookie. */
  accessCode: string | null;
  /** Added to every instance the wizard creates; only instances with it can be deleted here. */
  instanceTag: string;
  /** Behind a reverse proxy you run: rate limits key on X-Forwarded-For's first address. */
  trustProxy: boolean;
  /** "debug" logs every request, assets included; "info" only the API and failures. */
  logLevel: 'info' | 'debug';
};

const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).pathname === '/' && !value.endsWith('/'), {
    message: 'must be an origin such as https://wizard.example.com (no path, no trailing slash)',
  });

const secret = (what: string) => z.string().min(1, `is required in live mode (${what})`);

const baseSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: origin.optional(),
  OAUTH_CALLBACK_URL: z.url({ protocol: /^https?$/ }).optional(),
  OAUTH_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEB_DIST: z.string().optional(),
  ACCESS_CODE: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  INSTANCE_TAG: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'must be 1–40 letters, digits, dots, dashes or underscores')
    .default('instance-wizard'),
  TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['info', 'debug'], { error: 'must be info or debug' }).default('info'),
});

const liveSchema = z.object({
  CE_USER_SECRET: secret('your Cloud Elements user secret'),
  CE_ORG_SECRET: secret('your Cloud Elements organization secret'),
  TWITTER_API_KEY: z.string().optional(),
  TWITTER_API_SECRET: z.string().optional(),
  SALESFORCE_API_KEY: z.string().optional(),
  SALESFORCE_API_SECRET: z.string().optional(),
  // Only a missing secret is "required"; a short one is reported by the base schema's length rule.
  SESSION_SECRET: z.string({ error: 'is required in live mode (32+ random characters)' }),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the variables into a Config; lists every bad variable by name, never by value. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // An empty variable counts as unset, as in most .env tooling.
  const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const problems: string[] = [];
  const base = baseSchema.safeParse(clean);
  if (!base.success) problems.push(...describe(base.error));
  const live = clean.CE_BASE_URL !== undefined ? liveSchema.safeParse(clean) : null;
  if (live && !live.success) problems.push(...describe(live.error));
  if (live) problems.push(...appProblems(clean));
  if (
    base.success &&
    clean.CE_BASE_URL !== undefined &&
    !LOOPBACK_HOSTS.has(base.data.HOST) &&
    base.data.ACCESS_CODE === undefined
  ) {
    problems.push(
      'ACCESS_CODE: is required in live mode when HOST is not a loopback address (anyone who can reach the server could use your Cloud Elements secrets)',
    );
  }
  if (!base.success || (live && !live.success) || problems.length) {
    return { ok: false, problems: unique(problems) };
  }

  const b = base.data;
  const publicUrl = b.PUBLIC_URL ?? `http://127.0.0.1:${b.PORT}`;
  const shared = {
    host: b.HOST,
    port: b.PORT,
    publicUrl,
    callbackUrl: b.OAUTH_CALLBACK_URL ?? `${publicUrl}/oauth/callback`,
    oauthExtraHosts: b.OAUTH_ALLOWED_HOSTS,
    upstreamTimeoutMs: b.UPSTREAM_TIMEOUT_MS,
    rateLimitPerMinute: b.RATE_LIMIT_PER_MINUTE,
    webDist: b.WEB_DIST ?? null,
    accessCode: b.ACCESS_CODE ?? null,
    instanceTag: b.INSTANCE_TAG,
    trustProxy: b.TRUST_PROXY,
    logLevel: b.LOG_LEVEL,
  };
  if (live?.success && b.CE_BASE_URL) {
    return {
      ok: true,
      config: {
        ...shared,
        mode: 'live',
        ceBaseUrl: b.CE_BASE_URL.replace(/\/+$/, ''),
        ceUserSecret: live.data.CE_USER_SECRET,
        ceOrgSecret: live.data.CE_ORG_SECRET,
        apps: {
          ...(live.data.TWITTER_API_KEY && live.data.TWITTER_API_SECRET
            ? {
                twitter: {
                  apiKey: live.data.TWITTER_API_KEY,
                  apiSecret: live.data.TWITTER_API_SECRET,
                },
              }
            : {}),
          ...(live.data.SALESFORCE_API_KEY && live.data.SALESFORCE_API_SECRET
            ? {
                sfdc: {
                  apiKey: live.data.SALESFORCE_API_KEY,
                  apiSecret: live.data.SALESFORCE_API_SECRET,
                },
              }
            : {}),
        },
        sessionSecret: live.data.SESSION_SECRET,
      },
    };
  }
  // Sandbox: the BFF calls its own /sandbox over loopback HTTP, the same path live mode takes.
  const loopback = ['0.0.0.0', '::', '[::]'].includes(b.HOST) ? '127.0.0.1' : b.HOST;
  return {
    ok: true,
    config: {
      ...shared,
      mode: 'sandbox',
      ceBaseUrl: `http://${loopback}:${b.PORT}${SANDBOX_CE_PATH}`,
      ceUserSecret: DEMO_CREDENTIALS.userSecret,
      ceOrgSecret: DEMO_CREDENTIALS.orgSecret,
      // The sandbox plays both providers, so both elements are offered.
      apps: {
        twitter: {
          apiKey: DEMO_CREDENTIALS.twitterApiKey,
          apiSecret: DEMO_CREDENTIALS.twitterApiSecret,
        },
        sfdc: {
          apiKey: DEMO_CREDENTIALS.salesforceClientId,
          apiSecret: DEMO_CREDENTIALS.salesforceClientSecret,
        },
      },
      sessionSecret: b.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    },
  };
}

/** Live mode needs at least one element's app, each given whole (key and secret). */
function appProblems(env: Record<string, string | undefined>): string[] {
  const pairs = [
    ['TWITTER_API_KEY', 'TWITTER_API_SECRET', "your Twitter app's consumer"],
    ['SALESFORCE_API_KEY', 'SALESFORCE_API_SECRET', "your Salesforce connected app's consumer"],
  ] as const;
  const problems: string[] = [];
  for (const [key, secretName, what] of pairs) {
    if (env[key] && !env[secretName])
      problems.push(`${secretName}: is required with ${key} (${what} secret)`);
    if (env[secretName] && !env[key])
      problems.push(`${key}: is required with ${secretName} (${what} key)`);
  }
  if (!pairs.some(([key, secretName]) => env[key] && env[secretName])) {
    problems.push(
      'TWITTER_API_KEY, TWITTER_API_SECRET: are required in live mode, unless SALESFORCE_API_KEY and SALESFORCE_API_SECRET are set (at least one element must be configured)',
    );
  }
  return problems;
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** The only reader of process.env (and of .env, which never overrides the real environment). */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const result = parseConfig(process.env);
  if (!result.ok) {
    console.error(
      `Configuration is not valid; the wizard did not start:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    process.exit(1);
  }
  return result.config;
}
