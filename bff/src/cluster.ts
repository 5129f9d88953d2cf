import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type ClientRateLimitInfo, MemoryStore, type Store } from 'hono-rate-limiter';
import { createSandboxSite } from './app';
import type { Config } from './config';

/**
 * Several processes on one port (`WORKERS`, node:cluster): the BFF keeps no per-flow memory (the
 * flow lives in a sealed cookie under one shared SESSION_SECRET), so any worker may serve any
 * step. What is shared lives here, in the primary: the sandbox (run once, on a loopback port of
 * its own, which every worker calls over HTTP as it would call Cloud Elements) and the count of
 * wrong sign-in codes (so a guesser gains nothing from the number of workers).
 */

/** What the primary hands each worker: the one configuration, generated secrets included. */
type ConfigRequest = { type: 'config?' };
type ConfigMessage = { type: 'config'; config: Config };
/** A worker's question about the shared sign-in count, and the primary's answer. */
type LimitOp = 'increment' | 'decrement' | 'resetKey' | 'get';
type LimitRequest = { type: 'limit'; id: number; op: LimitOp; key: string };
type LimitReply = { type: 'limit'; id: number; info?: { totalHits: number; resetTime?: number } };
/** The primary asks every worker to stop taking connections and finish what it has. */
type ShutdownMessage = { type: 'shutdown' };

const SIGN_IN_WINDOW_MS = 60_000;

/**
 * The primary: starts the sandbox (sandbox mode), makes the generated secrets once, forks the
 * workers and replaces one that dies; on SIGTERM or SIGINT it asks every worker to drain, waits
 * for all, then stops the sandbox. Resolves once every worker listens.
 */
export async function runPrimary(config: Config, log: (line: string) => void) {
  // The configuration was read once, here: a generated SESSION_SECRET (and the sandbox's secrets
  // in a class) are the same in every worker, so a flow sealed by one opens in another.
  let workerConfig: Config = config;
  let sandbox: ReturnType<typeof serve> | undefined;
  if (config.mode === 'sandbox') {
    const started = await listenOnLoopback((internalHost) =>
      createSandboxSite(config, internalHost),
    );
    sandbox = started.server;
    workerConfig = {
      ...workerConfig,
      ceBaseUrl: `${started.origin}${new URL(config.ceBaseUrl).pathname}`,
      sandboxOrigin: started.origin,
    };
  }

  const signIns = new MemoryStore();
  signIns.init({ windowMs: SIGN_IN_WINDOW_MS } as Parameters<MemoryStore['init']>[0]);
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', async (message: LimitRequest | ConfigRequest) => {
      // Asked for once the worker listens for it (a message sent before then would be lost).
      if (message?.type === 'config?') {
        worker.send({ type: 'config', config: workerConfig } satisfies ConfigMessage);
        return;
      }
      if (message?.type !== 'limit') return;
      const info = await signIns[message.op](message.key);
      const reply: LimitReply = {
        type: 'limit',
        id: message.id,
        ...(info
          ? { info: { totalHits: info.totalHits, resetTime: info.resetTime?.getTime() } }
          : {}),
      };
      if (worker.isConnected()) worker.send(reply);
    });
    return worker;
  };
  // Each worker accepts its own connections from the shared socket. Node's default (round-robin)
  // has the primary accept every connection and hand it to a worker over IPC, one at a time per
  // worker, waiting for the worker's answer before the next: when a class clicks at once, 300 new
  // connections queue behind those round trips (docs/benchmarks.md, session 15: 300 at once, p99
  // 474–503 ms this way against 516–559 round-robin). The kernel deals them out unevenly (Node's
  // docs warn of it); measured here, 59 % and 41 % of a burst's, and idle calls about evenly.
  // Node's own NODE_CLUSTER_SCHED_POLICY=rr still chooses round-robin.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  const listened = new Set<number>();
  // Ready when every worker listens: the port answers from then on.
  const ready = new Promise<void>((resolve) => {
    cluster.on('listening', (worker) => {
      listened.add(worker.id);
      if (listened.size === config.workers) resolve();
    });
  });
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker.id)) {
      // It never served (the port is taken, say): another would fail the same way, forever.
      log(`A worker stopped before it could listen (${signal ?? `exit ${code}`}); stopping.`);
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      sandbox?.close();
      process.exit(1);
    }
    log(
      JSON.stringify({
        level: 'error',
        msg: `worker ${worker.id} stopped (${signal ?? `exit ${code}`}); starting another`,
      }),
    );
    fork();
  });

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: every worker finishes its requests in progress (10 s at most), then stops.`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.send({ type: 'shutdown' } satisfies ShutdownMessage);
          }),
      ),
    );
    sandbox?.close();
    signIns.shutdown?.();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(signal));
  await ready;
}

/** Serves `site` on a free loopback port; its own host is what the BFF calls it by. */
type Site = { fetch: (request: Request) => Response | Promise<Response> };
async function listenOnLoopback(site: (internalHost: string) => Site) {
  let app: Site | undefined;
  const server = serve({
    // The site needs its own address, known once listening; nothing calls it before then.
    fetch: (request: Request) => (app as Site).fetch(request),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  app = site(`127.0.0.1:${port}`);
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** A worker's configuration: the primary's, sent once at the start. */
export function configFromPrimary(): Promise<Config> {
  return new Promise((resolve) => {
    const onMessage = (message: ConfigMessage) => {
      if (message?.type !== 'config') return;
      process.off('message', onMessage);
      resolve(message.config);
    };
    process.on('message', onMessage);
    process.send?.({ type: 'config?' } satisfies ConfigRequest);
  });
}

/** Calls `stop` when the primary asks this worker to stop. */
export function onShutdownRequest(stop: () => void) {
  process.on('message', (message: ShutdownMessage) => {
    if (message?.type === 'shutdown') stop();
  });
}

/**
 * The sign-in limiter's store in a worker: every count is the primary's, so wrong codes are
 * counted once however the connections are dealt out between the workers.
 */
export function primaryCountStore(): Store {
  let next = 0;
  const waiting = new Map<number, (info: LimitReply['info']) => void>();
  process.on('message', (message: LimitReply) => {
    if (message?.type !== 'limit') return;
    waiting.get(message.id)?.(message.info);
    waiting.delete(message.id);
  });
  const ask = (op: LimitOp, key: string) =>
    new Promise<ClientRateLimitInfo | undefined>((resolve) => {
      const id = next++;
      waiting.set(id, (info) =>
        resolve(
          info && {
            totalHits: info.totalHits,
            ...(info.resetTime === undefined ? {} : { resetTime: new Date(info.resetTime) }),
          },
        ),
      );
      process.send?.({ type: 'limit', id, op, key } satisfies LimitRequest);
    });
  return {
    get: (key) => ask('get', key),
    increment: async (key) => (await ask('increment', key)) ?? { totalHits: 1 },
    decrement: async (key) => {
      await ask('decrement', key);
    },
    resetKey: async (key) => {
      await ask('resetKey', key);
    },
  };
}
