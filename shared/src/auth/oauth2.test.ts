import { describe, expect, it } from 'vitest';
import { oauth2 } from './oauth2';

const flow = { authType: 'oauth2' as const, state: 'st' };
const callback = oauth2.callback;
if (!callback) throw new Error('OAuth 2.0 has a callback');

describe('OAuth 2.0 callback checks', () => {
  it.each([
    [
      { code: 'c', state: 'st' },
      { accepted: true, grant: 'c' },
    ],
    [{ error: 'access_denied', state: 'st' }, { accepted: false }],
    [{ code: 'c', state: 'evil' }, 'state does not match'],
    [{ error: 'access_denied' }, 'state does not match'],
    [{ state: 'st' }, 'carries no code'],
  ])('%j → %j', (query, expected) => {
    const verdict = callback.check(query, flow);
    if (typeof expected === 'string') {
      expect('refused' in verdict && verdict.refused).toContain(expected);
    } else expect(verdict).toEqual(expected);
  });
});

describe('OAuth 2.0 providerData', () => {
  it('sends the code alone, once the callback brought it', () => {
    expect(oauth2.providerData({ authType: 'oauth2', grant: 'c' })).toEqual({ code: 'c' });
    expect(oauth2.providerData({ authType: 'oauth2' })).toBe(null);
  });
});
