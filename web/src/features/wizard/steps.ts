import {
  type Exchange,
  type ExchangeKind,
  type FlowView,
  isDone as isDoneIn,
  isOpen as isOpenIn,
  resumeStep,
  type StepDef,
  type StepId,
  stepsOf,
} from '@cew/shared';

/** A step as the wizard shows it: the flow module's step, with its number and its page. */
export type WizardStep = StepDef & { number: number; path: string };

/** The Twitter element's steps (OAuth 1.0a), in the flow module's order. */
export const STEPS: WizardStep[] = stepsOf('oauth1').map((step, index) => ({
  ...step,
  number: index + 1,
  path: `/step/${step.slug}`,
}));

export const STEP = Object.fromEntries(STEPS.map((step) => [step.id, step])) as Record<
  StepId,
  WizardStep
>;

/** Whether this flow has completed a step (a page-only step: the call after it). */
export const isDone = (flow: FlowView | undefined, id: StepId): boolean =>
  isDoneIn(flow ?? null, 'oauth1', id);

/** Whether a step's page is open: the flow module decides. */
export const isOpen = (flow: FlowView | undefined, id: StepId): boolean =>
  isOpenIn(flow ?? null, 'oauth1', id);

/** Where a returning person should land: the first step not yet done. */
export const resumePath = (flow: FlowView | undefined): string =>
  STEP[resumeStep(flow ?? null, 'oauth1')].path;

/** The latest exchange of a step, failed attempts included. */
export function lastExchange(exchanges: Exchange[], id: ExchangeKind): Exchange | undefined {
  return exchanges.filter((exchange) => exchange.step === id).at(-1);
}
