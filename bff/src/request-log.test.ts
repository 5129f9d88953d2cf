import { afterAll, describe, expect, it } from 'vitest';
import { lineWriter } from './request-log';
import { startBff, TestBrowser, TWITTER } from './testing/start-bff';

const started: Awaited<ReturnType<typeof startBff>>[] = [];
afterAll(async () => {
  for (const bff of started) await bff.close();
});

/** Runs step 1 (which calls the sandbox over HTTP, on the same server) and returns the logged paths. */
async function pathsLogged(env: Record<string, string>) {
  const bff = await startBff(env);
  started.push(bff);
  const browser = new TestBrowser(bff.origin);
  expect((await browser.call('POST', '/api/flow/request-token', TWITTER)).status).toBe(200);
  await browser.call('GET', '/no-such-asset.js');
  return bff.logs.map((line) => JSON.parse(line).path as string);
}

describe('the request log', () => {
  it('logs the API and failures by default, not every other request', async () => {
    const paths = await pathsLogged({});
    expect(paths).toContain('/api/flow/request-token');
    expect(paths).toContain('/no-such-asset.js');
    expect(paths.filter((path) => path.startsWith('/sandbox/'))).toEqual([]);
  });

  it('logs everything with LOG_LEVEL=debug', async () => {
    const paths = await pathsLogged({ LOG_LEVEL: 'debug' });
    expect(paths.some((path) => path.startsWith('/sandbox/'))).toBe(true);
  });
});

describe('the log writer', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("writes a turn's lines in one write, in order, before the next turn", async () => {
    const writes: string[] = [];
    const { writeLine: log } = lineWriter((text) => writes.push(text));
    log('one');
    log('two');
    log('three');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['one\ntwo\nthree\n']);
    log('four');
    await nextTurn();
    expect(writes).toEqual(['one\ntwo\nthree\n', 'four\n']);
  });

  it('writes at once when a turn has logged much, losing nothing', async () => {
    const writes: string[] = [];
    const { writeLine: log } = lineWriter((text) => writes.push(text));
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) log(`${i} ${line}`);
    expect(writes.length).toBeGreaterThan(0);
    await nextTurn();
    const lines = writes.join('').split('\n').filter(Boolean);
    expect(lines.map((l) => Number(l.split(' ')[0]))).toEqual([...Array(100).keys()]);
  });

  it('writes what is waiting when flushed (as the process exits)', async () => {
    const writes: string[] = [];
    const { writeLine: log, flush } = lineWriter((text) => writes.push(text));
    log('last words');
    flush();
    expect(writes).toEqual(['last words\n']);
    // Nothing is written twice when the turn ends.
    await nextTurn();
    expect(writes).toEqual(['last words\n']);
  });
});
