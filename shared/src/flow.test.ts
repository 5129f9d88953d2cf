import { describe, expect, it } from 'vitest';
import {
  type AuthType,
  type CallStepId,
  type FlowEvent,
  isOpen,
  isRefusal,
  next,
  type Progress,
  resumeStep,
  STEP_ORDER,
  type StepId,
} from './flow';

const at = (authType: AuthType, done: CallStepId | null, outcome?: Progress['outcome']) => ({
  authType,
  done,
  ...(outcome ? { outcome } : {}),
});
const event = (step: CallStepId, accepted = true): FlowEvent =>
  step === 'callback' ? { step, accepted } : { step };

/** Every step × every event, OAuth 1.0a: what each call leaves, or "refused". */
const OAUTH1: [Progress | null, CallStepId, CallStepId | 'refused'][] = [
  [null, 'request-token', 'request-token'],
  [null, 'authorize-url', 'refused'],
  [null, 'callback', 'refused'],
  [null, 'create-instance', 'refused'],
  [null, 'try-it', 'refused'],
  [at('oauth1', 'request-token'), 'request-token', 'request-token'],
  [at('oauth1', 'request-token'), 'authorize-url', 'authorize-url'],
  [at('oauth1', 'request-token'), 'callback', 'refused'],
  [at('oauth1', 'request-token'), 'create-instance', 'refused'],
  [at('oauth1', 'request-token'), 'try-it', 'refused'],
  [at('oauth1', 'authorize-url'), 'authorize-url', 'authorize-url'],
  [at('oauth1', 'authorize-url'), 'callback', 'callback'],
  [at('oauth1', 'authorize-url'), 'create-instance', 'refused'],
  [at('oauth1', 'callback', 'authorized'), 'callback', 'refused'],
  [at('oauth1', 'callback', 'authorized'), 'authorize-url', 'refused'],
  [at('oauth1', 'callback', 'authorized'), 'create-instance', 'create-instance'],
  [at('oauth1', 'callback', 'authorized'), 'try-it', 'refused'],
  [at('oauth1', 'callback', 'denied'), 'create-instance', 'refused'],
  [at('oauth1', 'create-instance', 'authorized'), 'create-instance', 'refused'],
  [at('oauth1', 'create-instance', 'authorized'), 'try-it', 'try-it'],
  [at('oauth1', 'try-it', 'authorized'), 'try-it', 'try-it'],
  [at('oauth1', 'try-it', 'authorized'), 'request-token', 'request-token'],
];

describe('the flow table', () => {
  it.each(OAUTH1)('OAuth 1.0a at %j, %s → %s', (progress, step, expected) => {
    const result = next(progress, event(step), 'oauth1');
    if (expected === 'refused') {
      expect(isRefusal(result)).toBe(true);
    } else {
      expect(result).toMatchObject({ authType: 'oauth1', done: expected });
    }
  });

  it('starts OAuth 2.0 at the authorization URL and has no request token step', () => {
    expect(STEP_ORDER.oauth2[0]).toBe('authorize-url');
    expect(next(null, event('authorize-url'), 'oauth2')).toEqual(at('oauth2', 'authorize-url'));
    expect(isRefusal(next(null, event('request-token'), 'oauth2'))).toBe(true);
    const afterConsent = next(at('oauth2', 'authorize-url'), event('callback'), 'oauth2');
    expect(afterConsent).toEqual(at('oauth2', 'callback', 'authorized'));
  });

  it('records the consent outcome and keeps it for the steps after it', () => {
    const denied = next(at('oauth1', 'authorize-url'), event('callback', false), 'oauth1');
    expect(denied).toEqual(at('oauth1', 'callback', 'denied'));
    const created = next(
      at('oauth1', 'callback', 'authorized'),
      event('create-instance'),
      'oauth1',
    );
    expect(created).toEqual(at('oauth1', 'create-instance', 'authorized'));
  });

  it('says what is missing when a step comes too early, and that a callback is used once', () => {
    const early = next(at('oauth1', 'request-token'), event('callback'), 'oauth1');
    expect(early).toEqual({
      refused: true,
      reason: expect.stringContaining('needs step 2 (Authorization URL) first'),
    });
    const again = next(at('oauth1', 'callback', 'authorized'), event('callback'), 'oauth1');
    expect(again).toEqual({ refused: true, reason: expect.stringContaining('already handled') });
    const none = next(null, event('create-instance'), 'oauth1');
    expect(none).toEqual({ refused: true, reason: expect.stringContaining('no flow in progress') });
  });

  it('refuses a flow of the other auth type', () => {
    const result = next(at('oauth2', 'callback', 'authorized'), event('create-instance'), 'oauth1');
    expect(isRefusal(result)).toBe(true);
  });
});

describe('pages', () => {
  const open = (progress: Progress | null) =>
    STEP_ORDER.oauth1.filter((id: StepId) => isOpen(progress, 'oauth1', id));

  it('opens each page once the steps before it are done', () => {
    expect(open(null)).toEqual(['request-token']);
    expect(open(at('oauth1', 'authorize-url'))).toEqual([
      'request-token',
      'authorize-url',
      'callback',
    ]);
    // The instance token page holds nothing back: "try it" opens with it.
    expect(open(at('oauth1', 'create-instance', 'authorized'))).toEqual(STEP_ORDER.oauth1);
  });

  it('closes the steps after a refused consent and sends the person back to it', () => {
    expect(open(at('oauth1', 'callback', 'denied'))).toEqual([
      'request-token',
      'authorize-url',
      'callback',
    ]);
    expect(resumeStep(at('oauth1', 'callback', 'denied'), 'oauth1')).toBe('callback');
  });

  it('resumes at the first step not done', () => {
    expect(resumeStep(null, 'oauth1')).toBe('request-token');
    expect(resumeStep(null, 'oauth2')).toBe('authorize-url');
    expect(resumeStep(at('oauth1', 'callback', 'authorized'), 'oauth1')).toBe('create-instance');
    expect(resumeStep(at('oauth1', 'create-instance', 'authorized'), 'oauth1')).toBe(
      'instance-token',
    );
    expect(resumeStep(at('oauth1', 'try-it', 'authorized'), 'oauth1')).toBe('try-it');
  });
});
