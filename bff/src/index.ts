import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, listen, type Shared } from './app';
import { configFromPrimary, onShutdownRequest, primaryCountStore, runPrimary } from './cluster';
import { type Config, loadConfig } from './config';
import { lineWriter } from './request-log';
import { shutDown } from './shutdown';

// dist/index.js sits in bff/dist; the SPA is built into web/dist.
const here = dirname(fileURLToPath(import.meta.url));
// Every line of this process (its requests', the primary's) through one writer, in order; what
// is still waiting is written as the process exits.
const { writeLine, flush } = lineWriter((text) => process.stdout.write(text));
process.on('exit', flush);

/** Serves the app in this process: the only one, or one worker of several. */
async function serveHere(config: Config, shared?: Shared) {
  const webDist = config.webDist ?? join(here, '../../web/dist');
  const worker = cluster.worker?.id;
  // A worker's log lines say which worker wrote them.
  const log =
    worker === undefined ? writeLine : (line: string) => writeLine(withWorker(line, worker));
  const app = createApp({ ...config, webDist }, log, shared);
  const server = await listen(app, { webDist }, { port: config.port, hostname: config.host });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    if (worker === undefined) {
      writeLine(`${why}: finishing requests in progress (10 s at most), then stopping.`);
    }
    await shutDown(server, { drainMs: 10_000, log });
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // A worker drains when the primary asks (a terminal's Ctrl-C reaches every process too).
    process.once(signal, () => stop(signal));
  }
  if (worker !== undefined) onShutdownRequest(() => stop('shutdown'));
  return server;
}

/** A JSON log line with the worker's number first; any other line as it is. */
const withWorker = (line: string, worker: number) =>
  line.startsWith('{') ? `{"worker":${worker},${line.slice(1)}` : `[worker ${worker}] ${line}`;

if (cluster.isWorker) {
  const config = await configFromPrimary();
  await serveHere(config, { signInStore: primaryCountStore() });
} else {
  const config = loadConfig();
  const where = `Cloud Elements Instance Wizard (${config.mode} mode) at ${config.publicUrl}`;
  if (config.workers > 1) {
    await runPrimary(config, writeLine);
    writeLine(
      `${where} — listening on ${config.host}:${config.port} with ${config.workers} workers`,
    );
  } else {
    const server = await serveHere(config);
    writeLine(`${where} — listening on ${config.host}:${(server.address() as AddressInfo).port}`);
  }
}
