import { DEMO_CREDENTIALS } from '@cew/shared/sandbox-credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEnv, startBff, TestBrowser } from '../testing/start-bff';
import { type Received, startSandbox } from '../testing/start-sandbox';

/**
 * The instance list and deletes against an upstream that answers worse than Cloud Elements: a
 * record with nulls, slow pages, echoes of what a learner typed. What one learner sees carries no
 * one else's data, and one deadline holds for the whole request.
 */
const FRESHDESK_KEY = 'sandboxFreshdeskKey0001';
let mode: 'null-tags' | 'null-element' | 'slow' | 'echo-key' | 'unreadable-create' | 'none' =
  'none';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reshape(reply: Response, url: URL, received: Received): Promise<Response> {
  const path = url.pathname;
  if (mode === 'unreadable-create' && received.method === 'POST' && /\/instances$/.test(path)) {
    // Created upstream, but the answer is 1.1 MB of something that is not JSON.
    return new Response('<html>'.padEnd(1_100_000, 'x'), { status: 200 });
  }
  if (!path.includes('/instances') || received.method === 'POST') return reply;
  if (mode === 'echo-key' && received.method === 'DELETE') {
    // A delete that quotes what the instance was made with: plain, and as HTTP Basic would.
    const basic = Buffer.from(`${FRESHDESK_KEY}:X`).toString('base64');
    return Response.json({ deleted: true, message: `removed key ${FRESHDESK_KEY}`, basic });
  }
  if (mode === 'slow') {
    await sleep(2500);
    return reply;
  }
  if (received.method !== 'GET' || !/\/instances$/.test(path)) {
    if (mode === 'null-element' && received.method === 'GET') {
      const one = (await reply.json()) as Record<string, unknown>;
      return Response.json({ ...one, element: null });
    }
    return reply;
  }
  const page = (await reply.json()) as Record<string, unknown>[];
  if (mode === 'null-tags') {
    // Someone else's instance, with their typed key echoed, and tags written as null.
    page.push({
      id: 999,
      name: 'another learner',
      tags: null,
      configuration: { username: 'their-own-key-123456' },
    });
  }
  return Response.json(page, { headers: reply.headers });
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  sandbox = await startSandbox(
    { userSecret: DEMO_CREDENTIALS.userSecret, orgSecret: DEMO_CREDENTIALS.orgSecret },
    reshape,
  );
  bff = await startBff(
    liveEnv(sandbox.ceBaseUrl, { ACCESS_CODE: 'class-of-2026', UPSTREAM_TIMEOUT_MS: '4000' }),
  );
});
afterAll(async () => {
  mode = 'none';
  await bff.close();
  await sandbox.close();
});

async function learnerWithInstance() {
  const browser = new TestBrowser(bff.origin);
  await browser.call('POST', '/api/session', { accessCode: 'class-of-2026' });
  const made = await browser.call('POST', '/api/flow/instance', {
    element: 'freshdeskv2',
    name: `hostile-${Math.random().toString(36).slice(2)}`,
    fields: { subdomain: 'sandbox-learner', username: FRESHDESK_KEY },
  });
  expect(made.status).toBe(200);
  return { browser, id: made.json.instance.id as number };
}

describe('the instance list and deletes, against a hostile upstream', () => {
  it('reads a record with null tags or element as having none, and shows no one else’s', async () => {
    const { browser, id } = await learnerWithInstance();
    mode = 'null-tags';
    const list = await browser.call('GET', '/api/instances');
    mode = 'none';
    expect(list.status).toBe(200);
    expect(list.json.instances.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(list.text).not.toContain('another learner');
    expect(list.text).not.toContain('their-own-key-123456');
    mode = 'null-element';
    const removed = await browser.call('DELETE', `/api/instances/${id}`);
    mode = 'none';
    expect(removed.status).toBe(200);
  });

  it('hides the key a learner typed when a delete echoes it, while their flow lives', async () => {
    const { browser, id } = await learnerWithInstance();
    mode = 'echo-key';
    const removed = await browser.call('DELETE', `/api/instances/${id}`);
    mode = 'none';
    expect(removed.status).toBe(200);
    expect(removed.text).not.toContain(FRESHDESK_KEY);
    expect(removed.text).not.toContain(Buffer.from(`${FRESHDESK_KEY}:X`).toString('base64'));
    expect(removed.json.exchange.responseBody.message).toBe('removed key <FRESHDESK_API_KEY>');
  });

  it('keeps one deadline from the request’s arrival: a delete (read, then delete) of slow calls', async () => {
    const { browser, id } = await learnerWithInstance();
    mode = 'slow';
    const removed = await browser.call('DELETE', `/api/instances/${id}`);
    mode = 'none';
    // Two calls of 2.5 s each: each alone within 4 s, but not both in the one deadline.
    expect(removed.status).toBe(504);
  }, 30_000);

  it('loses no instance whose creation answered a reply it cannot read: it finds it and goes on', async () => {
    const browser = new TestBrowser(bff.origin);
    await browser.call('POST', '/api/session', { accessCode: 'class-of-2026' });
    const name = `unreadable-${Math.random().toString(36).slice(2)}`;
    mode = 'unreadable-create';
    const made = await browser.call('POST', '/api/flow/instance', {
      element: 'freshdeskv2',
      name,
      fields: { subdomain: 'sandbox-learner', username: FRESHDESK_KEY },
    });
    mode = 'none';
    expect(made.status).toBe(200);
    expect(made.json.instance).toMatchObject({ name, token: '<INSTANCE_TOKEN>' });
    // The flow goes on with it, and it is listed as this learner's.
    expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
    const list = await browser.call('GET', '/api/instances');
    expect(list.json.instances.map((i: { name: string }) => i.name)).toContain(name);
  });

  it('says how far delete-all got when it runs out of time', async () => {
    const { browser } = await learnerWithInstance();
    await learnerWithInstance();
    mode = 'slow';
    const all = await browser.call('DELETE', '/api/instances?tag=instance-wizard');
    mode = 'none';
    expect(all.status).toBe(504);
    expect(all.json.error.message).toMatch(/\d+ of \d+ instances were deleted before it stopped/);
  }, 30_000);
});
