import { describe, expect, it } from 'vitest';
import { adviceFor } from './advice';

describe('adviceFor', () => {
  it('says a 5xx is not the person’s fault, and never to start over for it', () => {
    const advice = adviceFor({ status: 502, code: 'upstream_error' }, 'request-token');
    expect(advice).toContain('not in your input');
    expect(advice).not.toMatch(/start over/i);
  });

  it('on step 4, sends the person to look for the instance before retrying after a 5xx or timeout', () => {
    for (const failure of [
      { status: 502, code: 'upstream_error' },
      { status: 504, code: 'upstream_timeout' },
    ]) {
      expect(adviceFor(failure, 'create-instance')).toContain('Your instances');
    }
  });

  it('points a 401 at the configuration, not at a retry', () => {
    const advice = adviceFor({ status: 401, code: 'upstream_error' }, 'create-instance');
    expect(advice).toContain('CE_USER_SECRET and CE_ORG_SECRET');
    expect(advice).toContain('Retrying will not help');
  });

  it('says an injected refusal is the lab’s, and a replayed callback changed nothing', () => {
    const injected = adviceFor({ status: 401, code: 'upstream_error' }, 'create-instance', {
      scenario: 'wrong-secret',
    });
    expect(injected).toContain('failure lab made Cloud Elements refuse');
    expect(injected).toContain('they are fine');
    const replay = adviceFor({ status: 409, code: 'out_of_order' }, 'callback');
    expect(replay).toContain('Nothing changed');
    expect(replay).not.toMatch(/^Start over/);
  });

  it('in the callback lab, sends a refused callback back to its values, not to a restart', () => {
    const mismatch = { status: 403, code: 'callback_mismatch' };
    const inLab = adviceFor(mismatch, 'callback', { callbackHeld: true });
    expect(inLab).toContain('put back what the provider sent');
    expect(inLab).not.toMatch(/start over/i);
    expect(adviceFor(mismatch, 'callback')).toMatch(/^Start over/);
  });

  it('keeps the token for a 409: another name with the same token', () => {
    const advice = adviceFor({ status: 409, code: 'upstream_error' }, 'create-instance');
    expect(advice).toContain('another instance name');
    expect(advice).toContain('the same token still works');
  });

  it('sends a provider refusal on step 4 back to a fresh token', () => {
    const advice = adviceFor(
      { status: 400, code: 'upstream_error', providerMessage: 'Invalid or expired token' },
      'create-instance',
    );
    expect(advice).toContain('start over for a fresh one');
  });

  it('has its own words for a browser offline, a browser timeout and a server gone', () => {
    const texts = ['offline', 'browser_timeout', 'network'].map((code) =>
      adviceFor({ status: 0, code }),
    );
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toContain('Reconnect');
  });
});
