import { describe, expect, it } from 'vitest';
import { oauth1 } from './oauth1';

const flow = { authType: 'oauth1' as const, requestToken: 'rt', state: 'st' };
const callback = oauth1.callback;
if (!callback) throw new Error('OAuth 1.0a has a callback');

describe('OAuth 1.0a callback checks', () => {
  it.each([
    [
      { oauth_token: 'rt', oauth_verifier: 'v', state: 'st' },
      { accepted: true, grant: 'v' },
    ],
    [{ denied: 'rt', state: 'st' }, { accepted: false }],
    [{ oauth_token: 'other', oauth_verifier: 'v', state: 'st' }, "not this flow's request token"],
    [{ denied: 'other', state: 'st' }, "not this flow's request token"],
    [{ oauth_token: 'rt', oauth_verifier: 'v', state: 'evil' }, 'state does not match'],
    [{ oauth_token: 'rt', oauth_verifier: 'v' }, 'state does not match'],
    [{ oauth_token: 'rt', state: 'st' }, 'carries no oauth_verifier'],
  ])('%j → %j', (query, expected) => {
    const verdict = callback.check(query, flow);
    if (typeof expected === 'string') {
      expect('refused' in verdict && verdict.refused).toContain(expected);
    } else expect(verdict).toEqual(expected);
  });

  it('says a denial is not an acceptance', () => {
    expect(callback.accepted({ denied: 'rt' })).toBe(false);
    expect(callback.accepted({ oauth_token: 'rt', oauth_verifier: 'v' })).toBe(true);
  });
});

describe('OAuth 1.0a providerData', () => {
  it('sends the token, the verifier and the token secret, only once it has all three', () => {
    expect(
      oauth1.providerData({ authType: 'oauth1', requestToken: 'rt', tokenSecret: 's', grant: 'v' }),
    ).toEqual({ oauth_token: 'rt', oauth_verifier: 'v', secret: 's' });
    expect(oauth1.providerData({ authType: 'oauth1', requestToken: 'rt', tokenSecret: 's' })).toBe(
      null,
    );
  });
});
