import { ELEMENTS } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../redact';
import { checkOauthUrl, type OauthUrlPolicy } from './oauth-url';

const redactor = createRedactor([{ value: 'app-secret-value', marker: '<TWITTER_API_SECRET>' }]);
const live: OauthUrlPolicy = {
  extraHosts: [],
  carriesSecret: redactor.carriesKnownSecret,
};
const token = 'tok123';
const twitter = {
  element: ELEMENTS.twitter,
  param: 'oauth_token',
  value: token,
  fields: {},
} as const;

describe('checkOauthUrl', () => {
  it("accepts Twitter's https consent page carrying this flow's token, in canonical form", () => {
    expect(
      checkOauthUrl(`https://api.twitter.com/oauth/authorize?oauth_token=${token}`, twitter, live),
    ).toEqual({ ok: true, url: `https://api.twitter.com/oauth/authorize?oauth_token=${token}` });
    // The browser gets the serialization that was checked, not the raw string.
    expect(
      checkOauthUrl(
        `HTTPS://API.Twitter.com:443/oauth/authenticate?oauth_token=${token}`,
        twitter,
        live,
      ),
    ).toEqual({ ok: true, url: `https://api.twitter.com/oauth/authenticate?oauth_token=${token}` });
  });

  it.each([
    ['http:', `http://api.twitter.com/oauth/authorize?oauth_token=${token}`, 'http:'],
    ['javascript:', `javascript:alert(1)//?oauth_token=${token}`, 'javascript:'],
    [
      'a look-alike host',
      `https://api.twitter.com.evil.example/oauth/authorize?oauth_token=${token}`,
      'not an allowed provider host',
    ],
    [
      'credentials',
      `https://user@api.twitter.com/oauth/authorize?oauth_token=${token}`,
      'credentials',
    ],
    [
      'a non-default port',
      `https://api.twitter.com:8443/oauth/authorize?oauth_token=${token}`,
      'port 8443',
    ],
    [
      'an open redirect on an allowed host',
      `https://x.com/i/redirect?url=https%3A%2F%2Fevil.example&oauth_token=${token}`,
      "path /i/redirect is not the provider's consent page",
    ],
    [
      'leading whitespace',
      ` https://api.twitter.com/oauth/authorize?oauth_token=${token}`,
      'spaces, control characters or non-ASCII',
    ],
    [
      'a control character',
      `https://api.twitter.com/oauth/authorize?oauth_token=${token}\n`,
      'spaces, control characters or non-ASCII',
    ],
    [
      'a full-width look-alike letter',
      `https://ｘ.com/oauth/authorize?oauth_token=${token}`,
      'spaces, control characters or non-ASCII',
    ],
    [
      'the token twice',
      `https://api.twitter.com/oauth/authorize?oauth_token=${token}&oauth_token=other`,
      'oauth_token more than once',
    ],
    [
      "the app's secret",
      `https://api.twitter.com/oauth/authorize?oauth_token=${token}&client_secret=app-secret-value`,
      "carries the app's secret",
    ],
    [
      "the app's secret, encoded",
      `https://api.twitter.com/oauth/authorize?oauth_token=${token}&s=app%2dsecret%2Dvalue`,
      "carries the app's secret",
    ],
    [
      'an address too long to keep',
      `https://api.twitter.com/oauth/authorize?oauth_token=${token}&x=${'a'.repeat(512)}`,
      'longer than 512 characters',
    ],
    [
      'another token',
      'https://api.twitter.com/oauth/authorize?oauth_token=other',
      "this flow's request token",
    ],
    ['no token', 'https://api.twitter.com/oauth/authorize', "this flow's request token"],
    ['garbage', 'not-a-url', 'not a valid absolute URL'],
  ])('refuses %s', (_, url, reason) => {
    const verdict = checkOauthUrl(url, twitter, live);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('allows plain http and a port only for the sandbox origin or an allowed loopback host', () => {
    const sandbox = { ...live, sandboxOrigin: 'http://127.0.0.1:8787' };
    expect(
      checkOauthUrl(
        `http://127.0.0.1:8787/sandbox/twitter/oauth/authorize?oauth_token=${token}`,
        twitter,
        sandbox,
      ).ok,
    ).toBe(true);
    expect(checkOauthUrl(`http://127.0.0.1:9999/x?oauth_token=${token}`, twitter, sandbox).ok).toBe(
      false,
    );
    const rehearsal = { ...live, extraHosts: ['127.0.0.1'] };
    expect(
      checkOauthUrl(
        `http://127.0.0.1:8790/twitter/oauth/authorize?oauth_token=${token}`,
        twitter,
        rehearsal,
      ).ok,
    ).toBe(true);
    const remote = { ...live, extraHosts: ['auth.example.com'] };
    const path = `/oauth/authorize?oauth_token=${token}`;
    expect(checkOauthUrl(`http://auth.example.com${path}`, twitter, remote).ok).toBe(false);
    expect(checkOauthUrl(`https://auth.example.com/tenant${path}`, twitter, remote).ok).toBe(true);
    expect(checkOauthUrl(`https://auth.example.com:444${path}`, twitter, remote).ok).toBe(false);
  });

  it("checks Salesforce's consent URL against its hosts and path, bound by this flow's state", () => {
    const sfdc = { element: ELEMENTS.sfdc, param: 'state', value: 'st4te', fields: {} } as const;
    const base =
      'https://login.salesforce.com/services/oauth2/authorize?response_type=code&client_id=c&redirect_uri=https%3A%2F%2Fw.example%2Fcb';
    expect(checkOauthUrl(`${base}&state=st4te`, sfdc, live).ok).toBe(true);
    expect(checkOauthUrl(`${base.replace('login.', 'test.')}&state=st4te`, sfdc, live).ok).toBe(
      true,
    );
    const refusals: [string, string][] = [
      [`${base}&state=other`, "this flow's state"],
      [base, "this flow's state"],
      [`${base}&state=st4te&state=st4te`, 'state more than once'],
      // The guide's own sample puts the client secret in the URL the browser is sent to.
      [`${base}&state=st4te&client_secret=xyz789`, "carries the app's secret"],
      [
        `${base.replace('login.salesforce.com', 'api.twitter.com')}&state=st4te`,
        'not an allowed provider host',
      ],
      [`https://login.salesforce.com/secur/frontdoor.jsp?state=st4te`, 'not the provider'],
    ];
    for (const [url, reason] of refusals) {
      const verdict = checkOauthUrl(url, sfdc, live);
      expect(verdict.ok ? '' : verdict.reason, url).toContain(reason);
    }
  });
});

describe("an OAuth 2.0 authorization URL is this app's", () => {
  const app = { clientId: 'my-client', callbackUrl: 'https://wizard.example/oauth/callback' };
  const binding = {
    element: ELEMENTS.sfdc,
    param: 'state',
    value: 'st4te',
    fields: {},
    app,
  } as const;
  const url = (query: string) =>
    `https://login.salesforce.com/services/oauth2/authorize?state=st4te&${query}`;
  const good = `client_id=my-client&redirect_uri=${encodeURIComponent(app.callbackUrl)}&response_type=code`;

  it('is handed out when it names this app, this callback and a code', () => {
    expect(checkOauthUrl(url(good), binding, live).ok).toBe(true);
  });

  it.each([
    ['another client', good.replace('my-client', 'their-client'), "client_id is not this app's"],
    [
      'another callback',
      good.replace('wizard.example', 'evil.example'),
      "redirect_uri is not this wizard's callback",
    ],
    ['a token instead of a code', good.replace('=code', '=token'), 'response_type is token'],
    ['two client ids', `${good}&client_id=my-client`, 'client_id more than once'],
    ['no callback', good.replace(/&redirect_uri=[^&]*/, ''), 'no redirect_uri'],
  ])('is refused for %s', (_, query, reason) => {
    const verdict = checkOauthUrl(url(query), binding, live);
    expect(verdict).toMatchObject({ ok: false });
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });
});
