import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { shutDown } from './shutdown';

const config = loadConfig();
// dist/index.js sits in bff/dist; the SPA is built into web/dist.
const here = dirname(fileURLToPath(import.meta.url));
const webDist = config.webDist ?? join(here, '../../web/dist');
const app = createApp({ ...config, webDist });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(
    `Cloud Elements Instance Wizard (${config.mode} mode) at ${config.publicUrl} — listening on ${config.host}:${info.port}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.log(`${signal}: finishing requests in progress (10 s at most), then stopping.`);
    await shutDown(server as Server, { drainMs: 10_000, log: (line) => console.log(line) });
    process.exit(0);
  });
}
