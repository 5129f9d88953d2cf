import type { Exchange, ExchangeKind, FlowView, StepId } from '@cew/shared';

export type WizardStep = {
  number: number;
  /** The flow step this page completes; the last page completes none. */
  id: StepId | 'result' | 'try-it';
  path: string;
  title: string;
  short: string;
};

export const STEP = {
  requestToken: {
    number: 1,
    id: 'request-token',
    path: '/step/request-token',
    title: 'Get a request token',
    short: 'Request token',
  },
  authorizeUrl: {
    number: 2,
    id: 'authorize-url',
    path: '/step/authorization-url',
    title: 'Get the authorization URL',
    short: 'Authorization URL',
  },
  consent: {
    number: 3,
    id: 'callback',
    path: '/step/consent',
    title: 'Consent on Twitter, then the callback',
    short: 'Consent & callback',
  },
  createInstance: {
    number: 4,
    id: 'create-instance',
    path: '/step/create-instance',
    title: 'Create the instance',
    short: 'Create instance',
  },
  result: {
    number: 5,
    id: 'result',
    path: '/step/instance-token',
    title: 'Your instance token',
    short: 'Instance token',
  },
  tryIt: {
    number: 6,
    id: 'try-it',
    path: '/step/try-it',
    title: 'Try it: a first call through the instance',
    short: 'Try it',
  },
} as const satisfies Record<string, WizardStep>;

export const STEPS: WizardStep[] = Object.values(STEP);

const ORDER: StepId[] = ['request-token', 'authorize-url', 'callback', 'create-instance'];

/** How many of the four calls this flow has completed (0–4). */
export function progressOf(flow: FlowView | undefined): number {
  return flow?.step ? ORDER.indexOf(flow.step) + 1 : 0;
}

/** A page is open once every step before it is done, and a refused consent ends the flow. */
export function isOpen(step: WizardStep, flow: FlowView | undefined): boolean {
  if (flow?.outcome === 'denied' && step.number > 3) return false;
  // Once the instance exists (4 calls done), its token page and "try it" are both open.
  return progressOf(flow) >= Math.min(step.number - 1, ORDER.length);
}

/** Where a returning person should land: the first step not yet done. */
export function resumePath(flow: FlowView | undefined): string {
  const progress = progressOf(flow);
  if (flow?.outcome === 'denied') return STEP.consent.path;
  return STEPS[progress]?.path ?? STEP.requestToken.path;
}

/** The latest exchange of a step, failed attempts included. */
export function lastExchange(flow: FlowView | undefined, id: ExchangeKind): Exchange | undefined {
  return flow?.exchanges.filter((exchange) => exchange.step === id).at(-1);
}
