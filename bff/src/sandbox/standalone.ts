import { ELEMENTS, KINDS } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createSandboxApp, type SandboxApp } from './app';

/**
 * The sandbox on its own port, standing in for api.cloud-elements.com and every provider so live
 * mode can be exercised end to end: point the BFF's CE_BASE_URL at
 * http://127.0.0.1:8790/elements/api-v2. Its own process reads its own variables, checked
 * (`SANDBOX_{ENV}_API_KEY` / `…_API_SECRET` per element, else the demo app); it shares nothing
 * with the BFF.
 */
const env = z
  .object({
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8790),
    SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
    SANDBOX_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    SANDBOX_CALLBACK_URL: z
      .url({ protocol: /^https?$/ })
      .default('http://127.0.0.1:8787/oauth/callback'),
    SANDBOX_USER_SECRET: z.string().min(1).default(DEMO_CREDENTIALS.userSecret),
    SANDBOX_ORG_SECRET: z.string().min(1).default(DEMO_CREDENTIALS.orgSecret),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
if (!env.success) {
  console.error(
    `The sandbox did not start:\n${env.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}
const port = env.data.SANDBOX_PORT;
const host = env.data.SANDBOX_HOST;
const publicUrl = env.data.SANDBOX_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${host}:${port}`;

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
  userSecret: env.data.SANDBOX_USER_SECRET,
  orgSecret: env.data.SANDBOX_ORG_SECRET,
  apps,
  // Every OAuth 2.0 app's registered callback: the wizard's, as live mode runs it by default.
  callbackUrl: env.data.SANDBOX_CALLBACK_URL,
});

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Sandbox Cloud Elements at ${publicUrl}/elements/api-v2 (port ${info.port})`);
});
