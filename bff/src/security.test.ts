import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, liveEnv, startBff, TestBrowser, TWITTER } from './testing/start-bff';
import { startSandbox } from './testing/start-sandbox';

/** The standalone sandbox, as live mode sees Cloud Elements, and a BFF with the given settings. */
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const bffs: Awaited<ReturnType<typeof startBff>>[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({
    userSecret: DEMO_CREDENTIALS.userSecret,
    orgSecret: DEMO_CREDENTIALS.orgSecret,
    apps: {
      twitter: { apiKey: demoApp('TWITTER').apiKey, apiSecret: demoApp('TWITTER').apiSecret },
    },
  });
});
afterAll(async () => {
  for (const bff of bffs) await bff.close();
  await sandbox.close();
});
async function live(env: Record<string, string> = {}) {
  const bff = await startBff(liveEnv(sandbox.ceBaseUrl, env));
  bffs.push(bff);
  return bff;
}
async function withInstance(origin: string, name: string) {
  const browser = new TestBrowser(origin);
  await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
  const created = await browser.call('POST', '/api/flow/instance', { name, tags: [] });
  expect(created.status).toBe(200);
  return { browser, id: created.json.instance.id as number };
}

describe('an access code for a class', () => {
  it('keeps every API route but health, config and sign-in closed until signed in', async () => {
    const bff = await live({ ACCESS_CODE: 'class-of-2026' });
    const browser = new TestBrowser(bff.origin);
    expect((await browser.call('GET', '/api/health')).status).toBe(200);
    const config = await browser.call('GET', '/api/config');
    expect(config.json.accessCodeRequired).toBe(true);
    for (const [method, path] of [
      ['GET', '/api/flow'],
      ['GET', '/api/elements'],
      ['GET', '/api/elements/twitter/check'],
      ['POST', '/api/flow/request-token'],
      ['GET', '/api/instances'],
      ['DELETE', '/api/instances/1'],
    ] as const) {
      const res = await browser.call(method, path, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
    const wrong = await browser.call('POST', '/api/session', { accessCode: 'guess' });
    expect(wrong.status).toBe(401);
    expect(browser.cookies().size).toBe(0);

    const right = await browser.call('POST', '/api/session', { accessCode: 'class-of-2026' });
    expect(right.status).toBe(204);
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cew_access=v2\./);
    for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/api', 'Max-Age=43200']) {
      expect(cookie).toContain(attribute);
    }
    expect((await browser.call('POST', '/api/flow/request-token', TWITTER)).status).toBe(200);
    // A flow cookie, sealed with the same key, does not pass for an access cookie.
    const forger = new TestBrowser(bff.origin);
    forger.setCookies(new Map([['cew_access', browser.cookies().get('cew_flow') ?? '']]));
    expect((await forger.call('GET', '/api/flow')).status).toBe(401);
  });

  it('limits wrong codes per client, and lets a whole class behind one address sign in', async () => {
    const bff = await live({ ACCESS_CODE: 'class-of-2026' });
    // Thirty learners behind one NAT, one after another: successes do not count.
    for (let i = 0; i < 30; i++) {
      const learner = new TestBrowser(bff.origin);
      expect(
        (await learner.call('POST', '/api/session', { accessCode: 'class-of-2026' })).status,
      ).toBe(204);
    }
    const browser = new TestBrowser(bff.origin);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await browser.call('POST', '/api/session', { accessCode: `no-${i}` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('a class: each learner’s instances are their own', () => {
  /** A learner of `bff`, signed in with `code`, who has made an instance named `name`. */
  async function learner(origin: string, code: string, name?: string) {
    const browser = new TestBrowser(origin);
    expect((await browser.call('POST', '/api/session', { accessCode: code })).status).toBe(204);
    if (!name) return { browser, id: undefined };
    await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
    const created = await browser.call('POST', '/api/flow/instance', { name, tags: [] });
    expect(created.status).toBe(200);
    return { browser, id: created.json.instance.id as number };
  }
  const names = (reply: { json: Record<string, unknown> }) =>
    (reply.json.instances as { name: string }[]).map((i) => i.name).sort();

  it('lists and deletes only a learner’s own; the trainer lists and cleans the whole class', async () => {
    const bff = await live({
      ACCESS_CODE: 'class-of-2026',
      TRAINER_CODE: 'trainer-of-2026',
      INSTANCE_TAG: 'class-own',
    });
    const ada = await learner(bff.origin, 'class-of-2026', 'own-ada');
    const bob = await learner(bff.origin, 'class-of-2026', 'own-bob');
    const adaList = await ada.browser.call('GET', '/api/instances');
    expect(names(adaList)).toEqual(['own-ada']);
    expect(adaList.json.scope).toBe('mine');
    // Bob may not delete Ada's, by id or by "delete all".
    const refused = await bob.browser.call('DELETE', `/api/instances/${ada.id}`);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('belongs to another learner');
    const bobAll = await bob.browser.call('DELETE', '/api/instances?tag=class-own');
    expect(bobAll.json.deleted).toEqual([bob.id]);
    expect(names(await ada.browser.call('GET', '/api/instances'))).toEqual(['own-ada']);
    // The trainer sees the class's and cleans it.
    const carol = await learner(bff.origin, 'class-of-2026', 'own-carol');
    const trainer = await learner(bff.origin, 'trainer-of-2026');
    const all = await trainer.browser.call('GET', '/api/instances');
    expect(all.json.scope).toBe('class');
    expect(names(all)).toEqual(expect.arrayContaining(['own-ada', 'own-carol']));
    const cleaned = await trainer.browser.call('DELETE', '/api/instances?tag=class-own');
    expect(cleaned.json.deleted.sort()).toEqual([ada.id, carol.id].sort());
    expect(names(await carol.browser.call('GET', '/api/instances'))).toEqual([]);
  });

  it('ends the sign-ins made with a code once the code changes', async () => {
    const port = String(await freePort());
    const first = await live({ PORT: port, ACCESS_CODE: 'class-of-monday' });
    const browser = new TestBrowser(first.origin);
    expect(
      (await browser.call('POST', '/api/session', { accessCode: 'class-of-monday' })).status,
    ).toBe(204);
    expect((await browser.call('GET', '/api/flow')).status).toBe(200);
    await first.close();
    bffs.splice(bffs.indexOf(first), 1);
    // The same server secret, a new code: Monday's cookie no longer opens the wizard.
    const second = await live({ PORT: port, ACCESS_CODE: 'class-of-tuesday' });
    const returning = new TestBrowser(second.origin);
    returning.setCookies(browser.cookies());
    expect(returning.cookies().has('cew_access')).toBe(true);
    const refused = await returning.call('GET', '/api/flow');
    expect(refused.status).toBe(401);
    expect(
      (await returning.call('POST', '/api/session', { accessCode: 'class-of-tuesday' })).status,
    ).toBe(204);
    expect((await returning.call('GET', '/api/flow')).status).toBe(200);
  });

  it('refuses a TRAINER_CODE equal to ACCESS_CODE', async () => {
    await expect(live({ ACCESS_CODE: 'same-code-1', TRAINER_CODE: 'same-code-1' })).rejects.toThrow(
      'TRAINER_CODE: must differ from ACCESS_CODE',
    );
  });
});

describe('requests that are not the wizard’s own', () => {
  it('refuses another Host (DNS rebinding) with 421, before any upstream call', async () => {
    const bff = await live();
    const before = sandbox.received.length;
    const res = await request(`${bff.origin}/api/instances`, {
      headers: { host: 'evil.example' },
    });
    expect(res.statusCode).toBe(421);
    expect(JSON.parse(await res.body.text()).error.code).toBe('misdirected');
    expect(sandbox.received.length).toBe(before);
  });

  it('refuses a cross-site GET of the instance list, making no upstream call', async () => {
    const bff = await live();
    const before = sandbox.received.length;
    for (const site of ['cross-site', 'same-site']) {
      const res = await new TestBrowser(bff.origin).call('GET', '/api/instances', undefined, {
        'sec-fetch-site': site,
      });
      expect(res.status).toBe(403);
    }
    expect(sandbox.received.length).toBe(before);
    const own = await new TestBrowser(bff.origin).call('GET', '/api/instances', undefined, {
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('rate-limits the instance list like the flow calls', async () => {
    const bff = await live({ RATE_LIMIT_PER_MINUTE: '3' });
    const browser = new TestBrowser(bff.origin);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await browser.call('GET', '/api/instances')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('keys rate limits on the address the last trusted proxy saw, never on what the client wrote', async () => {
    // A proxy appends the address it saw (nginx's $proxy_add_x_forwarded_for, AWS ALB): what
    // stands left of it is the client's own writing.
    const count = async (env: Record<string, string>, chains: string[]) => {
      const bff = await live({ RATE_LIMIT_PER_MINUTE: '2', ...env });
      const statuses: number[] = [];
      for (const chain of chains) {
        statuses.push(
          (
            await new TestBrowser(bff.origin).call('GET', '/api/instances', undefined, {
              'x-forwarded-for': chain,
            })
          ).status,
        );
      }
      return statuses;
    };
    // Behind one proxy, each person has their own limit, however they forge the left part…
    expect(
      await count({ TRUST_PROXY: 'true' }, [
        '198.51.100.7',
        'forged-1, 198.51.100.7',
        'forged-2, 198.51.100.7',
        '198.51.100.8',
      ]),
    ).toEqual([200, 200, 429, 200]);
    // …behind two, the address the outer one saw, second from the right…
    expect(
      await count({ TRUST_PROXY: '2' }, [
        'forged-1, 198.51.100.7, 10.0.0.2',
        'forged-2, 198.51.100.7, 10.0.0.2',
        'forged-3, 198.51.100.7, 10.0.0.2',
      ]),
    ).toEqual([200, 200, 429]);
    // …and without TRUST_PROXY a forged header buys nobody a fresh one.
    expect(await count({}, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([200, 200, 429]);
  });

  it('takes JSON however its media type is spelled', async () => {
    const bff = await live();
    const res = await new TestBrowser(bff.origin).call(
      'POST',
      '/api/flow/request-token',
      JSON.stringify(TWITTER),
      {
        'content-type': 'APPLICATION/JSON; Charset=UTF-8',
      },
    );
    expect(res.status).toBe(200);
  });
});

describe('instances the wizard made, and only those', () => {
  it('tags every instance it creates, and deletes none it did not make', async () => {
    const ours = await live();
    const otherClass = await live({ INSTANCE_TAG: 'other-class' });
    const mine = await withInstance(ours.origin, 'tagged-mine');
    const theirs = await withInstance(otherClass.origin, 'tagged-theirs');
    const list = await mine.browser.call('GET', '/api/instances');
    const tagsOf = (name: string) =>
      list.json.instances.find((i: { name: string }) => i.name === name)?.tags;
    const learner = expect.stringMatching(/^learner-[\w-]{8}$/);
    expect(tagsOf('tagged-mine')).toEqual([learner, 'instance-wizard']);
    expect(tagsOf('tagged-theirs')).toEqual([learner, 'other-class']);

    const refused = await mine.browser.call('DELETE', `/api/instances/${theirs.id}`);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('was not made by this wizard');
    expect(refused.json.error.message).toContain('instance-wizard');
    expect((await mine.browser.call('DELETE', `/api/instances/${mine.id}`)).status).toBe(200);
  });

  it('deletes every instance it made in one confirmed call, and keeps the others', async () => {
    const ours = await live({ INSTANCE_TAG: 'bulk-class' });
    const other = await live({ INSTANCE_TAG: 'bulk-keep' });
    await withInstance(ours.origin, 'bulk-1');
    await withInstance(ours.origin, 'bulk-2');
    await withInstance(other.origin, 'bulk-kept');
    const browser = new TestBrowser(ours.origin);
    const unconfirmed = await browser.call('DELETE', '/api/instances');
    expect(unconfirmed.status).toBe(400);
    const res = await browser.call('DELETE', '/api/instances?tag=bulk-class');
    expect(res.status).toBe(200);
    expect(res.json.deleted).toHaveLength(2);
    const names = (await browser.call('GET', '/api/instances')).json.instances.map(
      (i: { name: string }) => i.name,
    );
    expect(names).toContain('bulk-kept');
    expect(names).not.toContain('bulk-1');
    expect(names).not.toContain('bulk-2');
  });
});

describe('the instance token is a credential', () => {
  it('is a marker in step 4’s reply and exchange, and given only when asked for', async () => {
    const bff = await live();
    const browser = new TestBrowser(bff.origin);
    await browser.call('POST', '/api/flow/callback', await browser.throughConsent('allow'));
    const created = await browser.call('POST', '/api/flow/instance', {
      name: 'credential',
      tags: [],
    });
    expect(created.json.instance.token).toBe('<INSTANCE_TOKEN>');
    expect(created.json.exchange.responseBody.token).toBe('<INSTANCE_TOKEN>');
    const { token } = (await browser.call('GET', '/api/flow/instance-token')).json;
    expect(token).toMatch(/^[A-Za-z0-9+/]{28}=$/);
    expect(created.text).not.toContain(token);
    expect((await browser.call('GET', '/api/flow')).text).not.toContain(token);
    const stranger = new TestBrowser(bff.origin);
    expect((await stranger.call('GET', '/api/flow/instance-token')).status).toBe(409);
  });
});

describe('steps out of order say what is missing', () => {
  it('names the step to do first', async () => {
    const bff = await live();
    const browser = new TestBrowser(bff.origin);
    await browser.call('POST', '/api/flow/request-token', TWITTER);
    const callback = await browser.call('POST', '/api/flow/callback', { oauth_token: 'x' });
    expect(callback.status).toBe(409);
    expect(callback.json.error.message).toContain('needs step 2 (Authorization URL) first');
    const instance = await browser.call('POST', '/api/flow/instance', { name: 'x', tags: [] });
    expect(instance.json.error.message).toContain('needs step 3 (Consent & callback) first');
  });
});
