import type { Exchange, FlowView } from '@cew/shared';
import { elementView } from '@cew/shared/testing';
import { describe, expect, it } from 'vitest';
import { lastExchange, resumePath, STEP, stepsFor } from './steps';

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

const twitter = elementView('twitter');
const sfdc = elementView('sfdc');

describe('wizard steps', () => {
  it('numbers each element’s steps from the flow module and gives each its page', () => {
    expect(stepsFor(sfdc).map((step) => `${step.number} ${step.path}`)).toEqual([
      '1 /step/authorization-url',
      '2 /step/consent',
      '3 /step/create-instance',
      '4 /step/instance-token',
      '5 /step/try-it',
    ]);
    expect(stepsFor(sfdc)[1]?.title).toBe('Consent on Salesforce, then the callback');
    expect(stepsFor(twitter).map((step) => `${step.number} ${step.path}`)).toEqual([
      '1 /step/request-token',
      '2 /step/authorization-url',
      '3 /step/consent',
      '4 /step/create-instance',
      '5 /step/instance-token',
      '6 /step/try-it',
    ]);
  });

  it('sends a returning person to the first step not yet done', () => {
    expect(resumePath(undefined, twitter)).toBe(STEP['request-token'].path);
    expect(resumePath(flow({ done: 'request-token' }), twitter)).toBe(STEP['authorize-url'].path);
    expect(resumePath(flow({ done: 'authorize-url' }), twitter)).toBe(STEP.callback.path);
    expect(resumePath(flow({ done: 'callback', outcome: 'authorized' }), twitter)).toBe(
      STEP['create-instance'].path,
    );
    expect(resumePath(flow({ done: 'create-instance', outcome: 'authorized' }), twitter)).toBe(
      STEP['instance-token'].path,
    );
    expect(resumePath(flow({ done: 'callback', outcome: 'denied' }), twitter)).toBe(
      STEP.callback.path,
    );
    // OAuth 2.0 starts at the authorization URL, and resumes by its own order.
    expect(resumePath(undefined, sfdc)).toBe(STEP['authorize-url'].path);
    const sfdcFlow = flow({ element: 'sfdc', authType: 'oauth2', done: 'authorize-url' });
    expect(resumePath(sfdcFlow, sfdc)).toBe(STEP.callback.path);
  });

  it('finds the latest exchange of a step, failures included', () => {
    const exchanges = [exchange('request-token', 200), exchange('authorize-url', 502)];
    expect(lastExchange(exchanges, 'authorize-url')?.status).toBe(502);
    expect(lastExchange(exchanges, 'create-instance')).toBeUndefined();
  });
});
