import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const live = {
  CE_BASE_URL: 'https://api.cloud-elements.com/elements/api-v2/',
  CE_USER_SECRET: 'user-secret-value',
  CE_ORG_SECRET: 'org-secret-value',
  TWITTER_API_KEY: 'consumer-key',
  TWITTER_API_SECRET: 'consumer-secret-value',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('parseConfig', () => {
  it('runs in sandbox mode with no variables, calling its own /sandbox over loopback', () => {
    const result = parseConfig({});
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.config.mode).toBe('sandbox');
    expect(result.config.ceBaseUrl).toBe('http://127.0.0.1:8787/sandbox/elements/api-v2');
    expect(result.config.callbackUrl).toBe('http://127.0.0.1:8787/oauth/callback');
    expect(result.config.upstreamTimeoutMs).toBe(10_000);
    // A fresh session secret each start, long enough to key the cookie.
    expect(result.config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const again = parseConfig({});
    expect(again.ok && again.config.sessionSecret).not.toBe(result.config.sessionSecret);
  });

  it('switches to live mode when CE_BASE_URL is set, trimming its trailing slash', () => {
    const result = parseConfig({ ...live, PUBLIC_URL: 'https://wizard.example.com' });
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.config).toMatchObject({
      mode: 'live',
      ceBaseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      ceUserSecret: 'user-secret-value',
      callbackUrl: 'https://wizard.example.com/oauth/callback',
    });
  });

  it('names every missing live variable at once, and never echoes a value', () => {
    const result = parseConfig({
      CE_BASE_URL: live.CE_BASE_URL,
      SESSION_SECRET: 'too-short-secret',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const name of ['CE_USER_SECRET', 'CE_ORG_SECRET', 'SESSION_SECRET']) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('too-short-secret');
  });

  it('refuses malformed values by name', () => {
    const result = parseConfig({
      PORT: 'eighty',
      PUBLIC_URL: 'http://host/path/',
      UPSTREAM_TIMEOUT_MS: '5',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'PORT',
      'PUBLIC_URL',
      'UPSTREAM_TIMEOUT_MS',
    ]);
  });

  it('reads OAUTH_ALLOWED_HOSTS as extra hosts, lower-cased', () => {
    const result = parseConfig({
      ...live,
      OAUTH_ALLOWED_HOSTS: ' Auth.Example.com, other.example ',
    });
    expect(result.ok && result.config.oauthExtraHosts).toEqual([
      'auth.example.com',
      'other.example',
    ]);
  });

  it('says a short SESSION_SECRET is too short, not missing', () => {
    const result = parseConfig({ ...live, SESSION_SECRET: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(['SESSION_SECRET: must be at least 32 characters']);
  });

  it('refuses to serve live secrets on a network address without an ACCESS_CODE', () => {
    const network = { HOST: '0.0.0.0', PUBLIC_URL: 'http://192.0.2.10:8787' };
    const exposed = parseConfig({ ...live, ...network });
    expect(exposed.ok).toBe(false);
    if (!exposed.ok) expect(exposed.problems.join()).toMatch(/^ACCESS_CODE: is required in live/);
    const guarded = parseConfig({ ...live, ...network, ACCESS_CODE: 'class-of-2026' });
    expect(guarded.ok && guarded.config.accessCode).toBe('class-of-2026');
    // Loopback, or the sandbox's demo credentials, need no code.
    expect(parseConfig({ ...live }).ok).toBe(true);
    expect(parseConfig(network).ok).toBe(true);
  });

  it('refuses a network HOST whose PUBLIC_URL is loopback, naming PUBLIC_URL (a class could not reach it)', () => {
    for (const env of [
      { HOST: '0.0.0.0' },
      { HOST: '0.0.0.0', PUBLIC_URL: 'http://localhost:8787' },
    ]) {
      const result = parseConfig(env);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]).toMatch(/^PUBLIC_URL: must be the address people browse/);
      }
    }
    expect(parseConfig({ HOST: '127.0.0.1' }).ok).toBe(true);
  });

  it('reads INSTANCE_TAG and TRUST_PROXY, with safe defaults', () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config).toMatchObject({
      instanceTag: 'instance-wizard',
      trustProxy: 0,
      accessCode: null,
    });
    const set = parseConfig({ INSTANCE_TAG: 'class-7', TRUST_PROXY: 'true' });
    expect(set.ok && set.config).toMatchObject({ instanceTag: 'class-7', trustProxy: 1 });
    const bad = parseConfig({ INSTANCE_TAG: 'no spaces', TRUST_PROXY: 'yes' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'INSTANCE_TAG',
      'TRUST_PROXY',
    ]);
  });

  it('offers the elements whose apps are set, and every basic one, each app given whole', () => {
    const { TWITTER_API_KEY, TWITTER_API_SECRET, ...withoutTwitter } = live;
    const salesforceOnly = parseConfig({
      ...withoutTwitter,
      SALESFORCE_API_KEY: 'sf-key',
      SALESFORCE_API_SECRET: 'sf-secret',
    });
    expect(salesforceOnly.ok && Object.keys(salesforceOnly.config.apps)).toEqual(['SALESFORCE']);
    const both = parseConfig({ ...live, ZENDESK_API_KEY: 'k', ZENDESK_API_SECRET: 's' });
    expect(both.ok && Object.keys(both.config.apps).sort()).toEqual(['TWITTER', 'ZENDESK']);
    // Any element's app, by its key in capitals, with no overlay written for it.
    const hubspot = parseConfig({ ...live, HUBSPOTCRM_API_KEY: 'k', HUBSPOTCRM_API_SECRET: 's' });
    expect(hubspot.ok && hubspot.config.apps.HUBSPOTCRM).toEqual({ apiKey: 'k', apiSecret: 's' });
    const none = parseConfig(withoutTwitter);
    expect(none.ok && none.config.apps).toEqual({});
    const half = parseConfig({ ...live, DROPBOX_API_KEY: 'k' });
    expect(half.ok ? [] : half.problems).toEqual([
      "DROPBOX_API_SECRET: is required with DROPBOX_API_KEY (your Dropbox app's client secret)",
    ]);
    expect(TWITTER_API_KEY && TWITTER_API_SECRET).toBeTruthy();
  });
});

describe('a missing secret in live mode', () => {
  it('says what to set, not what the schema expected', () => {
    const result = parseConfig({ CE_BASE_URL: 'https://api.cloud-elements.com/elements/api-v2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain(
      'CE_USER_SECRET: is required in live mode: set it to your Cloud Elements user secret (in Cloud Elements: your profile → Secrets → User)',
    );
    expect(result.problems.join('\n')).not.toContain('expected string');
  });
});
