import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, listen } from './app';
import { loadConfig } from './config';
import { shutDown } from './shutdown';

const config = loadConfig();
// dist/index.js sits in bff/dist; the SPA is built into web/dist.
const here = dirname(fileURLToPath(import.meta.url));
const webDist = config.webDist ?? join(here, '../../web/dist');
const app = createApp({ ...config, webDist });

const server = await listen(app, { webDist }, { port: config.port, hostname: config.host });
console.log(
  `Cloud Elements Instance Wizard (${config.mode} mode) at ${config.publicUrl} — listening on ${config.host}:${(server.address() as AddressInfo).port}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.log(`${signal}: finishing requests in progress (10 s at most), then stopping.`);
    await shutDown(server, { drainMs: 10_000, log: (line) => console.log(line) });
    process.exit(0);
  });
}
