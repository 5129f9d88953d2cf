import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEnv, startBff, TestBrowser, TWITTER } from '../testing/start-bff';
import { startSandbox } from '../testing/start-sandbox';

let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff.close());

/** A browser that has just created an instance named `name`, with optional settings. */
async function withInstance(name: string, settings?: Record<string, unknown>) {
  const browser = new TestBrowser(bff.origin);
  await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
  const created = await browser.call('POST', '/api/flow/instance', { name, tags: ['t'], settings });
  return { browser, created };
}

describe('after provisioning', () => {
  it('makes a first call through the new instance, with its token hidden in the exchange', async () => {
    const { browser, created } = await withInstance('try-it');
    const res = await browser.call('POST', '/api/flow/try-it', {});
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    expect(res.json.items[0]).toMatchObject({
      text: expect.any(String),
      user: { screen_name: 'sandbox_learner' },
    });
    expect(res.json.exchange.url).toMatch(/\/hubs\/social\/statuses$/);
    expect(res.json.exchange.requestHeaders.authorization).toBe(
      'User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>, Element <INSTANCE_TOKEN>',
    );
    const { token } = (await browser.call('GET', '/api/flow/instance-token')).json;
    expect(token).toMatch(/^[A-Za-z0-9+/]{28}=$/);
    expect(created.text).not.toContain(token);
    expect(res.text).not.toContain(token);
    const flow = await browser.call('GET', '/api/flow');
    expect(flow.json.done).toBe('try-it');
  });

  it('keeps the cookie the same size however often "try it" is pressed', async () => {
    const { browser } = await withInstance('try-often');
    await browser.call('POST', '/api/flow/try-it', {});
    const size = browser.cookieHeader.length;
    for (let i = 0; i < 12; i++) {
      expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
    }
    expect(browser.cookieHeader.length).toBe(size);
  });

  it('refuses "try it" before an instance exists', async () => {
    const browser = new TestBrowser(bff.origin);
    await browser.call('POST', '/api/flow/request-token', TWITTER);
    expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(409);
  });

  it('lists the organization’s instances without tokens or configuration, and deletes one', async () => {
    const { browser, created } = await withInstance('to-delete');
    const list = await browser.call('GET', '/api/instances');
    expect(list.status).toBe(200);
    const row = list.json.instances.find((i: { name: string }) => i.name === 'to-delete');
    expect(row).toEqual({
      id: created.json.instance.id,
      name: 'to-delete',
      elementKey: 'twitter',
      createdDate: expect.any(String),
      tags: ['t', expect.stringMatching(/^learner-[\w-]{8}$/), 'instance-wizard'],
    });

    const deleted = await browser.call('DELETE', `/api/instances/${row.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.exchange.method).toBe('DELETE');
    const after = await browser.call('GET', '/api/instances');
    expect(after.json.instances.some((i: { id: number }) => i.id === row.id)).toBe(false);
    // The deleted instance's token no longer works: Cloud Elements' 401 passes through.
    const tryIt = await browser.call('POST', '/api/flow/try-it', {});
    expect(tryIt.status).toBe(401);
    expect(tryIt.json.error.message).toContain('Invalid Element token');
    expect((await browser.call('DELETE', `/api/instances/${row.id}`)).status).toBe(404);
    expect((await browser.call('DELETE', '/api/instances/..%2Fetc')).status).toBe(400);
  });

  it('sends the optional settings in configuration, as Cloud Elements wants them (strings)', async () => {
    const settings = {
      'event.notification.enabled': true,
      'event.vendor.type': 'polling',
      'event.notification.callback.url': 'https://hooks.example.com/ce',
      'event.poller.refresh_interval': 30,
      'filter.response.nulls': false,
    };
    const { created } = await withInstance('with-settings', settings);
    expect(created.status).toBe(200);
    expect(created.json.exchange.requestBody.configuration).toMatchObject({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'polling',
      'event.notification.callback.url': 'https://hooks.example.com/ce',
      'event.poller.refresh_interval': '30',
      'filter.response.nulls': 'false',
    });
    expect(created.json.instance.configuration['event.poller.refresh_interval']).toBe('30');
  });

  it('refuses bad settings, naming each', async () => {
    const browser = new TestBrowser(bff.origin);
    const res = await browser.call('POST', '/api/flow/instance', {
      name: 'x',
      settings: {
        'event.notification.enabled': true,
        'event.poller.refresh_interval': 0,
        'event.vendor.type': 'carrier-pigeon',
      },
    });
    expect(res.status).toBe(400);
    const message: string = res.json.error.message;
    expect(message).toContain('settings.event.poller.refresh_interval: must be at least 1 minute');
    expect(message).toContain('settings.event.vendor.type');
    const noUrl = await browser.call('POST', '/api/flow/instance', {
      name: 'x',
      settings: { 'event.notification.enabled': true },
    });
    expect(noUrl.json.error.message).toContain(
      'settings.event.notification.callback.url: is required when event notifications are enabled',
    );
    const httpUrl = await browser.call('POST', '/api/flow/instance', {
      name: 'x',
      settings: { 'event.notification.callback.url': 'http://plain.example.com' },
    });
    expect(httpUrl.json.error.message).toContain('must be an https URL');
  });
});

/** A live-mode BFF over the standalone sandbox whose replies `reshape` changes. */
async function liveOver(reshape: Parameters<typeof startSandbox>[1]) {
  const sandbox = await startSandbox(
    {
      userSecret: DEMO_CREDENTIALS.userSecret,
      orgSecret: DEMO_CREDENTIALS.orgSecret,
      apps: { twitter: demoApp('TWITTER') },
    },
    reshape,
  );
  const live = await startBff(liveEnv(sandbox.ceBaseUrl));
  return { sandbox, live };
}

describe('an upstream that echoes the instance when it is deleted', () => {
  /** Cloud Elements' DELETE answered with the whole instance, token included: 200, or 409. */
  async function echoingDelete(status: 200 | 409) {
    const byId = new Map<string, unknown>();
    return liveOver(async (reply, url, received) => {
      const id = /\/instances\/(\d+)$/.exec(url.pathname)?.[1];
      if (id && received.method === 'GET' && reply.ok) byId.set(id, await reply.clone().json());
      if (!id || received.method !== 'DELETE') return reply;
      const instance = byId.get(id);
      const token = (instance as { token: string }).token;
      return Response.json(
        {
          message: `Instance ${id} (token ${token}) ${status === 409 ? 'is busy' : 'deleted'}`,
          instance,
          quoted: JSON.stringify({ token }),
        },
        { status },
      );
    });
  }

  it.each([200, 409] as const)(
    'never shows another learner the instance token (upstream %i)',
    async (status) => {
      const { sandbox, live } = await echoingDelete(status);
      try {
        const owner = new TestBrowser(live.origin);
        await owner.call('POST', '/api/flow/callback', await owner.throughConsent('allow'));
        const created = await owner.call('POST', '/api/flow/instance', { name: `echo-${status}` });
        expect(created.status).toBe(200);
        const token = (await owner.call('GET', '/api/flow/instance-token')).json.token as string;
        const other = new TestBrowser(live.origin);
        const res = await other.call('DELETE', `/api/instances/${created.json.instance.id}`);
        expect(res.status).toBe(status);
        // The echo did reach the exchange, as a marker.
        expect(res.text).toContain('<INSTANCE_TOKEN>');
        for (const form of [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)]) {
          expect(res.text).not.toContain(form);
        }
      } finally {
        await live.close();
        await sandbox.close();
      }
    },
  );
});

describe('a list larger than one reply may be', () => {
  it('shows and deletes every instance, three of 400 KB each among them', async () => {
    // Cloud Elements answering each instance with a 400 KB configuration: 1.2 MB in all.
    const { sandbox, live } = await liveOver(async (reply, url, received) => {
      if (received.method !== 'GET' || url.pathname !== '/elements/api-v2/instances') return reply;
      const page = (await reply.json()) as Record<string, unknown>[];
      const headers = new Headers(reply.headers);
      headers.delete('content-length');
      return Response.json(
        page.map((instance) => ({ ...instance, notes: 'x'.repeat(400_000) })),
        { status: reply.status, headers },
      );
    });
    try {
      const browser = new TestBrowser(live.origin);
      for (const name of ['big-1', 'big-2', 'big-3']) {
        await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
        expect((await browser.call('POST', '/api/flow/instance', { name })).status).toBe(200);
      }
      const list = await browser.call('GET', '/api/instances');
      expect(list.status).toBe(200);
      expect(list.json.instances.map((i: { name: string }) => i.name).sort()).toEqual([
        'big-1',
        'big-2',
        'big-3',
      ]);
      const all = await browser.call('DELETE', '/api/instances?tag=instance-wizard');
      expect(all.status).toBe(200);
      expect(all.json.deleted).toHaveLength(3);
      expect((await browser.call('GET', '/api/instances')).json.instances).toEqual([]);
    } finally {
      await live.close();
      await sandbox.close();
    }
  });
});
