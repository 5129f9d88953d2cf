import type { Exchange, FlowView } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { lastExchange, resumePath, STEP, STEPS } from './steps';

const flow = (patch: Partial<FlowView>): FlowView => ({
  id: 'f1',
  element: 'twitter',
  authType: 'oauth1',
  done: null,
  scenario: 'none',
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
  it('numbers the flow module’s steps and gives each its page', () => {
    expect(STEPS.map((step) => `${step.number} ${step.path}`)).toEqual([
      '1 /step/request-token',
      '2 /step/authorization-url',
      '3 /step/consent',
      '4 /step/create-instance',
      '5 /step/instance-token',
      '6 /step/try-it',
    ]);
  });

  it('sends a returning person to the first step not yet done', () => {
    expect(resumePath(undefined)).toBe(STEP['request-token'].path);
    expect(resumePath(flow({ done: 'request-token' }))).toBe(STEP['authorize-url'].path);
    expect(resumePath(flow({ done: 'authorize-url' }))).toBe(STEP.callback.path);
    expect(resumePath(flow({ done: 'callback', outcome: 'authorized' }))).toBe(
      STEP['create-instance'].path,
    );
    expect(resumePath(flow({ done: 'create-instance', outcome: 'authorized' }))).toBe(
      STEP['instance-token'].path,
    );
    expect(resumePath(flow({ done: 'callback', outcome: 'denied' }))).toBe(STEP.callback.path);
  });

  it('finds the latest exchange of a step, failures included', () => {
    const exchanges = [exchange('request-token', 200), exchange('authorize-url', 502)];
    expect(lastExchange(exchanges, 'authorize-url')?.status).toBe(502);
    expect(lastExchange(exchanges, 'create-instance')).toBeUndefined();
  });
});
