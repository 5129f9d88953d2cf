import type { Scenario } from '@cew/shared';

export type ScenarioInfo = {
  id: Scenario;
  label: string;
  /** Which page the failure shows on (step number). */
  step: number;
  /** What the learner will see, in one line, before choosing it. */
  preview: string;
  whatHappened: string;
  howToHandle: string;
};

/** The failure lab: each scenario makes the sandbox fail for real, through the real path. */
export const SCENARIOS: ScenarioInfo[] = [
  {
    id: 'cancel',
    label: 'The person cancels on the consent page',
    step: 3,
    preview: 'Press Cancel on Twitter’s page; Twitter returns denied instead of a verifier.',
    whatHappened:
      'Twitter redirected to the callback with denied=<request token> and no oauth_verifier. Without a verifier the request token can never be exchanged, so no instance can be made.',
    howToHandle:
      'Treat denied as a normal outcome, not an error: say access was not granted, keep nothing of the flow, and offer to start again.',
  },
  {
    id: 'expired-token',
    label: 'The request token expires before it is exchanged',
    step: 4,
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
    step: 4,
    preview: 'The oauth_verifier in the callback is altered, as by a broken proxy or an attacker.',
    whatHappened:
      'The callback looked normal, so the BFF accepted it, but Twitter only exchanges a request token with the exact verifier it issued. It refused the access token request and Cloud Elements answered 400.',
    howToHandle:
      'Pass the verifier through untouched and never log or cache it. If the exchange fails, the token is spoiled: start again.',
  },
  {
    id: 'wrong-secret',
    label: 'Wrong user or organization secret',
    step: 4,
    preview: 'Cloud Elements does not recognise the secrets in the Authorization header.',
    whatHappened:
      'POST /instances carried an Authorization header whose User or Organization secret Cloud Elements does not know, so it answered 401 before looking at the instance.',
    howToHandle:
      'Check CE_USER_SECRET and CE_ORG_SECRET against your Cloud Elements profile. A 401 is not worth retrying until the configuration changes.',
  },
  {
    id: 'missing-config',
    label: 'A required configuration entry is missing',
    step: 4,
    preview: 'The instance body leaves out oauth.callback.url.',
    whatHappened:
      'The request body had no oauth.callback.url in its configuration. Cloud Elements checks the required entries first and answered 400 naming the missing one.',
    howToHandle:
      'Send oauth.api.key, oauth.api.secret and oauth.callback.url (the same callback as in step 2). Read the message: it names every missing entry.',
  },
  {
    id: 'ce-down',
    label: 'Cloud Elements is down',
    step: 1,
    preview: 'Cloud Elements answers 500 to the first call.',
    whatHappened:
      'Cloud Elements answered 500. That is its failure, not yours, so the BFF turned it into a 502 Bad Gateway for the browser.',
    howToHandle:
      'Show that the service is unavailable, retry later with backoff, and never retry step 4 blindly: it may have created the instance.',
  },
  {
    id: 'ce-slow',
    label: 'Cloud Elements is slow',
    step: 1,
    preview: 'Cloud Elements takes longer than the BFF’s timeout to answer.',
    whatHappened:
      'Cloud Elements did not answer within UPSTREAM_TIMEOUT_MS, so the BFF stopped waiting and answered 504 Gateway Timeout instead of hanging.',
    howToHandle:
      'Always set a timeout on upstream calls (Node’s fetch waits minutes by default) and tell the person to try again.',
  },
  {
    id: 'name-taken',
    label: 'An instance with that name already exists',
    step: 4,
    preview: 'Cloud Elements answers 409 Conflict to POST /instances.',
    whatHappened:
      'Instance names are unique within an organization. Cloud Elements answered 409 Conflict and created nothing.',
    howToHandle:
      'Let the person pick another name, or look up the existing instance with GET /instances. The request token was not used, but it expires soon.',
  },
];

export const scenarioInfo = (id: Scenario | undefined) => SCENARIOS.find((s) => s.id === id);
