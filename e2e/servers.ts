import { execFileSync } from 'node:child_process';
import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * The servers the e2e suite starts: the wizard in sandbox mode; the sandbox standalone, standing
 * in for Cloud Elements; the wizard in live mode against it, with canary secrets that must never
 * reach the browser; and a live wizard whose Cloud Elements is down.
 */
// Chosen once by the runner; its workers load this file again and must see the same values.
process.env.E2E_TAG ??= `${process.pid}`;
const tag = process.env.E2E_TAG;
/** The live-mode wizard's Salesforce connected app: its client id is public, its secret a canary. */
const SALESFORCE_CLIENT_ID = 'e2e-salesforce-client-id';

/** The live-mode wizard is shared with a class: it asks for this code first. */
export const ACCESS_CODE = `e2e-class-${tag}`;

export const CANARY = {
  CE_USER_SECRET: `e2e-canary-user/${tag}+u=`,
  CE_ORG_SECRET: `e2e-canary-org/${tag}+o=`,
  TWITTER_API_KEY: `e2e-canary-key-${tag}`,
  TWITTER_API_SECRET: `e2e-canary-app/${tag}+s= x`,
  SALESFORCE_API_SECRET: `e2e-canary-sf/${tag}+c= y`,
  SESSION_SECRET: `e2e-canary-session-${tag}-${'x'.repeat(32)}`,
};

/**
 * Four loopback ports free right now, chosen once by the runner and handed to its workers through
 * the environment (they load this file again and must agree). Fixed ports would fail the run
 * whenever anything else on the machine held one.
 */
function freePorts(count: number): number[] {
  if (!process.env.E2E_PORTS) {
    const script = `const net = require('node:net');
      const servers = Array.from({ length: ${count} }, () => net.createServer().listen(0, '127.0.0.1'));
      Promise.all(servers.map((s) => new Promise((r) => s.on('listening', r)))).then(() => {
        console.log(servers.map((s) => s.address().port).join(','));
        for (const s of servers) s.close();
      });`;
    process.env.E2E_PORTS = execFileSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
    }).trim();
  }
  return process.env.E2E_PORTS.split(',').map(Number);
}
const [sandboxPort, livePort, standalonePort, downPort] = freePorts(4);

export const SANDBOX_MODE_URL = `http://127.0.0.1:${sandboxPort}`;
export const LIVE_MODE_URL = `http://127.0.0.1:${livePort}`;
export const STANDALONE_SANDBOX_URL = `http://127.0.0.1:${standalonePort}`;
export const LIVE_DOWN_URL = `http://127.0.0.1:${downPort}`;

const port = (url: string) => new URL(url).port;
type Server = Extract<PlaywrightTestConfig['webServer'], unknown[]>[number];

const live = (
  publicUrl: string,
  ceBaseUrl: string,
  extra: Record<string, string> = {},
): Server => ({
  command: 'node ../bff/dist/index.js',
  url: `${publicUrl}/api/health`,
  reuseExistingServer: false,
  stdout: 'ignore',
  env: {
    // Twitter's app only, unless `extra` adds Salesforce's (a secret without its key is refused).
    CE_USER_SECRET: CANARY.CE_USER_SECRET,
    CE_ORG_SECRET: CANARY.CE_ORG_SECRET,
    TWITTER_API_KEY: CANARY.TWITTER_API_KEY,
    TWITTER_API_SECRET: CANARY.TWITTER_API_SECRET,
    SESSION_SECRET: CANARY.SESSION_SECRET,
    PORT: port(publicUrl),
    PUBLIC_URL: publicUrl,
    CE_BASE_URL: ceBaseUrl,
    OAUTH_ALLOWED_HOSTS: '127.0.0.1',
    UPSTREAM_TIMEOUT_MS: '3000',
    ...extra,
  },
});

export const webServers: NonNullable<PlaywrightTestConfig['webServer']> = [
  {
    command: 'node ../bff/dist/index.js',
    url: `${SANDBOX_MODE_URL}/api/health`,
    reuseExistingServer: false,
    stdout: 'ignore',
    // A short timeout so the failure lab's "Cloud Elements is slow" ends quickly.
    env: {
      PORT: port(SANDBOX_MODE_URL),
      PUBLIC_URL: SANDBOX_MODE_URL,
      UPSTREAM_TIMEOUT_MS: '2000',
    },
  },
  {
    command: 'node ../bff/dist/sandbox.js',
    url: `${STANDALONE_SANDBOX_URL}/twitter/oauth/consent.css`,
    reuseExistingServer: false,
    stdout: 'ignore',
    env: {
      SANDBOX_PORT: port(STANDALONE_SANDBOX_URL),
      SANDBOX_USER_SECRET: CANARY.CE_USER_SECRET,
      SANDBOX_ORG_SECRET: CANARY.CE_ORG_SECRET,
      SANDBOX_TWITTER_API_KEY: CANARY.TWITTER_API_KEY,
      SANDBOX_TWITTER_API_SECRET: CANARY.TWITTER_API_SECRET,
      SANDBOX_SALESFORCE_API_KEY: SALESFORCE_CLIENT_ID,
      SANDBOX_SALESFORCE_API_SECRET: CANARY.SALESFORCE_API_SECRET,
      SANDBOX_CALLBACK_URL: `${LIVE_MODE_URL}/oauth/callback`,
    },
  },
  live(LIVE_MODE_URL, `${STANDALONE_SANDBOX_URL}/elements/api-v2`, {
    ACCESS_CODE,
    SALESFORCE_API_KEY: SALESFORCE_CLIENT_ID,
    SALESFORCE_API_SECRET: CANARY.SALESFORCE_API_SECRET,
  }),
  // Port 9 (discard) has no listener here: every call is refused.
  live(LIVE_DOWN_URL, 'http://127.0.0.1:9/elements/api-v2'),
];
