import type { CallStepId, ElementDef, ElementKey, Exchange } from '@cew/shared';

/** The four parties of a hub-mediated flow; "Provider" is the element's (Twitter, Salesforce). */
export const PARTIES = ['Browser', 'BFF', 'Cloud Elements', 'Provider'] as const;
export type Party = (typeof PARTIES)[number];

/** A party's name as the element's flow shows it. */
export const partyName = (party: Party, element: ElementDef) =>
  party === 'Provider' ? element.provider : party;

/**
 * Which leg of the hub a row is on. The browser sees the first two kinds itself (the inspector
 * shows them); Cloud Elements ↔ provider happens between other parties.
 */
export type Leg = 'browser-bff' | 'bff-ce' | 'ce-provider' | 'browser-provider';

export type Arrow = {
  from: Party;
  to: Party;
  /** What the request asks, or what the reply carries (secrets as the markers the page shows). */
  label: string;
  /** A call, or the reply coming back (drawn dashed). */
  kind: 'call' | 'reply';
  leg: Leg;
  /** The step whose call makes this hop: its page shows the exchange, and it is done with it. */
  step: CallStepId;
};

const LEG: Record<string, Leg> = {
  'Browser BFF': 'browser-bff',
  'BFF Cloud Elements': 'bff-ce',
  'Cloud Elements Provider': 'ce-provider',
  'Browser Provider': 'browser-provider',
};
const legOf = (a: Party, b: Party): Leg => {
  const [first, second] = PARTIES.indexOf(a) < PARTIES.indexOf(b) ? [a, b] : [b, a];
  return LEG[`${first} ${second}`] as Leg;
};
const call = (from: Party, to: Party, label: string, step: CallStepId): Arrow => ({
  from,
  to,
  label,
  kind: 'call',
  leg: legOf(from, to),
  step,
});
const reply = (from: Party, to: Party, label: string, step: CallStepId): Arrow => ({
  ...call(from, to, label, step),
  kind: 'reply',
});

/**
 * Every hop of each element's flow, calls and their replies, in the order they happen; a reply
 * names what it carries. The consent redirect and the callback are included.
 */
export const ARROWS: Record<ElementKey, Arrow[]> = {
  twitter: [
    call('Browser', 'BFF', 'POST /api/flow/request-token', 'request-token'),
    call('BFF', 'Cloud Elements', 'GET /elements/twitter/oauth/token', 'request-token'),
    call('Cloud Elements', 'Provider', 'POST /oauth/request_token (signed)', 'request-token'),
    reply('Provider', 'Cloud Elements', 'oauth_token, oauth_token_secret', 'request-token'),
    reply(
      'Cloud Elements',
      'BFF',
      '200 { token, secret: <REQUEST_TOKEN_SECRET> }',
      'request-token',
    ),
    reply('BFF', 'Browser', '200 { requestToken } (secret kept by the BFF)', 'request-token'),
    call('Browser', 'BFF', 'POST /api/flow/authorize-url', 'authorize-url'),
    call('BFF', 'Cloud Elements', 'GET /elements/twitter/oauth/url', 'authorize-url'),
    reply('Cloud Elements', 'BFF', '200 { oauthUrl }', 'authorize-url'),
    reply('BFF', 'Browser', '200 { oauthUrl } (checked)', 'authorize-url'),
    call('Browser', 'Provider', 'GET /oauth/authorize (consent page)', 'callback'),
    reply('Provider', 'Browser', '302 → callback?oauth_token&oauth_verifier', 'callback'),
    call('Browser', 'BFF', 'POST /api/flow/callback', 'callback'),
    reply('BFF', 'Browser', '200 { accepted } (verifier kept by the BFF)', 'callback'),
    call('Browser', 'BFF', 'POST /api/flow/instance', 'create-instance'),
    call('BFF', 'Cloud Elements', 'POST /instances (User, Organization)', 'create-instance'),
    call('Cloud Elements', 'Provider', 'POST /oauth/access_token (signed)', 'create-instance'),
    reply('Provider', 'Cloud Elements', 'access token and its secret', 'create-instance'),
    reply('Cloud Elements', 'BFF', '200 { id, token: <INSTANCE_TOKEN> }', 'create-instance'),
    reply('BFF', 'Browser', '200 { instance } (token kept by the BFF)', 'create-instance'),
    call('Browser', 'BFF', 'POST /api/flow/try-it', 'try-it'),
    call('BFF', 'Cloud Elements', 'GET /hubs/social/statuses (Element token)', 'try-it'),
    call('Cloud Elements', 'Provider', 'GET statuses (signed, access token)', 'try-it'),
    reply('Provider', 'Cloud Elements', 'statuses', 'try-it'),
    reply('Cloud Elements', 'BFF', '200 [ statuses ]', 'try-it'),
    reply('BFF', 'Browser', '200 { items }', 'try-it'),
  ],
  sfdc: [
    call('Browser', 'BFF', 'POST /api/flow/authorize-url', 'authorize-url'),
    call('BFF', 'Cloud Elements', 'GET /elements/sfdc/oauth/url', 'authorize-url'),
    reply('Cloud Elements', 'BFF', '200 { oauthUrl }', 'authorize-url'),
    reply('BFF', 'Browser', '200 { oauthUrl } (checked)', 'authorize-url'),
    call('Browser', 'Provider', 'GET /services/oauth2/authorize', 'callback'),
    reply('Provider', 'Browser', '302 → callback?code&state', 'callback'),
    call('Browser', 'BFF', 'POST /api/flow/callback', 'callback'),
    reply('BFF', 'Browser', '200 { accepted } (code kept by the BFF)', 'callback'),
    call('Browser', 'BFF', 'POST /api/flow/instance', 'create-instance'),
    call('BFF', 'Cloud Elements', 'POST /instances (User, Organization)', 'create-instance'),
    call(
      'Cloud Elements',
      'Provider',
      'POST /services/oauth2/token (client secret)',
      'create-instance',
    ),
    reply('Provider', 'Cloud Elements', 'access_token, refresh_token', 'create-instance'),
    reply('Cloud Elements', 'BFF', '200 { id, token: <INSTANCE_TOKEN> }', 'create-instance'),
    reply('BFF', 'Browser', '200 { instance } (token kept by the BFF)', 'create-instance'),
    call('Browser', 'BFF', 'POST /api/flow/try-it', 'try-it'),
    call('BFF', 'Cloud Elements', 'GET /hubs/crm/accounts (Element token)', 'try-it'),
    call('Cloud Elements', 'Provider', 'GET accounts (Bearer access token)', 'try-it'),
    reply('Provider', 'Cloud Elements', 'records', 'try-it'),
    reply('Cloud Elements', 'BFF', '200 [ accounts ]', 'try-it'),
    reply('BFF', 'Browser', '200 { items }', 'try-it'),
  ],
};

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
  element: ElementKey,
  progress: Progress,
  exchanges: Exchange[],
): DrawnArrow[] {
  return ARROWS[element].map((arrow): DrawnArrow => {
    const { step } = arrow;
    if (step === 'callback' && progress.denied && progress.isDone('callback')) {
      if (arrow.kind === 'reply' && arrow.leg === 'browser-provider') {
        return {
          ...arrow,
          label:
            element === 'sfdc' ? '302 → callback?error=access_denied' : '302 → callback?denied',
          outcome: 'denied',
        };
      }
      if (arrow.kind === 'reply' && arrow.leg === 'browser-bff') {
        return { ...arrow, label: '200 { accepted: false }: nothing to keep', outcome: 'done' };
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

/** What a failed hop carried instead of its usual reply. */
function failedLabel(arrow: Arrow, latest: Exchange): string {
  if (arrow.kind === 'call') return `${arrow.label}: no reply in time`;
  if (arrow.leg === 'browser-bff') return 'error reply, with the exchange that caused it';
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
