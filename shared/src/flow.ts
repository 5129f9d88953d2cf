/**
 * The flow's one home: each auth type's steps in order, what each needs, and the transition its
 * call makes. Pure data and functions, no I/O and no zod, so the BFF's routes and the web app's
 * pages, step bar and diagram all read the same table and nobody else knows the order.
 */

export type AuthType = 'oauth1' | 'oauth2' | 'basic';

/**
 * Every step a flow can have. `credentials` and `instance-token` are pages only: the first asks
 * for the person's own key (nothing is sent yet), the second shows what creating the instance made.
 */
export type StepId =
  | 'credentials'
  | 'request-token'
  | 'authorize-url'
  | 'callback'
  | 'create-instance'
  | 'instance-token'
  | 'try-it';

/** The steps that are calls to the BFF and move the flow on. */
export type CallStepId = Exclude<StepId, 'instance-token' | 'credentials'>;

export type StepDef = {
  id: StepId;
  /** The page's address segment: `/step/{slug}`. */
  slug: string;
  /** `{provider}` stands for the element's provider, e.g. "Consent on Twitter, then the callback". */
  title: string;
  short: string;
  /** The BFF route this step posts to; a page-only step has none. */
  route?: `/api/flow/${string}`;
};

const STEP_DEFS: Record<StepId, StepDef> = {
  credentials: {
    id: 'credentials',
    slug: 'credentials',
    title: 'Your {provider} credentials',
    short: 'Your credentials',
  },
  'request-token': {
    id: 'request-token',
    slug: 'request-token',
    title: 'Get a request token',
    short: 'Request token',
    route: '/api/flow/request-token',
  },
  'authorize-url': {
    id: 'authorize-url',
    slug: 'authorization-url',
    title: 'Get the authorization URL',
    short: 'Authorization URL',
    route: '/api/flow/authorize-url',
  },
  callback: {
    id: 'callback',
    slug: 'consent',
    title: 'Consent on {provider}, then the callback',
    short: 'Consent & callback',
    route: '/api/flow/callback',
  },
  'create-instance': {
    id: 'create-instance',
    slug: 'create-instance',
    title: 'Create the instance',
    short: 'Create instance',
    route: '/api/flow/instance',
  },
  'instance-token': {
    id: 'instance-token',
    slug: 'instance-token',
    title: 'Your instance token',
    short: 'Instance token',
  },
  'try-it': {
    id: 'try-it',
    slug: 'try-it',
    title: 'Try it: a first call through the instance',
    short: 'Try it',
    route: '/api/flow/try-it',
  },
};

/**
 * Each auth type's steps, in order. OAuth 2.0 has no request token: it starts at the
 * authorization URL. Basic has no consent: the person's own key, then the instance.
 */
export const STEP_ORDER: Record<AuthType, readonly StepId[]> = {
  oauth1: [
    'request-token',
    'authorize-url',
    'callback',
    'create-instance',
    'instance-token',
    'try-it',
  ],
  oauth2: ['authorize-url', 'callback', 'create-instance', 'instance-token', 'try-it'],
  basic: ['credentials', 'create-instance', 'instance-token', 'try-it'],
};

/** Each auth type's name, as the screens and the steps' messages say it. */
export const AUTH_LABEL: Record<AuthType, string> = {
  oauth1: 'OAuth 1.0a',
  oauth2: 'OAuth 2.0',
  basic: 'Basic (your API key)',
};

/** The call that starts a flow of this auth type. */
export const firstCall = (authType: AuthType): CallStepId =>
  STEP_ORDER[authType].find((id) => STEP_DEFS[id].route) as CallStepId;

export const stepsOf = (authType: AuthType): StepDef[] =>
  STEP_ORDER[authType].map((id) => STEP_DEFS[id]);

export const stepDef = (id: StepId): StepDef => STEP_DEFS[id];

/** Where a flow stands: the last call it completed and, after the callback, what the person chose. */
export type Progress = {
  authType: AuthType;
  /** The last call step completed; null before the first. */
  done: CallStepId | null;
  outcome?: 'authorized' | 'denied';
};

/** Progress right after a call: that call is the last one done. */
export type Advanced = Progress & { done: CallStepId };

/** A call's result as the flow sees it; the callback says whether access was granted. */
export type FlowEvent =
  | { step: Exclude<CallStepId, 'callback'> }
  | { step: 'callback'; accepted: boolean };

/** Why a call may not run now, in words a person can act on. */
export type Refusal = { refused: true; reason: string };

const indexIn = (authType: AuthType, id: StepId | null) =>
  id === null ? -1 : STEP_ORDER[authType].indexOf(id);

/** The call step before `id` in this flow (skipping page-only steps), or null for the first. */
function callBefore(authType: AuthType, id: CallStepId): CallStepId | null {
  const order = STEP_ORDER[authType];
  for (let i = order.indexOf(id) - 1; i >= 0; i--) {
    const candidate = order[i];
    if (candidate !== undefined && STEP_DEFS[candidate].route) return candidate as CallStepId;
  }
  return null;
}

const label = (id: StepId, authType: AuthType) =>
  `step ${indexIn(authType, id) + 1} (${STEP_DEFS[id].short})`;

/**
 * The transition a call makes: the progress after it, or why it may not run. A first step starts
 * a new flow whatever came before; a step may be repeated while the next one has not run (a new
 * authorization URL for the same token, another call through the instance); every other step
 * needs the one before it done.
 */
export function next(
  progress: Progress | null,
  event: FlowEvent,
  authType: AuthType,
): Advanced | Refusal {
  const order = STEP_ORDER[authType];
  if (!order.includes(event.step)) {
    return {
      refused: true,
      reason: `A flow with ${AUTH_LABEL[authType]} has no ${STEP_DEFS[event.step].short.toLowerCase()} step.`,
    };
  }
  const before = callBefore(authType, event.step);
  if (before === null) return { authType, done: event.step };
  if (!progress || progress.done === null || progress.authType !== authType) {
    return {
      refused: true,
      reason: `There is no flow in progress in this browser (it may have expired after 30 minutes). Start again with ${label(order[0] as StepId, authType)}.`,
    };
  }
  const at = indexIn(authType, progress.done);
  const need = indexIn(authType, before);
  if (at < need) {
    return {
      refused: true,
      reason: `This needs ${label(before, authType)} first; the flow is only at ${label(progress.done, authType)}.`,
    };
  }
  if (
    progress.outcome === 'denied' &&
    indexIn(authType, event.step) > indexIn(authType, 'callback')
  ) {
    return {
      refused: true,
      reason:
        'Access was not granted on the consent page, so there is nothing to go on with. Start over.',
    };
  }
  const repeatable = event.step !== 'callback' && event.step !== 'create-instance';
  if (at > indexIn(authType, event.step) || (at === indexIn(authType, event.step) && !repeatable)) {
    return {
      refused: true,
      reason:
        event.step === 'callback'
          ? 'This callback was already handled (a callback is accepted once); nothing changed, and the flow goes on from where it was.'
          : `This flow is past ${label(event.step, authType)}. Start over to run the flow again.`,
    };
  }
  // The consent's outcome is recorded by the callback and kept by every step after it.
  const outcome =
    event.step === 'callback' ? (event.accepted ? 'authorized' : 'denied') : progress.outcome;
  return { authType, done: event.step, ...(outcome ? { outcome } : {}) };
}

export const isRefusal = (value: Advanced | Refusal): value is Refusal => 'refused' in value;

/** The index of the last call done in this auth type's order, -1 before any. */
const doneIndex = (progress: Progress | null, authType: AuthType): number =>
  progress?.authType === authType ? indexIn(authType, progress.done) : -1;

export const isDone = (progress: Progress | null, authType: AuthType, id: StepId): boolean => {
  const index = indexIn(authType, id);
  return index >= 0 && index <= doneIndex(progress, authType);
};

/**
 * A step's page is open once every step before it is done; a page-only step (the instance token)
 * does not hold back the one after it, and a refused consent closes everything after the consent.
 */
export function isOpen(progress: Progress | null, authType: AuthType, id: StepId): boolean {
  const order = STEP_ORDER[authType];
  const index = indexIn(authType, id);
  if (index < 0) return false;
  if (progress?.outcome === 'denied' && index > indexIn(authType, 'callback')) return false;
  let frontier = doneIndex(progress, authType) + 1;
  while (frontier < index && !STEP_DEFS[order[frontier] as StepId].route) frontier++;
  return index <= frontier;
}

/** Where a returning person should land: the first step not yet done (the consent page if denied). */
export function resumeStep(progress: Progress | null, authType: AuthType): StepId {
  const order = STEP_ORDER[authType];
  if (progress?.outcome === 'denied') return 'callback';
  return order[Math.min(doneIndex(progress, authType) + 1, order.length - 1)] as StepId;
}
