import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { checkDescriptor, ELEMENTS, KINDS } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp, NO_DEMO_APP } from '@cew/shared/sandbox-credentials';
import { z } from 'zod';

/** A provider app's key and secret, as Cloud Elements' `apiKey` and `apiSecret`. */
export type AppCredentials = { apiKey: string; apiSecret: string };
export const SANDBOX_MOUNT = '/sandbox';
export const SANDBOX_CE_PATH = `${SANDBOX_MOUNT}/elements/api-v2`;

const ALL_ELEMENTS = Object.values(ELEMENTS);
/** The elements that need a provider app of their own (the OAuth kinds). */
const WITH_APP = ALL_ELEMENTS.filter((element) => KINDS[element.authType].app);
/** An element's app variables, derived from its descriptor: `TWITTER_API_KEY`, `…_API_SECRET`. */
export const appVariables = (env: string) => ({
  key: `${env}_API_KEY`,
  secret: `${env}_API_SECRET`,
});

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
  /**
   * The provider apps set as `{ENV}_API_KEY`/`{ENV}_API_SECRET`, by `ENV` (an overlay's `env`, or
   * an element's key in capitals). Sandbox mode: none; every element has its demo app (`appOf`).
   */
  apps: Record<string, AppCredentials>;
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
  /** When set, signing in with it lists and deletes the whole class's instances. */
  trainerCode: string | null;
  /** Added to every instance the wizard creates; only instances with it can be deleted here. */
  instanceTag: string;
  /**
   * How many reverse proxies you run in front (0: none): rate limits key on the address the
   * outermost one saw, counted from the right of X-Forwarded-For.
   */
  trustProxy: number;
  /** "debug" logs every request, assets included; "info" only the API and failures. */
  logLevel: 'info' | 'debug';
  /** How many processes serve the port (WORKERS; default one per core). */
  workers: number;
  /**
   * Set in a worker of several: the sandbox runs once, in the primary, at this loopback origin;
   * this process forwards the browser's `/sandbox/*` to it instead of playing it itself.
   */
  sandboxOrigin?: string;
  /**
   * Whether this server may serve more than one person: a code is set, or it is reachable beyond
   * loopback (HOST or PUBLIC_URL not loopback, or a proxy in front). The one test every part asks:
   * each learner's instances are then their own, and the sandbox answers only the BFF.
   */
  classPossible: boolean;
};

const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).pathname === '/' && !value.endsWith('/'), {
    message: 'must be an origin such as https://wizard.example.com (no path, no trailing slash)',
  });

/** A secret live mode needs: missing or empty, the message says what to set. */
const secret = (what: string) =>
  z
    .string({ error: `is required in live mode: set it to ${what}` })
    .min(1, `is required in live mode: set it to ${what}`);

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
  // One process per core unless told: a class clicking at once should not wait for one core.
  WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEB_DIST: z.string().optional(),
  ACCESS_CODE: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  TRAINER_CODE: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  INSTANCE_TAG: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'must be 1–40 letters, digits, dots, dashes or underscores')
    .default('instance-wizard'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2})$/,
      'must be the number of proxies you run in front (or true for one, false for none)',
    )
    .default('false')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  LOG_LEVEL: z.enum(['info', 'debug'], { error: 'must be info or debug' }).default('info'),
});

const liveSchema = z.object({
  CE_USER_SECRET: secret(
    'your Cloud Elements user secret (in Cloud Elements: your profile → Secrets → User)',
  ),
  CE_ORG_SECRET: secret(
    'your Cloud Elements organization secret (in Cloud Elements: your profile → Secrets → Organization)',
  ),
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
  // The descriptors are data: a bad one stops the start, as a bad variable does.
  problems.push(...ALL_ELEMENTS.flatMap(checkDescriptor));
  if (
    base.success &&
    !LOOPBACK_HOSTS.has(base.data.HOST) &&
    LOOPBACK_HOSTS.has(new URL(base.data.PUBLIC_URL ?? 'http://127.0.0.1').hostname)
  ) {
    problems.push(
      `PUBLIC_URL: must be the address people browse when HOST is ${base.data.HOST} (e.g. http://192.0.2.10:${base.data.PORT}); with a loopback PUBLIC_URL every other computer is sent to itself and the API refuses it`,
    );
  }
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
  if (
    base.success &&
    base.data.TRAINER_CODE !== undefined &&
    base.data.TRAINER_CODE === base.data.ACCESS_CODE
  ) {
    problems.push(
      'TRAINER_CODE: must differ from ACCESS_CODE (learners would sign in as the trainer)',
    );
  }
  if (!base.success || (live && !live.success) || problems.length) {
    return { ok: false, problems: unique(problems) };
  }

  const b = base.data;
  const publicUrl = b.PUBLIC_URL ?? `http://127.0.0.1:${b.PORT}`;
  const classPossible =
    b.ACCESS_CODE !== undefined ||
    b.TRAINER_CODE !== undefined ||
    !LOOPBACK_HOSTS.has(b.HOST) ||
    !LOOPBACK_HOSTS.has(new URL(publicUrl).hostname) ||
    b.TRUST_PROXY > 0;
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
    trainerCode: b.TRAINER_CODE ?? null,
    instanceTag: b.INSTANCE_TAG,
    trustProxy: b.TRUST_PROXY,
    logLevel: b.LOG_LEVEL,
    workers: b.WORKERS ?? availableParallelism(),
    classPossible,
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
        apps: liveApps(clean),
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
      // Alone on this machine, the published demo secrets (curl the sandbox with them). Where a
      // class is possible, secrets made at this start: only the BFF can use the sandbox's Cloud
      // Elements, so no one on the network can list, plant or delete a learner's instances.
      ...(classPossible
        ? {
            ceUserSecret: `sandbox-user-${randomBytes(18).toString('base64url')}`,
            ceOrgSecret: `sandbox-org-${randomBytes(18).toString('base64url')}`,
          }
        : { ceUserSecret: DEMO_CREDENTIALS.userSecret, ceOrgSecret: DEMO_CREDENTIALS.orgSecret }),
      // The sandbox plays every provider, each element with its demo app (see appOf).
      apps: {},
      sessionSecret: b.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    },
  };
}

/** Every app whose two variables are both set (`HUBSPOTCRM_API_KEY` and `…_API_SECRET`), by ENV. */
function liveApps(env: Record<string, string | undefined>): Record<string, AppCredentials> {
  const apps: Record<string, AppCredentials> = {};
  for (const [name, apiKey] of Object.entries(env)) {
    const prefix = /^([A-Z][A-Z0-9_]*)_API_KEY$/.exec(name)?.[1];
    const apiSecret = prefix ? env[appVariables(prefix).secret] : undefined;
    if (prefix && apiKey && apiSecret) apps[prefix] = { apiKey, apiSecret };
  }
  return apps;
}

/**
 * This server's app for an element: in live mode the one set for its `env`; in sandbox mode its
 * demo app, but for the one element the sandbox leaves without (the person types the app's).
 */
export function appOf(
  config: Pick<Config, 'mode' | 'apps'>,
  element: { key: string; env: string },
): AppCredentials | undefined {
  if (config.mode === 'sandbox')
    return element.key === NO_DEMO_APP ? undefined : demoApp(element.env);
  return config.apps[element.env];
}

/** Each app is given whole: a key without its secret (or the reverse) is a mistake to name. */
function appProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const element of WITH_APP) {
    const { key, secret: secretName } = appVariables(element.env);
    const app = KINDS[element.authType].app;
    const what = `your ${element.provider} app's ${app?.keyName ?? 'key'}`;
    const whatSecret = `your ${element.provider} app's ${app?.secretName ?? 'secret'}`;
    if (env[key] && !env[secretName])
      problems.push(`${secretName}: is required with ${key} (${whatSecret})`);
    if (env[secretName] && !env[key])
      problems.push(`${key}: is required with ${secretName} (${what})`);
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
    // A variable's problem points at .env.example; an element's names its own file already.
    const variables = result.problems.some((p) => !p.startsWith('element '));
    console.error(
      `Configuration is not valid; the wizard did not start:\n${result.problems.map((p) => `  - ${p}`).join('\n')}${variables ? '\nSee .env.example for every variable.' : ''}`,
    );
    process.exit(1);
  }
  return result.config;
}
