import { ELEMENTS, KINDS } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { serve } from '@hono/node-server';
import { createSandboxApp, type SandboxApp } from './app';

/**
 * The sandbox on its own port, standing in for api.cloud-elements.com and every provider so live
 * mode can be exercised end to end: point the BFF's CE_BASE_URL at
 * http://127.0.0.1:8790/elements/api-v2. Its own process reads its own variables
 * (`SANDBOX_{ENV}_API_KEY` / `…_API_SECRET` per element, else the demo app); it shares nothing
 * with the BFF.
 */
const port = Number(process.env.SANDBOX_PORT ?? 8790);
const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
const publicUrl = process.env.SANDBOX_PUBLIC_URL ?? `http://${host}:${port}`;

const apps: Record<string, SandboxApp> = {};
for (const element of Object.values(ELEMENTS)) {
  if (!KINDS[element.authType].app) continue;
  const demo = demoApp(element.env);
  apps[element.key] = {
    apiKey: process.env[`SANDBOX_${element.env}_API_KEY`] ?? demo.apiKey,
    apiSecret: process.env[`SANDBOX_${element.env}_API_SECRET`] ?? demo.apiSecret,
  };
}

const app = createSandboxApp({
  publicUrl,
  userSecret: process.env.SANDBOX_USER_SECRET ?? DEMO_CREDENTIALS.userSecret,
  orgSecret: process.env.SANDBOX_ORG_SECRET ?? DEMO_CREDENTIALS.orgSecret,
  apps,
  // Every OAuth 2.0 app's registered callback: the wizard's, as live mode runs it by default.
  callbackUrl: process.env.SANDBOX_CALLBACK_URL ?? 'http://127.0.0.1:8787/oauth/callback',
});

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Sandbox Cloud Elements at ${publicUrl}/elements/api-v2 (port ${info.port})`);
});
