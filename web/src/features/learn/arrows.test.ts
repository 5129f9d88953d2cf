import type { CallStepId, Exchange } from '@cew/shared';
import { elementView } from '@cew/shared/testing';
import { describe, expect, it } from 'vitest';
import { arrowsOf, drawArrows } from './arrows';

const twitter = elementView('twitter');
const sfdc = elementView('sfdc');

const exchange = (step: CallStepId, status: number | null, responseBody?: unknown): Exchange => ({
  step,
  parties: 'BFF → Cloud Elements',
  method: 'GET',
  url: 'http://ce.test/x',
  requestHeaders: {},
  status,
  responseHeaders: {},
  responseBody,
  durationMs: 1,
  startedAt: '2026-11-29T00:00:00.000Z',
});

const doneUpTo = (steps: CallStepId[]) => (step: CallStepId) => steps.includes(step);

/** The outcome of each arrow of one step, as "label: outcome". */
const of = (arrows: ReturnType<typeof drawArrows>, step: CallStepId) =>
  arrows.filter((a) => a.step === step).map((a) => `${a.label}: ${a.outcome}`);

describe('drawArrows', () => {
  it('draws every hop of a fresh flow as not yet done', () => {
    const arrows = drawArrows(twitter, { isDone: () => false, denied: false }, []);
    expect(arrows).toHaveLength(arrowsOf(twitter).length);
    expect(new Set(arrows.map((a) => a.outcome))).toEqual(new Set(['todo']));
  });

  it('marks a timeout on the call to Cloud Elements, and nothing after it as reached', () => {
    const arrows = drawArrows(twitter, { isDone: () => false, denied: false }, [
      exchange('request-token', null),
    ]);
    expect(of(arrows, 'request-token')).toEqual([
      'POST /api/flow/request-token: done',
      'GET /elements/twitter/oauth/token: no reply in time: failed',
      'POST /oauth/request_token (signed): skipped',
      'oauth_token, oauth_token_secret: skipped',
      '200 { token, secret: <REQUEST_TOKEN_SECRET> }: skipped',
      'error reply, with the exchange that caused it: failed',
    ]);
  });

  it("blames the provider's reply only when Cloud Elements passes a provider message on", () => {
    const isDone = doneUpTo(['request-token', 'authorize-url', 'callback']);
    const byProvider = drawArrows(twitter, { isDone, denied: false }, [
      exchange('create-instance', 400, {
        message: 'x',
        providerMessage: 'Invalid or expired token',
      }),
    ]);
    expect(of(byProvider, 'create-instance').slice(2, 5)).toEqual([
      'POST /oauth/access_token (signed): done',
      'refused (Cloud Elements passes the reason on): failed',
      '400 error: failed',
    ]);
    const byHub = drawArrows(twitter, { isDone, denied: false }, [
      exchange('create-instance', 401, { message: 'Invalid Organization or User secret' }),
    ]);
    expect(of(byHub, 'create-instance').slice(1, 5)).toEqual([
      'POST /instances (User, Organization): done',
      'POST /oauth/access_token (signed): skipped',
      'access token and its secret: skipped',
      '401 error: failed',
    ]);
  });

  it("writes the BFF's reason on the reply that refused a callback", () => {
    const message =
      "The callback's state does not match this flow's state (a possible cross-site request), so it is refused; the flow is unchanged.";
    const refused: Exchange = {
      ...exchange('callback', 403, { error: { code: 'callback_mismatch', message } }),
      parties: 'Browser → BFF',
      method: 'POST',
    };
    const arrows = drawArrows(
      twitter,
      { isDone: doneUpTo(['request-token', 'authorize-url']), denied: false },
      [refused],
    );
    expect(of(arrows, 'callback').at(-1)).toBe(
      "403: the callback's state does not match this flow's state: failed",
    );
  });

  it('draws a denial on the redirect, and the rest of the flow as never reached', () => {
    const arrows = drawArrows(
      sfdc,
      { isDone: doneUpTo(['authorize-url', 'callback']), denied: true },
      [],
    );
    // The press was the refusing button, and the redirect carries the refusal.
    expect(arrows.filter((a) => a.outcome === 'denied').map((a) => a.label)).toEqual([
      `POST ${sfdc.consent?.paths[0]} (${sfdc.consent?.deny})`,
      '302 → callback?error=access_denied',
    ]);
    expect(arrows.some((a) => a.label.includes('code&state'))).toBe(false);
    expect(arrows.some((a) => a.label.includes('code sealed'))).toBe(false);
    expect(
      new Set(of(arrows, 'create-instance').map((line) => line.slice(line.lastIndexOf(': ') + 2))),
    ).toEqual(new Set(['skipped']));
  });
});
