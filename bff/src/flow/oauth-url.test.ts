import { describe, expect, it } from 'vitest';
import { checkOauthUrl } from './oauth-url';

const live = { allowedHosts: ['api.twitter.com', 'api.x.com', 'twitter.com', 'x.com'] };
const token = 'tok123';

describe('checkOauthUrl', () => {
  it("accepts Twitter's https consent page carrying this flow's token", () => {
    expect(
      checkOauthUrl(`https://api.twitter.com/oauth/authorize?oauth_token=${token}`, token, live),
    ).toEqual({ ok: true });
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
    ['garbage', 'not a url', 'not a valid absolute URL'],
  ])('refuses %s', (_, url, reason) => {
    const verdict = checkOauthUrl(url, token, live);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('allows plain http only for the sandbox origin or an allowed loopback host', () => {
    const sandbox = { ...live, sandboxOrigin: 'http://127.0.0.1:8787' };
    expect(
      checkOauthUrl(
        `http://127.0.0.1:8787/sandbox/twitter/oauth/authorize?oauth_token=${token}`,
        token,
        sandbox,
      ).ok,
    ).toBe(true);
    expect(checkOauthUrl(`http://127.0.0.1:9999/x?oauth_token=${token}`, token, sandbox).ok).toBe(
      false,
    );
    const rehearsal = { allowedHosts: [...live.allowedHosts, '127.0.0.1'] };
    expect(
      checkOauthUrl(
        `http://127.0.0.1:8790/twitter/oauth/authorize?oauth_token=${token}`,
        token,
        rehearsal,
      ).ok,
    ).toBe(true);
    const remote = { allowedHosts: [...live.allowedHosts, 'auth.example.com'] };
    expect(checkOauthUrl(`http://auth.example.com/x?oauth_token=${token}`, token, remote).ok).toBe(
      false,
    );
  });
});
