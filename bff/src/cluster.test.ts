import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementView } from '@cew/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, TestBrowser, TWITTER } from './testing/start-bff';

/** The wizard as `pnpm start` runs it, with two workers: a primary, the sandbox, two processes. */
async function startWorkers(env: Record<string, string> = {}) {
  const port = await freePort();
  const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
  const child = spawn(tsx, [join(import.meta.dirname, 'index.ts')], {
    env: { ...process.env, WORKERS: '2', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (lines.some((line) => line.includes('with 2 workers'))) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the wizard stopped at start (exit ${code})`));
    });
  });
  /** Which worker answered a reply, from the log line of its request id. */
  const workerOf = async (reply: { headers: Headers }) => {
    const id = reply.headers.get('x-request-id');
    for (let tries = 0; tries < 50; tries++) {
      const line = lines.find((l) => id && l.includes(id));
      if (line) return (JSON.parse(line) as { worker: number }).worker;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no log line for request ${id}`);
  };
  return { origin: `http://127.0.0.1:${port}`, child, lines, workerOf };
}

const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);

/** The primary: of the processes the wizard's command started, the one whose children are the workers. */
function primaryOf(child: ChildProcess): number {
  const pending = [child.pid as number];
  for (let pid = pending.shift(); pid !== undefined; pid = pending.shift()) {
    const children = childrenOf(pid);
    if (children.length === 2) return pid;
    pending.push(...children);
  }
  throw new Error('no process with two workers under the wizard');
}

const stopped = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve([child.exitCode]) : once(child, 'exit');

describe('several workers on one port', () => {
  let wizard: Awaited<ReturnType<typeof startWorkers>>;
  beforeAll(async () => {
    wizard = await startWorkers();
  }, 120_000);
  afterAll(async () => {
    if (wizard.child.exitCode === null) {
      wizard.child.kill('SIGTERM');
      await stopped(wizard.child);
    }
  });

  it('a flow that starts on one worker ends on another, through the one sandbox they share', async () => {
    // A new connection for every call: each is taken by whichever worker accepts it first, so a
    // flow crosses workers often but not always; flows are walked until one has.
    const browser = new TestBrowser(wizard.origin, { newConnections: true });
    const { json } = await browser.call('GET', '/api/elements');
    const twitter = json.elements.find((e: ElementView) => e.key === 'twitter');
    let workers = new Set<number>();
    for (let walk = 0; walk < 12 && workers.size < 2; walk++) {
      const replies = await browser.walk(twitter, { name: 'across-workers' });
      expect(Object.values(replies).map((reply) => reply.status)).toEqual([
        200, 200, 200, 200, 200,
      ]);
      workers = new Set(await Promise.all(Object.values(replies).map(wizard.workerOf)));
    }
    // The flow's sealed cookie opened in both workers: the same SESSION_SECRET.
    expect(workers).toEqual(new Set([1, 2]));
    // The instance the flow made is in the one sandbox, whichever worker lists it.
    const listedBy = new Set<number>();
    for (let call = 0; call < 30 && listedBy.size < 2; call++) {
      const list = await browser.call('GET', '/api/instances');
      expect(list.json.instances.map((i: { name: string }) => i.name)).toContain('across-workers');
      listedBy.add(await wizard.workerOf(list));
    }
    expect(listedBy).toEqual(new Set([1, 2]));
  }, 90_000);

  it('serves the sandbox’s consent pages through whichever worker the browser reaches', async () => {
    const browser = new TestBrowser(wizard.origin, { newConnections: true });
    await browser.call('POST', '/api/flow/request-token', TWITTER);
    const { json } = await browser.call('POST', '/api/flow/authorize-url', {});
    for (let i = 0; i < 2; i++) {
      const page = await fetch(json.oauthUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Authorize');
    }
    // Another name for the same server reaches no sandbox (DNS rebinding).
    const other = new URL(json.oauthUrl);
    other.hostname = 'localhost';
    expect((await fetch(other)).status).toBe(421);
  }, 60_000);

  it('takes new connections in the workers themselves: a stalled primary holds none up', async () => {
    // Under Node's round-robin the primary accepts each connection and hands it over; here each
    // worker accepts its own, so a class's burst never queues behind the primary.
    const primary = primaryOf(wizard.child);
    process.kill(primary, 'SIGSTOP');
    try {
      const browser = new TestBrowser(wizard.origin, { newConnections: true });
      const replies = [];
      // Each within 10 s (a connection left to the stopped primary would wait for good).
      const within = <T>(call: Promise<T>) =>
        Promise.race([
          call,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('no answer while the primary is stopped')), 10_000),
          ),
        ]);
      for (let i = 0; i < 6; i++) replies.push(await within(browser.call('GET', '/api/health')));
      expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(200));
    } finally {
      process.kill(primary, 'SIGCONT');
    }
  }, 60_000);
});

describe('a class on several workers', () => {
  it('counts wrong sign-in codes once for all workers', async () => {
    const wizard = await startWorkers({ ACCESS_CODE: 'class-of-2026' });
    try {
      const guesser = new TestBrowser(wizard.origin, { newConnections: true });
      const replies = [];
      // Enough guesses that both workers take some: each connection goes to whichever worker
      // accepts it first (at the most uneven split seen here, 70/30, all 24 to one worker is a
      // chance of about one in five thousand).
      for (let i = 0; i < 24; i++) {
        replies.push(await guesser.call('POST', '/api/session', { accessCode: `no-${i}` }));
      }
      // Dealt out between both workers, the guesses still meet one limit of ten.
      expect(new Set(await Promise.all(replies.map(wizard.workerOf)))).toEqual(new Set([1, 2]));
      expect(replies.map((reply) => reply.status)).toEqual([
        ...Array(10).fill(401),
        ...Array(14).fill(429),
      ]);
    } finally {
      wizard.child.kill('SIGTERM');
      await stopped(wizard.child);
    }
  }, 120_000);
});

describe('stopping several workers', () => {
  it('drains every worker on SIGTERM: calls in progress are answered, then all stop', async () => {
    const wizard = await startWorkers({ UPSTREAM_TIMEOUT_MS: '6000' });
    // Calls that wait on Cloud Elements (the lab's slow outage) until the 6 s deadline; the signal
    // comes well after all have reached a worker, even on a busy machine. Twenty-four, so that both
    // workers hold some (each goes to whichever worker accepts it first).
    const calls = Array.from({ length: 24 }, () =>
      new TestBrowser(wizard.origin, { newConnections: true }).call(
        'POST',
        '/api/flow/request-token',
        { ...TWITTER, scenario: 'ce-slow' },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    wizard.child.kill('SIGTERM');
    const replies = await Promise.all(calls);
    expect(replies.map((reply) => reply.status)).toEqual(Array(24).fill(504));
    expect(new Set(await Promise.all(replies.map(wizard.workerOf)))).toEqual(new Set([1, 2]));
    const [code] = await stopped(wizard.child);
    expect(code).toBe(0);
    expect(wizard.lines.join('\n')).toContain('every worker finishes its requests in progress');
  }, 120_000);
});
