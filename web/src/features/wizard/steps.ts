import {
  type ElementView,
  type Exchange,
  type ExchangeKind,
  type FlowView,
  isDone as isDoneIn,
  isOpen as isOpenIn,
  type Progress,
  resumeStep,
  STEP_ORDER,
  type StepDef,
  type StepId,
  stepDef,
} from '@cew/shared';
import { useQuery } from '@tanstack/react-query';
import { exchangesKey, useFlow } from './api/flow';
import { useElement } from './element';

/** A step as the wizard shows it: the flow module's step, with its number and its page. */
export type WizardStep = StepDef & { number: number; path: string };

const pathOf = (id: StepId) => `/step/${stepDef(id).slug}`;

/** Each step's page: one address per step, whichever element is shown. */
export const STEP = Object.fromEntries(
  Object.values(STEP_ORDER)
    .flat()
    .map((id) => [id, { path: pathOf(id) }]),
) as Record<StepId, { path: string }>;

/** An element's steps, in the flow module's order for its auth type, numbered from 1. */
export function stepsFor(element: Pick<ElementView, 'authType' | 'provider'>): WizardStep[] {
  return STEP_ORDER[element.authType].map((id, index) => {
    const step = stepDef(id);
    return {
      ...step,
      title: step.title.replace('{provider}', element.provider),
      number: index + 1,
      path: pathOf(id),
    };
  });
}

/** The flow's progress as the flow module reads it; null before any flow. */
const progressOf = (flow: FlowView | undefined): Progress | null =>
  flow?.authType
    ? {
        authType: flow.authType,
        done: flow.done,
        ...(flow.outcome ? { outcome: flow.outcome } : {}),
      }
    : null;

/** Whether this flow has completed a step of the element's flow. */
export const isDone = (flow: FlowView | undefined, element: ElementView, id: StepId): boolean =>
  isDoneIn(progressOf(flow), element.authType, id);

/** Whether a step's page is open: the flow module decides. */
export const isOpen = (flow: FlowView | undefined, element: ElementView, id: StepId): boolean =>
  isOpenIn(progressOf(flow), element.authType, id);

/** Where a returning person should land: the first step not yet done. */
export const resumePath = (flow: FlowView | undefined, element: ElementView): string =>
  pathOf(resumeStep(progressOf(flow), element.authType));

/** The latest exchange of a step, failed attempts included. */
export function lastExchange(exchanges: Exchange[], id: ExchangeKind): Exchange | undefined {
  return exchanges.filter((exchange) => exchange.step === id).at(-1);
}

/**
 * The latest exchange of a step that was answered with 200: what a step brought when it went
 * through (a flow's callback is accepted once, so for it the only one).
 */
export const lastAnswered = (exchanges: Exchange[], step: ExchangeKind): Exchange | undefined =>
  exchanges.filter((exchange) => exchange.step === step && exchange.status === 200).at(-1);

/**
 * Step 3's latest attempt: the browser's call to the BFF, and what came before it since the
 * provider's redirect: that redirect, and any callback the BFF refused meanwhile (the judge lab's
 * forged one), so a refusal stays listed after the real callback goes through.
 */
export function lastCallback(exchanges: Exchange[]): { earlier: Exchange[]; exchange?: Exchange } {
  const callbacks = exchanges.filter((exchange) => exchange.step === 'callback');
  const exchange = callbacks.at(-1);
  const redirect = callbacks.findLastIndex((e, i) => e.status === 302 && i < callbacks.length - 1);
  return { exchange, earlier: redirect < 0 ? [] : callbacks.slice(redirect, -1) };
}

/**
 * The flow in this browser's cookie, when it is the shown element's: another element's flow
 * (chosen on the first screen since) is no progress of this one.
 */
function useFlowOf(element: ElementView | undefined): FlowView | undefined {
  const { data: flow } = useFlow();
  return flow && element && flow.element === element.key ? flow : undefined;
}

/**
 * The shown element's flow's exchanges in order, as the steps' replies brought them (kept in
 * this tab); while another element's flow is in the cookie, only this element's own attempts.
 */
export function useExchanges(): Exchange[] {
  const { data: flow } = useFlow();
  const element = useElement();
  const { data } = useQuery({
    queryKey: exchangesKey(element?.key ?? 'none', flow),
    queryFn: (): Exchange[] => [],
    enabled: flow !== undefined && element !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return data ?? [];
}

/** The element shown (when the list has loaded), its steps, and this flow's progress. */
export function useWizardFrame() {
  const element = useElement();
  const flow = useFlowOf(element);
  const steps = element ? stepsFor(element) : [];
  return {
    flow,
    element,
    steps,
    isDone: (id: StepId) => (element ? isDone(flow, element, id) : false),
    isOpen: (id: StepId) => (element ? isOpen(flow, element, id) : false),
  };
}

/**
 * The same for a step's page, which the layout renders only once the elements have loaded: the
 * element is always there.
 */
export function useWizard() {
  const frame = useWizardFrame();
  const { element } = frame;
  if (!element) throw new Error('A step page rendered before the elements loaded.');
  return {
    ...frame,
    element,
    /** The step as this element numbers and titles it (undefined if it has no such step). */
    step: (id: StepId) => frame.steps.find((step) => step.id === id),
  };
}
