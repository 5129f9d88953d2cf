import type { Exchange, FlowView } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { isOpen, lastExchange, progressOf, resumePath, STEP } from './steps';

const flow = (patch: Partial<FlowView>): FlowView => ({
  step: null,
  scenario: 'none',
  exchanges: [],
  ...patch,
});
const exchange = (step: Exchange['step'], status: number): Exchange => ({
  step,
  parties: 'BFF → Cloud Elements',
  method: 'GET',
  url: 'http://x',
  requestHeaders: {},
  status,
  responseHeaders: {},
  durationMs: 1,
  startedAt: `2026-01-01T00:00:0${status % 10}Z`,
});

describe('wizard steps', () => {
  it('sends a returning person to the first step not yet done', () => {
    expect(resumePath(undefined)).toBe(STEP.requestToken.path);
    expect(resumePath(flow({ step: 'request-token' }))).toBe(STEP.authorizeUrl.path);
    expect(resumePath(flow({ step: 'authorize-url' }))).toBe(STEP.consent.path);
    expect(resumePath(flow({ step: 'callback', outcome: 'authorized' }))).toBe(
      STEP.createInstance.path,
    );
    expect(resumePath(flow({ step: 'create-instance' }))).toBe(STEP.result.path);
  });

  it('keeps a denied flow on the consent step and closes the steps after it', () => {
    const denied = flow({ step: 'callback', outcome: 'denied' });
    expect(resumePath(denied)).toBe(STEP.consent.path);
    expect(isOpen(STEP.consent, denied)).toBe(true);
    expect(isOpen(STEP.createInstance, denied)).toBe(false);
  });

  it('opens a step only once the steps before it are done', () => {
    const atStepOne = flow({ step: 'request-token' });
    expect(progressOf(atStepOne)).toBe(1);
    expect(isOpen(STEP.authorizeUrl, atStepOne)).toBe(true);
    expect(isOpen(STEP.consent, atStepOne)).toBe(false);
  });

  it("shows a step's latest attempt, failed ones included", () => {
    const f = flow({ exchanges: [exchange('authorize-url', 200), exchange('authorize-url', 502)] });
    expect(lastExchange(f, 'authorize-url')?.status).toBe(502);
    expect(lastExchange(f, 'create-instance')).toBeUndefined();
  });
});
