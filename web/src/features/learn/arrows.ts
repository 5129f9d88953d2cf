import {
  type CallStepId,
  type ElementView,
  type Exchange,
  type Hop,
  KINDS,
  PARTIES,
  type Party,
} from '@cew/shared';

export { PARTIES, type Party };
export type Arrow = Hop;

/** A party's name as the element's flow shows it. */
export const partyName = (party: Party, element: Pick<ElementView, 'provider'>) =>
  party === 'Provider' ? element.provider : party;

/**
 * Every hop of the element's flow, calls and their replies, in the order they happen: its kind
 * of authentication draws them, with the element's paths.
 */
export const arrowsOf = (element: ElementView): Arrow[] => KINDS[element.authType].hops(element);

/**
 * How a hop went: done, not yet, refused by the person (denied), failed, or never reached because
 * an earlier hop of its step failed.
 */
export type Outcome = 'done' | 'todo' | 'denied' | 'failed' | 'skipped';
export type DrawnArrow = Arrow & { outcome: Outcome };

/** What the diagram needs to know of the flow: which steps are done and how the callback ended. */
export type Progress = {
  isDone: (step: CallStepId) => boolean;
  denied: boolean;
};

const failed = (exchange: Exchange | undefined) =>
  exchange !== undefined && (exchange.status === null || exchange.status >= 400);

/** Whether Cloud Elements said the provider refused (its error reply passes the provider's message on). */
const providerRefused = (exchange: Exchange) => {
  const body = exchange.responseBody as { providerMessage?: unknown } | undefined;
  return typeof body === 'object' && body !== null && typeof body.providerMessage === 'string';
};

/**
 * The flow as it happened, arrow by arrow: steps done are drawn done; a step whose latest
 * attempt failed is drawn up to the hop that broke, that hop and the replies carrying the failure
 * back marked failed, and the hops it never reached skipped. After a refusal on the consent page,
 * the redirect carries the denial and nothing after it happens.
 */
export function drawArrows(
  element: ElementView,
  progress: Progress,
  exchanges: Exchange[],
): DrawnArrow[] {
  const refused = KINDS[element.authType].callback?.refused ?? 'denied';
  return arrowsOf(element).map((arrow): DrawnArrow => {
    const { step } = arrow;
    if (step === 'callback' && progress.denied && progress.isDone('callback')) {
      if (
        arrow.kind === 'reply' &&
        arrow.leg === 'browser-provider' &&
        arrow.label.startsWith('302')
      ) {
        return {
          ...arrow,
          label: `302 → callback?${refused}`,
          outcome: 'denied',
        };
      }
      if (arrow.kind === 'reply' && arrow.leg === 'browser-bff') {
        return { ...arrow, label: '200 { accepted: false }: nothing to keep', outcome: 'done' };
      }
      // The press on the consent page was the refusing button, not the granting one.
      if (
        arrow.kind === 'call' &&
        arrow.leg === 'browser-provider' &&
        arrow.label.startsWith('POST')
      ) {
        const allow = element.consent?.allow ?? 'Allow';
        const deny = element.consent?.deny ?? 'Deny';
        return {
          ...arrow,
          label: arrow.label.replace(`(${allow})`, `(${deny})`),
          outcome: 'denied',
        };
      }
      return { ...arrow, outcome: 'done' };
    }
    if (progress.denied && step !== 'callback' && !progress.isDone(step)) {
      return { ...arrow, outcome: 'skipped' };
    }
    if (progress.isDone(step)) return { ...arrow, outcome: 'done' };
    const latest = exchanges.filter((exchange) => exchange.step === step).at(-1);
    if (!latest) return { ...arrow, outcome: 'todo' };
    const outcome = failedOutcome(arrow, latest);
    return {
      ...arrow,
      outcome,
      label: outcome === 'failed' ? failedLabel(arrow, latest) : arrow.label,
    };
  });
}

/**
 * The BFF's reason for an error, as a label: the first clause of its message ("The callback's
 * state does not match this flow's state"), which its notice gives in full.
 */
function reasonOf(exchange: Exchange): string | null {
  const body = exchange.responseBody as { error?: { message?: unknown } } | undefined;
  const message = body?.error?.message;
  if (typeof message !== 'string' || message === '') return null;
  const clause = message.split(/ \(|[,;:] |\. /)[0]?.replace(/\.$/, '') ?? message;
  return clause.length > 80 ? `${clause.slice(0, 79)}…` : clause;
}

/** What a failed hop carried instead of its usual reply. */
function failedLabel(arrow: Arrow, latest: Exchange): string {
  if (arrow.kind === 'call') return `${arrow.label}: no reply in time`;
  if (arrow.leg === 'browser-bff') {
    // The BFF's own refusal (a callback that is not this browser's) says why on the arrow.
    const reason = latest.parties === 'Browser → BFF' ? reasonOf(latest) : null;
    return reason
      ? `${latest.status}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`
      : 'error reply, with the exchange that caused it';
  }
  if (arrow.leg === 'ce-provider') return 'refused (Cloud Elements passes the reason on)';
  return `${latest.status} error`;
}

/** Where a failed attempt broke, seen from one arrow of its step. */
function failedOutcome(arrow: Arrow, latest: Exchange): Outcome {
  if (arrow.leg === 'browser-provider') return 'done';
  // The step's failure always comes back to the browser as the BFF's error reply.
  if (arrow.leg === 'browser-bff') return arrow.kind === 'call' ? 'done' : 'failed';
  if (arrow.step === 'callback') return 'skipped';
  if (!failed(latest)) {
    // Cloud Elements answered, and the BFF refused what it said (an unsafe URL, a bad reply).
    return 'done';
  }
  if (latest.status === null) {
    // No reply at all: the call to Cloud Elements is where it broke.
    return arrow.leg === 'bff-ce' && arrow.kind === 'call' ? 'failed' : 'skipped';
  }
  if (arrow.leg === 'bff-ce') return arrow.kind === 'call' ? 'done' : 'failed';
  // Cloud Elements answered with an error: the provider was reached only if it says so.
  if (!providerRefused(latest)) return 'skipped';
  return arrow.kind === 'call' ? 'done' : 'failed';
}
