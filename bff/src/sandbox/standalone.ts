import { DEMO_CREDENTIALS } from '@cew/shared/sandbox-credentials';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app';

/**
 * The sandbox on its own port, standing in for api.cloud-elements.com and twitter.com so live mode
 * can be exercised end to end: point the BFF's CE_BASE_URL at http://127.0.0.1:8790/elements/api-v2.
 * Its own process reads its own variables; it shares nothing with the BFF.
 */
const port = Number(process.env.SANDBOX_PORT ?? 8790);
const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
const publicUrl = process.env.SANDBOX_PUBLIC_URL ?? `http://${host}:${port}`;

const app = createSandboxApp({
  publicUrl,
  userSecret: process.env.SANDBOX_USER_SECRET ?? DEMO_CREDENTIALS.userSecret,
  orgSecret: process.env.SANDBOX_ORG_SECRET ?? DEMO_CREDENTIALS.orgSecret,
  apps: {
    [process.env.SANDBOX_TWITTER_API_KEY ?? DEMO_CREDENTIALS.twitterApiKey]:
      process.env.SANDBOX_TWITTER_API_SECRET ?? DEMO_CREDENTIALS.twitterApiSecret,
  },
  salesforceApps: {
    [process.env.SANDBOX_SALESFORCE_CLIENT_ID ?? DEMO_CREDENTIALS.salesforceClientId]: {
      secret:
        process.env.SANDBOX_SALESFORCE_CLIENT_SECRET ?? DEMO_CREDENTIALS.salesforceClientSecret,
      // The connected app's registered callback: the wizard's, as live mode runs it by default.
      callbackUrl:
        process.env.SANDBOX_SALESFORCE_CALLBACK_URL ?? 'http://127.0.0.1:8787/oauth/callback',
    },
  },
});

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Sandbox Cloud Elements at ${publicUrl}/elements/api-v2 (port ${info.port})`);
});
