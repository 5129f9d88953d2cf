import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '@cew/shared/sandbox-credentials';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, TestBrowser } from './testing/start-bff';

/**
 * A class without a code: a sandbox server reachable beyond this machine (here: behind a proxy,
 * TRUST_PROXY) and no ACCESS_CODE. Anyone on the network can reach it.
 */
let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'cew-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>wizard</title>');
  bff = await startBff({ TRUST_PROXY: '1', WEB_DIST: web });
});
afterAll(() => bff.close());

const freshdesk = (name: string) => ({
  element: 'freshdeskv2',
  name,
  fields: { subdomain: 'sandbox-learner', username: 'sandboxFreshdeskKey0001' },
});

describe('a class is possible without a code', () => {
  it('keeps each learner’s instances their own', async () => {
    const ada = new TestBrowser(bff.origin);
    const grace = new TestBrowser(bff.origin);
    const made = await ada.call('POST', '/api/flow/instance', freshdesk(`ada-${Date.now()}`));
    expect(made.status).toBe(200);
    const mine = await ada.call('GET', '/api/instances');
    expect(mine.json.scope).toBe('mine');
    expect(mine.json.instances.map((i: { id: number }) => i.id)).toContain(made.json.instance.id);
    const theirs = await grace.call('GET', '/api/instances');
    expect(theirs.json.instances.map((i: { id: number }) => i.id)).not.toContain(
      made.json.instance.id,
    );
    expect((await grace.call('DELETE', `/api/instances/${made.json.instance.id}`)).status).toBe(
      403,
    );
  });

  it('lets no one choose a learner tag', async () => {
    const browser = new TestBrowser(bff.origin);
    const planted = await browser.call('POST', '/api/flow/instance', {
      ...freshdesk('planted'),
      tags: ['learner-abc123'],
    });
    expect(planted.status).toBe(400);
    expect(planted.json.error.message).toContain('learner-');
  });

  it('gives a new browser its learner tag with the page, before its first calls', async () => {
    const browser = new TestBrowser(bff.origin);
    const page = await browser.call('GET', '/');
    expect(page.headers.get('set-cookie') ?? '').toMatch(/^cew_learner=/);
    // Two calls at once now carry the same tag: neither makes one of its own.
    const [a, b] = await Promise.all([
      browser.call('GET', '/api/instances'),
      browser.call('GET', '/api/flow'),
    ]);
    expect(a.headers.get('set-cookie')).toBeNull();
    expect(b.headers.get('set-cookie')).toBeNull();
  });

  it('keeps the sandbox’s Cloud Elements, providers and windows to the BFF alone', async () => {
    // The published demo secrets no longer open it: this start made its own.
    const published = `User ${DEMO_CREDENTIALS.userSecret}, Organization ${DEMO_CREDENTIALS.orgSecret}`;
    const list = await fetch(`${bff.origin}/sandbox/elements/api-v2/instances`, {
      headers: { authorization: published },
    });
    expect(list.status).toBe(401);
    expect(await list.text()).not.toContain('learner-');
    for (const path of [
      '/sandbox/_inspect/legs?code=x',
      '/sandbox/sfdc/services/oauth2/token',
      '/sandbox/twitter/oauth/access_token',
    ]) {
      const res = await fetch(`${bff.origin}${path}`, {
        method: path.includes('legs') ? 'GET' : 'POST',
      });
      expect(res.status, path).toBe(403);
    }
    // A consent page stays the browser's.
    const consent = await fetch(`${bff.origin}/sandbox/twitter/oauth/authorize?oauth_token=x`);
    expect(consent.status).not.toBe(403);
    // Another host name (DNS rebinding) reaches nothing of the sandbox.
    const rebound = await request(`${bff.origin}/sandbox/twitter/oauth/authorize?oauth_token=x`, {
      headers: { host: 'evil.example' },
    });
    expect(rebound.statusCode).toBe(421);
  });

  it('still walks every step itself: the BFF holds the secrets this start made', async () => {
    const browser = new TestBrowser(bff.origin);
    const query = await browser.throughConsent('allow');
    expect((await browser.call('POST', '/api/flow/callback', query)).status).toBe(200);
    expect((await browser.call('GET', '/api/labs/provider-legs')).json.legs.length).toBeGreaterThan(
      0,
    );
    const created = await browser.call('POST', '/api/flow/instance', {
      name: `class-${Date.now()}`,
    });
    expect(created.status).toBe(200);
    expect((await browser.call('POST', '/api/flow/try-it', {})).status).toBe(200);
  });
});
