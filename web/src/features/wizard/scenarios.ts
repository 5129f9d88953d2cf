import type { ElementKey, Scenario, StepId } from '@cew/shared';

export type ScenarioInfo = {
  id: Scenario;
  label: string;
  /** Which page the failure shows on: a step, or the element's first step. */
  step: StepId | 'first';
  /** The elements whose flow can fail this way. */
  elements: ElementKey[];
  /** What the learner will see, in one line, before choosing it. */
  preview: string;
  whatHappened: string;
  howToHandle: string;
};

const BOTH: ElementKey[] = ['twitter', 'sfdc'];
const TWITTER: ElementKey[] = ['twitter'];
const SALESFORCE: ElementKey[] = ['sfdc'];

/** The failure lab: each scenario makes the sandbox fail for real, through the real path. */
export const SCENARIOS: ScenarioInfo[] = [
  {
    id: 'cancel',
    label: 'The person refuses on the consent page',
    step: 'callback',
    elements: BOTH,
    preview:
      'Press Cancel (Twitter) or Deny (Salesforce); the provider returns denied=… (OAuth 1.0a) or error=access_denied (OAuth 2.0) instead of a verifier or a code.',
    whatHappened:
      'The provider redirected to the callback with a refusal (denied=<request token> in OAuth 1.0a, error=access_denied in OAuth 2.0) and no verifier or code. Without one, nothing can be traded for an instance.',
    howToHandle:
      'Treat denied as a normal outcome, not an error: say access was not granted, keep nothing of the flow, and offer to start again.',
  },
  {
    id: 'expired-token',
    label: 'The request token expires before it is exchanged',
    step: 'create-instance',
    elements: TWITTER,
    preview:
      'Twitter lets the request token run out before Cloud Elements trades it for an access token.',
    whatHappened:
      'Cloud Elements asked Twitter for an access token with a request token that had expired. Twitter answered “Invalid or expired token” and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Request tokens are short-lived. Do not retry the same token: start the flow again from step 1, and keep the time between consent and POST /instances short.',
  },
  {
    id: 'tampered-verifier',
    label: 'The verifier is tampered with on its way back',
    step: 'create-instance',
    elements: TWITTER,
    preview: 'The oauth_verifier in the callback is altered, as by a broken proxy or an attacker.',
    whatHappened:
      'The callback looked normal, so the BFF accepted it, but Twitter only exchanges a request token with the exact verifier it issued. It refused the access token request and Cloud Elements answered 400.',
    howToHandle:
      'Pass the verifier through untouched and never log or cache it. If the exchange fails, the token is spoiled: start again.',
  },
  {
    id: 'wrong-secret',
    label: 'Wrong user or organization secret',
    step: 'create-instance',
    elements: BOTH,
    preview: 'Cloud Elements does not recognise the secrets in the Authorization header.',
    whatHappened:
      'POST /instances carried an Authorization header whose User or Organization secret Cloud Elements does not know, so it answered 401 before looking at the instance.',
    howToHandle:
      'Check CE_USER_SECRET and CE_ORG_SECRET against your Cloud Elements profile. A 401 is not worth retrying until the configuration changes.',
  },
  {
    id: 'missing-config',
    label: 'A required configuration entry is missing',
    step: 'create-instance',
    elements: BOTH,
    preview: 'The instance body leaves out oauth.callback.url.',
    whatHappened:
      'The request body had no oauth.callback.url in its configuration. Cloud Elements checks the required entries first and answered 400 naming the missing one.',
    howToHandle:
      'Send oauth.api.key, oauth.api.secret and oauth.callback.url (the same callback as in step 2). Read the message: it names every missing entry.',
  },
  {
    id: 'ce-down',
    label: 'Cloud Elements is down',
    step: 'first',
    elements: BOTH,
    preview: 'Cloud Elements answers 500 to the first call.',
    whatHappened:
      'Cloud Elements answered 500. That is its failure, not yours, so the BFF turned it into a 502 Bad Gateway for the browser.',
    howToHandle:
      'Show that the service is unavailable, retry later with backoff, and never retry step 4 blindly: it may have created the instance.',
  },
  {
    id: 'ce-slow',
    label: 'Cloud Elements is slow',
    step: 'first',
    elements: BOTH,
    preview: 'Cloud Elements takes longer than the BFF’s timeout to answer.',
    whatHappened:
      'Cloud Elements did not answer within UPSTREAM_TIMEOUT_MS, so the BFF stopped waiting and answered 504 Gateway Timeout instead of hanging.',
    howToHandle:
      'Always set a timeout on upstream calls (Node’s fetch waits minutes by default) and tell the person to try again.',
  },
  {
    id: 'name-taken',
    label: 'An instance with that name already exists',
    step: 'create-instance',
    elements: BOTH,
    preview: 'Cloud Elements answers 409 Conflict to POST /instances.',
    whatHappened:
      'Instance names are unique within an organization. Cloud Elements answered 409 Conflict and created nothing.',
    howToHandle:
      'Let the person pick another name, or look up the existing instance with GET /instances. The request token was not used, but it expires soon.',
  },
  {
    id: 'secret-in-url',
    label: 'The authorization URL carries the client secret',
    step: 'first',
    elements: SALESFORCE,
    preview:
      'Cloud Elements answers with an address that has client_secret=… in it, as its own guide’s sample does.',
    whatHappened:
      'The authorization URL goes through the browser: its address bar, history, extensions and any proxy. One carrying the client secret would leak it, so the BFF refused it with 502 and handed out nothing.',
    howToHandle:
      'Never put a client secret in a browser-bound URL. The secret belongs in the server-to-server token request only; check every authorization URL before you redirect to it.',
  },
  {
    id: 'redirect-mismatch',
    label: 'The redirect_uri does not match the connected app',
    step: 'callback',
    elements: SALESFORCE,
    preview: 'The authorization URL names a redirect_uri the connected app did not register.',
    whatHappened:
      'Salesforce compares redirect_uri with the connected app’s callback URL. They differed, so it showed its own error page (redirect_uri_mismatch) and never sent the browser back: it does not trust an unregistered address with a code.',
    howToHandle:
      'Register the exact callback URL (scheme, host, port and path) in the connected app, and send that same URL as callbackUrl and oauth.callback.url.',
  },
  {
    id: 'code-reused',
    label: 'The code is used twice',
    step: 'create-instance',
    elements: SALESFORCE,
    preview: 'The authorization code is traded once already, as by a retried request.',
    whatHappened:
      'An authorization code is single use. Cloud Elements traded it at Salesforce’s token endpoint after it had been traded once, so Salesforce answered invalid_grant (“expired authorization code”) and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Never retry POST /instances with the same code: a used code is spent. Start the flow again for a new one.',
  },
  {
    id: 'code-expired',
    label: 'The code expires before it is traded',
    step: 'create-instance',
    elements: SALESFORCE,
    preview: 'The authorization code runs out before Cloud Elements trades it.',
    whatHappened:
      'Salesforce’s codes live for minutes. This one had expired when Cloud Elements traded it, so Salesforce answered invalid_grant (“expired authorization code”) and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Create the instance right after the callback. If the code has expired, start again for a new one.',
  },
];

/** The scenarios an element's flow can play. */
export const scenariosFor = (element: ElementKey) =>
  SCENARIOS.filter((scenario) => scenario.elements.includes(element));

export const scenarioInfo = (id: Scenario | undefined) => SCENARIOS.find((s) => s.id === id);
