// `pnpm bench`: the BFF against the floor, as ratios measured in one run (the machine is shared
// and noisy, so absolute numbers mean little; A and B alternate so both see the same noise).
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
// Many short rounds in alternating order, after a warm-up: the JIT keeps speeding a server up for
// its first ~20 s under load, and the machine's speed drifts; short alternation cancels both.
const WARM_UP_SECONDS = quick ? 3 : 10;
const ROUNDS = quick ? 4 : 12;
const SECONDS = 2;
const FIXED_RATE_SECONDS = quick ? 3 : 6;
const FLOW_COUNTS = quick ? [100, 1_000] : [100, 1_000, 5_000, 10_000];
/** Step 1's body: OAuth 1.0a's first call names its element (the seed's Twitter). */
const STEP_ONE = JSON.stringify({ element: 'twitter' });
const children = [];
process.on('exit', () => {
  for (const child of children) child.kill();
});

async function start(script, env, args = []) {
  const child = fork(script, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  const ready = await Promise.race([
    once(child, 'message').then(() => true),
    once(child, 'exit').then(() => false),
  ]);
  if (!ready) {
    throw new Error(
      `${script} stopped before it was ready: is port ${env.PORT} in use? The bench needs ports 9101–9108 free.`,
    );
  }
  return child;
}

/** The Node flags `pnpm start` runs the BFF with, read from its one definition. */
const PRODUCTION_FLAGS = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'))
  .scripts.start.split(' ')
  .filter((word) => word.startsWith('--'));
const memoryFile = join(tmpdir(), `cew-bench-memory-${process.pid}.json`);

async function startBff(port, ceBaseUrl, benchFlags = [], extraEnv = {}) {
  const args = [...PRODUCTION_FLAGS, ...benchFlags, join(here, '../dist/index.js')];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      BENCH_MEMORY_FILE: memoryFile,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CE_BASE_URL: ceBaseUrl,
      CE_USER_SECRET: 'sandbox-user-secret-0000',
      CE_ORG_SECRET: 'sandbox-org-secret-0000',
      TWITTER_API_KEY: 'sandbox-twitter-api-key',
      TWITTER_API_SECRET: 'sandbox-twitter-api-secret',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
      OAUTH_ALLOWED_HOSTS: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // One process unless a measure says otherwise: the floor it is compared with is one.
      WORKERS: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    try {
      const res = await request(`http://127.0.0.1:${port}/api/health`);
      await res.body.dump();
      if (res.statusCode === 200) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('BFF did not start');
}

/** CPU seconds a process has used, user and system: Linux's /proc/<pid>/stat, in 1/100 s ticks. */
const cpuSecondsOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Has the BFF collect its garbage (see gc-on-signal.mjs), then reads its memory. */
async function memoryAfterGc(child) {
  rmSync(memoryFile, { force: true });
  child.kill('SIGUSR2');
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const usage = JSON.parse(readFileSync(memoryFile, 'utf8'));
      return { rss: rssOf(child.pid), heapUsed: usage.heapUsed / 2 ** 20 };
    } catch {}
  }
  throw new Error('the BFF did not report its memory');
}

function load(url, options) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: STEP_ONE,
    duration: SECONDS,
    connections: 32,
    ...options,
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The median of a / b over rounds measured side by side. */
const pairedRatio = (a, b) => +median(a.map((value, round) => value / b[round])).toFixed(2);

// --- servers ---------------------------------------------------------------------------------
// The upstream serves the whole documented catalog, and the BFF holds an app for every element
// of it: step 1 is measured as a server configured for every element would run it.
await start(join(here, 'upstream.mjs'), { PORT: '9101', CATALOG: '1' });
const tokenUrl = 'http://127.0.0.1:9101/elements/twitter/oauth/token';
const documented = JSON.parse(
  readFileSync(join(here, '../src/sandbox/catalog/elements.json'), 'utf8'),
).elements;
const everyApp = Object.fromEntries(
  documented
    .filter((entry) => entry.key !== 'twitter')
    .flatMap((entry) => {
      const env = entry.key
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^(?=\d)/, 'E_');
      return [
        [`${env}_API_KEY`, `bench-${entry.key}-api-key`],
        [`${env}_API_SECRET`, `bench-${entry.key}-api-secret/+=`],
      ];
    }),
);
const bff = await startBff(9104, 'http://127.0.0.1:9101', [], everyApp);
// The catalog is read once, at the first call that needs it (as in use), before any measure.
const catalogLoaded = JSON.parse(
  await (await request('http://127.0.0.1:9104/api/elements')).body.text(),
).elements.length;
// The floor answers with the BFF's own response headers for step 1, read from one real reply.
const sample = await request('http://127.0.0.1:9104/api/flow/request-token', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: STEP_ONE,
});
await sample.body.dump();
const SKIP = new Set(['date', 'connection', 'keep-alive', 'content-length', 'set-cookie']);
const replyHeaders = Object.fromEntries(
  Object.entries(sample.headers).filter(
    ([name]) => !SKIP.has(name) && !name.startsWith('ratelimit'),
  ),
);
const processes = {
  floor: await start(join(here, 'floor.mjs'), {
    PORT: '9108',
    UPSTREAM_BASE: 'http://127.0.0.1:9101',
    REPLY_HEADERS: JSON.stringify(replyHeaders),
  }),
  bare: await start(join(here, 'bare-proxy.mjs'), { PORT: '9102', UPSTREAM: tokenUrl }),
  fetchProxy: await start(join(here, 'bare-proxy.mjs'), {
    PORT: '9103',
    UPSTREAM: tokenUrl,
    CLIENT: 'fetch',
  }),
  honoProxy: await start(join(here, 'hono-proxy.mjs'), { PORT: '9107', UPSTREAM: tokenUrl }),
  bff,
};
const targets = {
  bff: 'http://127.0.0.1:9104/api/flow/request-token',
  bare: 'http://127.0.0.1:9102/',
  fetchProxy: 'http://127.0.0.1:9103/',
  honoProxy: 'http://127.0.0.1:9107/',
  floor: 'http://127.0.0.1:9108/api/flow/request-token',
};
/** Bytes of one step 1 reply from a server, body and headers: the floor must match the BFF's. */
async function replySize(url) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: STEP_ONE,
  });
  const body = await res.body.text();
  const headers = Object.entries(res.headers)
    .map(([n, v]) => `${n}: ${v}`)
    .join('\r\n');
  return { body: Buffer.byteLength(body), headers: Buffer.byteLength(headers) };
}
const replyBytes = { bff: await replySize(targets.bff), floor: await replySize(targets.floor) };

// --- throughput, alternating --------------------------------------------------------------------
const rpsOf = (result) => result.requests.total / result.duration;
const runs = { bff: [], floor: [], bare: [], fetchProxy: [], honoProxy: [] };
// CPU time per request: less at the mercy of the machine's noise than requests per second, and the
// direct measure of each server's own cost (the load generator and the upstream are not in it).
const cpuPerRequest = { bff: [], floor: [], bare: [], fetchProxy: [], honoProxy: [] };
const order = ['bff', 'floor', 'honoProxy', 'fetchProxy', 'bare'];
for (const name of order) await load(targets[name], { duration: WARM_UP_SECONDS });
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? [...order].reverse() : order) {
    const cpuBefore = cpuSecondsOf(processes[name].pid);
    const result = await load(targets[name], {});
    if (result.non2xx || result.errors)
      throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    runs[name].push(result);
    const cpuSeconds = cpuSecondsOf(processes[name].pid) - cpuBefore;
    cpuPerRequest[name].push((cpuSeconds * 1e6) / result.requests.total);
  }
}
const spread = (name) => runs[name].map(rpsOf).sort((a, b) => a - b);
const rps = (name) => median(spread(name));
const lat = (name, p) => median(runs[name].map((r) => r.latency[p]));

// --- every core: step 1 through all workers against one -----------------------------------------
// The same server with one process per core, sharing the port (node:cluster), measured in
// alternating rounds against the one-process BFF above, with the same load generator.
const CORES = cpus().length;
const allWorkers = await startBff(9112, 'http://127.0.0.1:9101', [], {
  ...everyApp,
  WORKERS: String(CORES),
});
const workerTargets = { one: targets.bff, all: 'http://127.0.0.1:9112/api/flow/request-token' };
const workerRuns = { one: [], all: [] };
// Each worker warms up as the one-process BFF did: its JIT compiles step 1's path first.
await load(workerTargets.all, { duration: WARM_UP_SECONDS * 2 });
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? ['all', 'one'] : ['one', 'all']) {
    // One generator thread (it serves ~10,000 requests a second, beyond both), so the cores
    // it takes from the workers are as few as the measure allows.
    const result = await load(workerTargets[name], { connections: 64 });
    if (result.non2xx || result.errors)
      throw new Error(`${name} workers: ${result.non2xx} non-2xx, ${result.errors} errors`);
    workerRuns[name].push(rpsOf(result));
  }
}
allWorkers.kill('SIGTERM');

// --- latency at a fixed 200 req/s -----------------------------------------------------------
const fixed = { bff: [], bare: [] };
const fixedP99 = { bff: [], bare: [] };
for (const name of ['bff', 'bare', 'bff', 'bare']) {
  const result = await load(targets[name], {
    connections: 10,
    overallRate: 200,
    duration: FIXED_RATE_SECONDS,
  });
  fixed[name].push(result.latency.p50);
  fixedP99[name].push(result.latency.p99);
}

// --- whole flows against the real sandbox, and the BFF's memory -----------------------------
children.push(
  spawn(process.execPath, [join(here, '../dist/sandbox.js')], {
    env: { ...process.env, SANDBOX_PORT: '9105' },
    stdio: 'ignore',
  }),
);
// The sandbox does not signal readiness; wait for it to answer instead.
for (let i = 0; i < 100; i++) {
  try {
    const res = await request('http://127.0.0.1:9105/twitter/oauth/consent.css');
    await res.body.dump();
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
const flowBff = await startBff(9106, 'http://127.0.0.1:9105/elements/api-v2', [
  '--expose-gc',
  `--import=${join(here, 'gc-on-signal.mjs')}`,
]);
const base = 'http://127.0.0.1:9106';
const client = new Agent({ connections: 64 });

async function call(method, url, cookies, body) {
  const res = await request(url, {
    method,
    dispatcher: client,
    headers: { cookie: cookies.value, ...(body ? { 'content-type': body.type } : {}) },
    body: body?.text,
  });
  const set = res.headers['set-cookie'];
  if (set) {
    const jar = new Map(
      cookies.value
        .split('; ')
        .filter(Boolean)
        .map((c) => c.split('=')),
    );
    for (const line of [set].flat()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    cookies.value = [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
  }
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${text}`);
  return { text, headers: res.headers };
}

let flowSeq = 0;
async function oneFlow() {
  const cookies = { value: '' };
  const json = (value) => ({ type: 'application/json', text: JSON.stringify(value) });
  await call('POST', `${base}/api/flow/request-token`, cookies, json({ element: 'twitter' }));
  const { oauthUrl } = JSON.parse(
    (await call('POST', `${base}/api/flow/authorize-url`, cookies, json({}))).text,
  );
  const consent = await request(oauthUrl, {
    method: 'POST',
    dispatcher: client,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      oauth_token: new URL(oauthUrl).searchParams.get('oauth_token'),
      decision: 'allow',
    }).toString(),
  });
  await consent.body.dump();
  const query = Object.fromEntries(new URL(consent.headers.location).searchParams);
  await call('POST', `${base}/api/flow/callback`, cookies, json(query));
  await call(
    'POST',
    `${base}/api/flow/instance`,
    cookies,
    json({ name: `bench-${flowSeq++}`, tags: [] }),
  );
}

async function flows(count, concurrency = 16) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await oneFlow();
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

await flows(50); // warm up
const rss = {};
const heapUsed = {};
let done = 50;
let flowsPerSecond = 0;
for (const target of FLOW_COUNTS) {
  const rate = await flows(target - done);
  flowsPerSecond = Math.max(flowsPerSecond, rate);
  done = target;
  const memory = await memoryAfterGc(flowBff);
  rss[target] = memory.rss;
  heapUsed[target] = memory.heapUsed;
}

// --- report ---------------------------------------------------------------------------------
// A class's burst: a trainer says "now click" and the room clicks at once. Every step 1 is sent
// in the same instant against an upstream answering in BURST_UPSTREAM_MS, through the BFF and
// through the same-work floor, each request on its own connection as each learner's browser is.
const BURST_UPSTREAM_MS = 300;
const BURST_DEADLINE_MS = 3000;
const BURST_SIZES = [100, 300, 600];
await start(join(here, 'upstream.mjs'), { PORT: '9109', DELAY_MS: String(BURST_UPSTREAM_MS) });
const burstBff = await startBff(9110, 'http://127.0.0.1:9109', [], {
  UPSTREAM_TIMEOUT_MS: String(BURST_DEADLINE_MS),
});
await startBff(9113, 'http://127.0.0.1:9109', [], {
  UPSTREAM_TIMEOUT_MS: String(BURST_DEADLINE_MS),
  WORKERS: String(CORES),
});
await start(join(here, 'floor.mjs'), {
  PORT: '9111',
  UPSTREAM_BASE: 'http://127.0.0.1:9109',
  REPLY_HEADERS: JSON.stringify(replyHeaders),
});
children.push(burstBff);
/**
 * One learner's click: a connection of its own, the request, the reply read whole (by its
 * Content-Length). Plain TCP with the request's bytes prepared: the learners' browsers run on their
 * own machines, while this generator shares the two cores with the server measured, so it is kept
 * as light as a client can be (an undici Agent per learner cost the generator 200–550 ms of CPU per
 * burst of 300, taken from the server; this costs ~70 ms).
 */
function click(url, bytes) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let reply = '';
    const done = () => {
      socket.destroy();
      resolve({ ms: performance.now() - started, status: Number(reply.slice(9, 12)) });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      reply += chunk;
      const end = reply.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(reply.slice(0, end))?.[1];
      if (length !== undefined && reply.length - end - 4 >= Number(length)) done();
    });
    socket.on('end', () => (reply ? done() : reject(new Error(`${url}: no reply`))));
    socket.on('error', reject);
  });
}

async function burst(url, size) {
  const { host, pathname } = new URL(url);
  const bytes = Buffer.from(
    `POST ${pathname} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\n` +
      `sec-fetch-site: same-origin\r\ncontent-length: ${Buffer.byteLength(STEP_ONE)}\r\n\r\n${STEP_ONE}`,
  );
  const times = await Promise.all(Array.from({ length: size }, () => click(url, bytes)));
  const ms = times.map((t) => t.ms).sort((a, b) => a - b);
  const at = (p) => Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]);
  return {
    p50: at(50),
    p99: at(99),
    worst: Math.round(ms.at(-1)),
    pastDeadline: ms.filter((t) => t > BURST_DEADLINE_MS + 250).length,
    statuses: Object.fromEntries(
      [...new Set(times.map((t) => t.status))].map((s) => [
        s,
        times.filter((t) => t.status === s).length,
      ]),
    ),
  };
}
const classBurst = { upstreamMs: BURST_UPSTREAM_MS, deadlineMs: BURST_DEADLINE_MS };
// Before the bursts, each server serves a while as in class before the trainer's "now click":
// the JIT has compiled step 1's path, and the pools hold their connections (a server's first
// hundreds of requests run slower, and its first burst measured ~90 ms more at p99).
for (const port of [9110, 9111, 9113]) {
  await load(`http://127.0.0.1:${port}/api/flow/request-token`, { duration: WARM_UP_SECONDS });
}
const stepOneAt = (port) => `http://127.0.0.1:${port}/api/flow/request-token`;
for (const size of BURST_SIZES) {
  // The room's first burst of this size opens the upstream connections it needs; the second
  // finds them open. Both are reported: a class meets the first.
  const first = {
    oneWorker: await burst(stepOneAt(9110), size),
    allWorkers: await burst(stepOneAt(9113), size),
    sameWorkFloor: await burst(stepOneAt(9111), size),
  };
  classBurst[`${size}AtOnce`] = {
    bff: await burst(stepOneAt(9110), size),
    allWorkers: await burst(stepOneAt(9113), size),
    sameWorkFloor: await burst(stepOneAt(9111), size),
    // The harness alone: the same burst straight to the upstream, no server between. What it
    // adds to the upstream's 300 ms is this machine's share (the generator and the upstream
    // share the two cores with the server measured), not the server's.
    harnessAlone: await burst('http://127.0.0.1:9109/elements/twitter/oauth/token', size),
    first,
  };
  await new Promise((r) => setTimeout(r, 500));
}

const few = FLOW_COUNTS[0];
const many = FLOW_COUNTS.at(-1);
const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  warmUpSeconds: WARM_UP_SECONDS,
  rounds: ROUNDS,
  secondsPerRun: SECONDS,
  stepOneReplyBytes: replyBytes,
  catalogElementsLoaded: catalogLoaded,
  appsConfigured: Object.keys(everyApp).length / 2 + 1,
  throughput: {
    bff: Math.round(rps('bff')),
    sameWorkFloor: Math.round(rps('floor')),
    bareProxy: Math.round(rps('bare')),
    fetchProxy: Math.round(rps('fetchProxy')),
    honoProxy: Math.round(rps('honoProxy')),
    ratioBffToFloor: +(rps('bff') / rps('floor')).toFixed(2),
    // The same ratio taken round by round (the BFF's round against the floor's beside it), then
    // the median: the machine's speed drifts from minute to minute, and a pair shares its minute.
    // Reported beside the goal's figure, not instead of it.
    ratioBffToFloorByRound: pairedRatio(runs.bff.map(rpsOf), runs.floor.map(rpsOf)),
    ratioBffToBare: +(rps('bff') / rps('bare')).toFixed(2),
    ratioFetchToBare: +(rps('fetchProxy') / rps('bare')).toFixed(2),
    ratioHonoToBare: +(rps('honoProxy') / rps('bare')).toFixed(2),
    // Slowest and fastest round of each, for a sense of the machine's noise.
    range: Object.fromEntries(
      order.map((name) => [name, [spread(name)[0], spread(name).at(-1)].map(Math.round)]),
    ),
  },
  // Median CPU µs each server spent per request in those rounds. For the 0.8 goal the BFF may
  // spend at most floor / 0.8 (budgetFor0_8).
  cpuMicrosecondsPerRequest: {
    ...Object.fromEntries(order.map((name) => [name, Math.round(median(cpuPerRequest[name]))])),
    budgetFor0_8: Math.round(median(cpuPerRequest.floor) / 0.8),
  },
  latencyAt32Connections: {
    bff: { p50: lat('bff', 'p50'), p99: lat('bff', 'p99') },
    sameWorkFloor: { p50: lat('floor', 'p50'), p99: lat('floor', 'p99') },
    bareProxy: { p50: lat('bare', 'p50'), p99: lat('bare', 'p99') },
  },
  p50At200rps: {
    bff: median(fixed.bff),
    bareProxy: median(fixed.bare),
    differenceMs: median(fixed.bff) - median(fixed.bare),
  },
  p99At200rps: { bff: median(fixedP99.bff), bareProxy: median(fixedP99.bare) },
  workers: {
    cores: CORES,
    oneWorker: Math.round(median(workerRuns.one)),
    allWorkers: Math.round(median(workerRuns.all)),
    ratioAllToOne: +(median(workerRuns.all) / median(workerRuns.one)).toFixed(2),
    ratioAllToOneByRound: pairedRatio(workerRuns.all, workerRuns.one),
  },
  wholeFlowsPerSecond: Math.round(flowsPerSecond),
  rssMiB: {
    ...Object.fromEntries(FLOW_COUNTS.map((n) => [`after${n}`, +rss[n].toFixed(1)])),
    growth: +((rss[many] / rss[few] - 1) * 100).toFixed(1),
  },
  heapUsedMiB: Object.fromEntries(FLOW_COUNTS.map((n) => [`after${n}`, +heapUsed[n].toFixed(1)])),
  classBurst,
};
console.log(JSON.stringify(report, null, 2));
const goals = [
  ['BFF throughput ≥ 0.8 × the same-work floor', report.throughput.ratioBffToFloor >= 0.8],
  ['p50 at 200 req/s within 2 ms of the bare proxy', report.p50At200rps.differenceMs <= 2],
  [`RSS after ${many} flows within 10 % of after ${few}`, report.rssMiB.growth <= 10],
  [`${CORES} workers ≥ 1.4 × one worker's throughput`, report.workers.ratioAllToOne >= 1.4],
  [
    `300 step 1s at once, all workers: p99 within ${BURST_UPSTREAM_MS} + 150 ms`,
    classBurst['300AtOnce'].allWorkers.p99 <= BURST_UPSTREAM_MS + 150,
  ],
  [
    `600 at once, all workers: none past the ${BURST_DEADLINE_MS} ms deadline (+ 250 ms)`,
    classBurst['600AtOnce'].allWorkers.pastDeadline === 0 &&
      classBurst['600AtOnce'].first.allWorkers.pastDeadline === 0,
  ],
];
for (const [goal, met] of goals) console.log(`${met ? 'met ' : 'MISSED'}  ${goal}`);
rmSync(memoryFile, { force: true });
process.exit(0);
