import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEnv, startBff, TestBrowser } from './testing/start-bff';
import { startSandbox } from './testing/start-sandbox';

/**
 * Your own call through the instance, against an upstream that records every path it receives
 * and answers one hub read with instance records of other people (as a hub that lists the
 * organization's instances might).
 */
const OTHERS_TOKEN = 'someone-elses-instance-token-6f1c0e';
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  sandbox = await startSandbox(
    {
      userSecret: DEMO_CREDENTIALS.userSecret,
      orgSecret: DEMO_CREDENTIALS.orgSecret,
      apps: { twitter: demoApp('TWITTER') },
    },
    async (reply, url) =>
      url.pathname.endsWith('/hubs/social/users')
        ? Response.json([
            { id: 7, name: 'another learner', token: OTHERS_TOKEN, element: { key: 'twitter' } },
            { id: 8, note: `token=${OTHERS_TOKEN}&x=1`, raw: `{"Token":"${OTHERS_TOKEN}"}` },
          ])
        : reply,
  );
  bff = await startBff(liveEnv(sandbox.ceBaseUrl));
});
afterAll(async () => {
  await bff.close();
  await sandbox.close();
});

async function walkedToTryIt() {
  const browser = new TestBrowser(bff.origin);
  await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
  await browser.call('POST', '/api/flow/instance', { name: `hub-call-${Date.now()}` });
  expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
  return browser;
}

describe('your own call stays on the hub', () => {
  it('sends nothing an upstream could read as a step out of the hub, however it normalises', async () => {
    const browser = await walkedToTryIt();
    const before = sandbox.received.length;
    for (const path of [
      '/hubs/social/..;/..;/instances',
      '/hubs/social/lists;jsessionid=1/..;/..;/..;/instances',
      '/hubs/social/..%2f..%2finstances',
      '/hubs/social/..%5c..%5cinstances',
      '/hubs/social/%252e%252e/%252e%252e/instances',
      '/hubs/social/%2e%2e/%2e%2e/instances',
    ]) {
      const refused = await browser.call('POST', '/api/flow/hub-call', { method: 'GET', path });
      expect(refused.status, path).toBe(400);
      expect(refused.json.error.exchange).toBeUndefined();
    }
    // Not one of them reached the upstream.
    expect(sandbox.received.slice(before)).toEqual([]);
    const read = await browser.call('POST', '/api/flow/hub-call', {
      method: 'GET',
      path: '/hubs/social/./lists?where=name%3D%27a%27',
    });
    expect(read.json.status).toBe(200);
    const sent = sandbox.received.at(-1)?.url;
    expect(sent?.pathname).toBe('/elements/api-v2/hubs/social/lists');
    expect(sent?.search).toBe('?where=name%3D%27a%27');
  });

  it('hides every instance token a hub read brings back, not only this flow’s', async () => {
    const browser = await walkedToTryIt();
    const read = await browser.call('POST', '/api/flow/hub-call', {
      method: 'GET',
      path: '/hubs/social/users',
    });
    expect(read.json.status).toBe(200);
    const text = JSON.stringify(read.json);
    expect(text).not.toContain(OTHERS_TOKEN);
    expect(read.json.exchange.responseBody[0]).toMatchObject({ id: 7, token: '<INSTANCE_TOKEN>' });
  });
});
