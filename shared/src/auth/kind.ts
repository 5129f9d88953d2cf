import type { Scenario } from '../contract/scenarios';
import type { ElementKey } from '../elements';
import type { ElementDescriptor, FieldDescriptor } from '../elements/descriptor';
import type { AuthType, CallStepId, StepId } from '../flow';

/**
 * An element as the browser sees it (`GET /api/elements`): its descriptor without the sandbox's
 * emulation, with its steps. The teaching content of each kind reads it.
 */
export type ElementView = Pick<
  ElementDescriptor,
  'name' | 'provider' | 'hub' | 'authType' | 'env' | 'differs' | 'tryIt' | 'resources' | 'consent'
> & {
  key: ElementKey;
  steps: StepId[];
  /** The fields the person types; `sandboxValue` only in sandbox mode. */
  fields: FieldDescriptor[];
  /** The app key's first and last four characters (OAuth kinds); enough to recognise it. */
  apiKeyMasked?: string;
  /** The app key in full where the kind makes it public (OAuth 2.0's client id). */
  apiKey?: string;
  /** The marker of the app secret and, where the kind keeps it from the browser, of the key. */
  markers: { apiSecret?: string; apiKey?: string };
  /** Whether someone wrote teaching for it (an overlay); else it is its definition alone. */
  guided: boolean;
  /** Cloud Elements' own name of its kind of authentication (`basic`, `apiKey`, `custom`, …). */
  ceAuthType: string;
  /** What came only from Cloud Elements' definition, said on its first step (no overlay). */
  fromDefinition?: string[];
};

/** An element Cloud Elements lists that the wizard cannot walk, and why. */
export type UnavailableElement = {
  key: string;
  name: string;
  hub?: string;
  ceAuthType?: string;
  reason: string;
};

/** `GET /api/elements`: the elements offered (the guided first), and those that are not. */
export type ElementCatalogView = {
  elements: ElementView[];
  unavailable: UnavailableElement[];
  /** Set when Cloud Elements could not be read: what happened and what to do. */
  error?: string;
};

/** The four parties of a hub-mediated flow; "Provider" is the element's own. */
export const PARTIES = ['Browser', 'BFF', 'Cloud Elements', 'Provider'] as const;
export type Party = (typeof PARTIES)[number];

/** Which leg of the hub a hop is on. */
export type Leg = 'browser-bff' | 'bff-ce' | 'ce-provider' | 'browser-provider';

/** One hop of a flow, drawn as an arrow: a call, or the reply coming back. */
export type Hop = {
  from: Party;
  to: Party;
  /** What the request asks, or what the reply carries (secrets as the markers the page shows). */
  label: string;
  kind: 'call' | 'reply';
  leg: Leg;
  /** The step whose call makes this hop. */
  step: CallStepId;
};

/** One row of who-holds-what: which party has seen a secret or token, from which step on. */
export type HoldsRow = {
  what: string;
  /**
   * The step after which each party has seen it ('start': from the outset; 'on-request': only if
   * the person asks to see it, as the instance token's reveal); absent = never.
   */
  seen: Partial<Record<Party, StepId | 'start' | 'on-request'>>;
  why: string;
};

/** The rows of the comparison page; each kind fills every one. */
export type CompareRow =
  | 'before-consent'
  | 'signing'
  | 'through-browser'
  | 'callback'
  | 'binding'
  | 'provider-data'
  | 'bff-holds'
  | 'ce-keeps';

/** What a callback's query decides, or why it is refused (403), in words a person can act on. */
export type CallbackVerdict = { accepted: boolean; grant?: string } | { refused: string };

/** The callback's query parameters, as the provider sent them to the browser. */
export type CallbackQuery = Partial<
  Record<
    'oauth_token' | 'oauth_verifier' | 'denied' | 'code' | 'error' | 'error_description' | 'state',
    string
  >
>;

/**
 * A kind of authentication: everything that differs between OAuth 1.0a, OAuth 2.0 and basic,
 * in one object. Its steps are in the flow module; routes and pages ask this object, never
 * compare kinds themselves.
 */
export type AuthKind = {
  authType: AuthType;
  label: string;
  /** The provider app's credentials, for the kinds that have an app (none for basic). */
  app?: {
    /** What the kind calls them: "consumer key" / "client id". */
    keyName: string;
    secretName: string;
    /** OAuth 2.0's client id is public (it rides in the consent URL); 1.0a's key is not shown. */
    keyPublic: boolean;
    /** The marker suffix of the secret: `<{env}_{suffix}>`. */
    secretMarker: string;
    /** What Cloud Elements does with the secret, for the preview's note. */
    secretUse: string;
  };
  /**
   * Sandbox mode: the name of the leg behind the scenes when the instance is created (Cloud
   * Elements' call to the provider), where the sandbox records one.
   */
  instanceLeg?: 'access_token' | 'token';
  /** The configuration entries the BFF sends for the app (besides the person's fields). */
  appConfiguration: readonly string[];
  /** The failure lab's "missing configuration": the entry the body leaves out. */
  labOmits: (element: Pick<ElementDescriptor, 'fields'>) => string;
  /** The callback, for kinds with a consent page. */
  callback?: {
    /** What a granted callback carries, and a refused one. */
    granted: string;
    refused: string;
    /** The name of what the BFF keeps from it ("verifier", "code"), and its query parameter. */
    grantName: string;
    grantParam: string;
    /** Whether the query says the person granted access. */
    accepted: (query: CallbackQuery) => boolean;
    /** Checks the query against this browser's flow. */
    check: (
      query: CallbackQuery,
      flow: { authType: AuthType; state?: string; requestToken?: string },
    ) => CallbackVerdict;
  };
  /**
   * What `POST /instances` sends as `providerData`, from what the flow kept (`grant` is what the
   * callback brought: the verifier or the code); null when the flow has not got it yet.
   */
  providerData: (flow: {
    authType: AuthType;
    requestToken?: string;
    tokenSecret?: string;
    grant?: string;
  }) => Record<string, string> | null;
  /** Every hop of the flow, in order, templated by the element. */
  hops: (element: ElementView) => Hop[];
  /** Every secret and token of the flow, and who has seen it. */
  holds: (element: ElementView) => HoldsRow[];
  /** This kind's cell of each comparison row. */
  compare: (element: ElementView) => Record<CompareRow, string>;
  /**
   * What a flow of this kind keeps in its cookie besides what every flow keeps: the flow state
   * is refused without them (a request token's flow without its secret is no flow).
   */
  keeps: readonly FlowPart[];
  /**
   * How the authorization URL is bound to this browser's flow: by the request token it was
   * issued for (`oauth_token`), or by a random `state` alone. None for kinds without consent.
   */
  urlBinding?: 'oauth_token' | 'state';
  /** Its calls to the provider are signed (OAuth 1.0a): the tampering lab changes them. */
  signed: boolean;
  /**
   * Sandbox mode: what the sandbox files this flow's calls behind the scenes by (the request
   * token, or the code once the callback brought it); null when there is nothing to look up.
   */
  legsBy: (flow: { requestToken?: string; grant?: string }) => Record<string, string> | null;
  /** The failure lab's scenarios a flow of this kind can play. */
  scenarios: readonly Scenario[];
  /** What this kind needs of an element descriptor, as problems (none when it is fit). */
  checkElement: (element: Pick<ElementDescriptor, 'fields' | 'consent' | 'sandbox'>) => string[];
};

/** The parts of a flow's cookie only some kinds keep. */
export type FlowPart = 'state' | 'requestToken' | 'tokenSecret' | 'issuedAt';

/** A call hop; the leg follows from the two parties. */
export function call(from: Party, to: Party, label: string, step: CallStepId): Hop {
  const [a, b] = PARTIES.indexOf(from) < PARTIES.indexOf(to) ? [from, to] : [to, from];
  const leg: Leg =
    a === 'Browser'
      ? b === 'BFF'
        ? 'browser-bff'
        : 'browser-provider'
      : a === 'BFF'
        ? 'bff-ce'
        : 'ce-provider';
  return { from, to, label, kind: 'call', leg, step };
}

/** A reply hop: drawn dashed, back the way its call came. */
export const reply = (from: Party, to: Party, label: string, step: CallStepId): Hop => ({
  ...call(from, to, label, step),
  kind: 'reply',
});

/** The platform's own secrets, and what every flow produces: rows every kind shares. */
export const PLATFORM_SECRETS: HoldsRow = {
  what: 'Cloud Elements user and organization secrets',
  seen: { BFF: 'start', 'Cloud Elements': 'start' },
  why: 'Authenticate your account; only the BFF sends them.',
};
export const INSTANCE_TOKEN: HoldsRow = {
  what: 'Instance token',
  seen: { 'Cloud Elements': 'create-instance', BFF: 'create-instance', Browser: 'on-request' },
  why: 'Names the instance in later calls. The BFF keeps it in the sealed flow cookie; this page has it only when you reveal or copy it (step 5).',
};

/**
 * The hops of the OAuth kinds from the authorization URL to the accepted callback: the URL
 * checked by the BFF, the consent page (a GET), its form's answer (a POST the provider answers
 * with a redirect to the callback carrying `back`), and the callback handed to the BFF, which
 * seals what it brought (`kept`).
 */
export function consentHops(element: ElementView, back: string, kept: string): Hop[] {
  const consentPath = element.consent?.paths[0] ?? '/oauth/authorize';
  const allow = element.consent?.allow ?? 'Allow';
  return [
    call('Browser', 'BFF', 'POST /api/flow/authorize-url', 'authorize-url'),
    call('BFF', 'Cloud Elements', `GET /elements/${element.key}/oauth/url`, 'authorize-url'),
    reply('Cloud Elements', 'BFF', '200 { oauthUrl }', 'authorize-url'),
    reply('BFF', 'Browser', '200 { oauthUrl } (checked)', 'authorize-url'),
    call('Browser', 'Provider', `GET ${consentPath} (consent page)`, 'callback'),
    reply('Provider', 'Browser', '200 the consent page', 'callback'),
    call('Browser', 'Provider', `POST ${consentPath} (${allow})`, 'callback'),
    reply('Provider', 'Browser', `302 → callback?${back}`, 'callback'),
    call('Browser', 'BFF', 'POST /api/flow/callback', 'callback'),
    reply('BFF', 'Browser', `200 { accepted } (${kept} sealed in the cookie)`, 'callback'),
  ];
}

/** The hops every kind ends with: the instance, then try-it through it. */
export function instanceHops(
  element: ElementView,
  providerLeg: [string, string],
  /** How Cloud Elements authenticates its calls to the provider through the instance. */
  providerAuth: string,
): Hop[] {
  return [
    call('Browser', 'BFF', 'POST /api/flow/instance', 'create-instance'),
    call('BFF', 'Cloud Elements', 'POST /instances (User, Organization)', 'create-instance'),
    call('Cloud Elements', 'Provider', providerLeg[0], 'create-instance'),
    reply('Provider', 'Cloud Elements', providerLeg[1], 'create-instance'),
    reply('Cloud Elements', 'BFF', '200 { id, token: <INSTANCE_TOKEN> }', 'create-instance'),
    reply('BFF', 'Browser', '200 { instance } (token as <INSTANCE_TOKEN>)', 'create-instance'),
    call('Browser', 'BFF', 'POST /api/flow/try-it', 'try-it'),
    call(
      'BFF',
      'Cloud Elements',
      `GET ${element.tryIt.path} (Element: the instance token)`,
      'try-it',
    ),
    call('Cloud Elements', 'Provider', `GET ${element.tryIt.what} (${providerAuth})`, 'try-it'),
    reply('Provider', 'Cloud Elements', element.tryIt.what, 'try-it'),
    reply('Cloud Elements', 'BFF', `200 [ ${element.tryIt.what} ]`, 'try-it'),
    reply('BFF', 'Browser', '200 { items }', 'try-it'),
  ];
}
