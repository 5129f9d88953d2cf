import {
  type ElementDef,
  type Exchange,
  type ExchangeKind,
  type FlowView,
  isDone as isDoneIn,
  isOpen as isOpenIn,
  resumeStep,
  STEP_ORDER,
  type StepDef,
  type StepId,
  stepDef,
  stepsOf,
} from '@cew/shared';
import { useFlow } from './api/flow';
import { useElement } from './element';

/** A step as the wizard shows it: the flow module's step, with its number and its page. */
export type WizardStep = StepDef & { number: number; path: string };

const pathOf = (id: StepId) => `/step/${stepDef(id).slug}`;

/** Each step's page, the same address whichever element is shown (OAuth 1.0a has every step). */
export const STEP = Object.fromEntries(
  STEP_ORDER.oauth1.map((id) => [id, { path: pathOf(id) }]),
) as Record<StepId, { path: string }>;

/** An element's steps, in the flow module's order for its auth type, numbered from 1. */
export function stepsFor(element: ElementDef): WizardStep[] {
  return stepsOf(element.authType).map((step, index) => ({
    ...step,
    title: step.title.replace('{provider}', element.provider),
    number: index + 1,
    path: pathOf(step.id),
  }));
}

/** Whether this flow has completed a step of the element's flow. */
export const isDone = (flow: FlowView | undefined, element: ElementDef, id: StepId): boolean =>
  isDoneIn(flow ?? null, element.authType, id);

/** Whether a step's page is open: the flow module decides. */
export const isOpen = (flow: FlowView | undefined, element: ElementDef, id: StepId): boolean =>
  isOpenIn(flow ?? null, element.authType, id);

/** Where a returning person should land: the first step not yet done. */
export const resumePath = (flow: FlowView | undefined, element: ElementDef): string =>
  pathOf(resumeStep(flow ?? null, element.authType));

/** The latest exchange of a step, failed attempts included. */
export function lastExchange(exchanges: Exchange[], id: ExchangeKind): Exchange | undefined {
  return exchanges.filter((exchange) => exchange.step === id).at(-1);
}

/**
 * Step 3's latest attempt: the browser's call to the BFF, and the provider's redirect the browser
 * recorded just before it.
 */
export function lastCallback(exchanges: Exchange[]): { lead?: Exchange; exchange?: Exchange } {
  const callbacks = exchanges.filter((exchange) => exchange.step === 'callback');
  const exchange = callbacks.at(-1);
  const before = callbacks.at(-2);
  return { exchange, lead: before?.status === 302 ? before : undefined };
}

/** The element shown, its steps, and this flow's progress through them. */
export function useWizard() {
  const { data: flow } = useFlow();
  const element = useElement();
  const steps = stepsFor(element);
  return {
    flow,
    element,
    steps,
    /** The step as this element numbers and titles it (undefined if it has no such step). */
    step: (id: StepId) => steps.find((step) => step.id === id),
    isDone: (id: StepId) => isDone(flow, element, id),
    isOpen: (id: StepId) => isOpen(flow, element, id),
  };
}
