import { afterAll, describe, expect, it } from 'vitest';
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
