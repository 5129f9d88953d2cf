// The layout reads these texts at first load: no kind is imported here (kinds load with pages).
import type { ElementView, Scenario, StepId } from '@cew/shared';

/**
 * One failure the lab can play. Its texts may say `{provider}`, `{deny}` and `{refused}`: the
 * element's provider, its consent page's refusing button, and what its kind's callback carries
 * then.
 */
export type ScenarioInfo = {
  id: Scenario;
  label: string;
  /** Which page the failure shows on: a step, or the element's first step. */
  step: StepId | 'first';
  /** What the learner will see, in one line, before choosing it. */
  preview: string;
  whatHappened: string;
  howToHandle: string;
};

/** The failure lab: each scenario makes the sandbox fail for real, through the real path. */
export const SCENARIOS: ScenarioInfo[] = [
  {
    id: 'cancel',
    label: 'The person refuses on the consent page',
    step: 'callback',
    preview: 'Press {deny} on the consent page; {provider} returns {refused} instead of consent.',
    whatHappened:
      '{provider} redirected to the callback with a refusal ({refused}) and nothing to trade. Without it, no instance can be created.',
    howToHandle:
      'Treat denied as a normal outcome, not an error: say access was not granted, keep nothing of the flow, and offer to start again.',
  },
  {
    id: 'expired-token',
    label: 'The request token expires before it is exchanged',
    step: 'create-instance',
    preview:
      '{provider} lets the request token run out before Cloud Elements trades it for an access token.',
    whatHappened:
      'Cloud Elements asked {provider} for an access token with a request token that had expired. {provider} answered “Invalid or expired token” and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Request tokens are short-lived. Do not retry the same token: start the flow again from step 1, and keep the time between consent and POST /instances short.',
  },
  {
    id: 'tampered-verifier',
    label: 'The verifier is tampered with on its way back',
    step: 'create-instance',
    preview: 'The oauth_verifier in the callback is altered, as by a broken proxy or an attacker.',
    whatHappened:
      'The callback looked normal, so the BFF accepted it, but {provider} only exchanges a request token with the exact verifier it issued. It refused the access token request and Cloud Elements answered 400.',
    howToHandle:
      'Pass the verifier through untouched and never log or cache it. If the exchange fails, the token is spoiled: start again.',
  },
  {
    id: 'wrong-secret',
    label: 'Wrong user or organization secret',
    step: 'create-instance',
    preview: 'Cloud Elements does not recognise the secrets in the Authorization header.',
    whatHappened:
      'The lab made Cloud Elements refuse the User and Organization secrets this time (yours are fine), so it answered 401 before looking at the instance, as it does for secrets it does not know.',
    howToHandle:
      'In a real app: check CE_USER_SECRET and CE_ORG_SECRET against your Cloud Elements profile page and restart the server. A 401 is not worth retrying until the configuration changes. Here: start over without the scenario.',
  },
  {
    id: 'missing-config',
    label: 'A required configuration entry is missing',
    step: 'create-instance',
    preview: 'The instance body leaves out one required configuration entry.',
    whatHappened:
      'The request body lacked a required entry of its configuration. Cloud Elements checks the required entries first and answered 400 naming the missing one.',
    howToHandle:
      'Send every required entry: for OAuth, oauth.api.key, oauth.api.secret and oauth.callback.url (the same callback as the flow started with); for your own key, the fields the element asks for. Read the message: it names every missing entry.',
  },
  {
    id: 'ce-down',
    label: 'Cloud Elements is down',
    step: 'first',
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
    preview: 'Cloud Elements answers 409 Conflict to POST /instances.',
    whatHappened:
      'Instance names are unique within an organization. Cloud Elements answered 409 Conflict and created nothing.',
    howToHandle:
      'Let the person pick another name, or look up the existing instance with GET /instances. What the consent page gave (a verifier or a code) was not used yet, but it expires soon: try again promptly.',
  },
  {
    id: 'secret-in-url',
    label: 'The authorization URL carries the client secret',
    step: 'first',
    preview:
      'Cloud Elements answers with an address that has client_secret=… in it, as its own guide’s sample does.',
    whatHappened:
      'The authorization URL goes through the browser: its address bar, history, extensions and any proxy. One carrying the client secret would leak it, so the BFF refused it with 502 and handed out nothing.',
    howToHandle:
      'Never put a client secret in a browser-bound URL. The secret belongs in the server-to-server token request only; check every authorization URL before you redirect to it.',
  },
  {
    id: 'redirect-mismatch',
    label: 'The redirect_uri does not match the registered app',
    step: 'callback',
    preview: 'The authorization URL names a redirect_uri the app did not register.',
    whatHappened:
      '{provider} compares redirect_uri with the app’s registered callback URL. They differed, so it showed its own error page (redirect_uri_mismatch) and never sent the browser back: it does not trust an unregistered address with a code.',
    howToHandle:
      'Register the exact callback URL (scheme, host, port and path) with the {provider} app, and send that same URL as callbackUrl and oauth.callback.url.',
  },
  {
    id: 'code-reused',
    label: 'The code is used twice',
    step: 'create-instance',
    preview: 'The authorization code is traded once already, as by a retried request.',
    whatHappened:
      'An authorization code is single use. Cloud Elements traded it at {provider}’s token endpoint after it had been traded once, so {provider} answered invalid_grant (“expired authorization code”) and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Never retry POST /instances with the same code: a used code is spent. Start the flow again for a new one.',
  },
  {
    id: 'code-expired',
    label: 'The code expires before it is traded',
    step: 'create-instance',
    preview: 'The authorization code runs out before Cloud Elements trades it.',
    whatHappened:
      '{provider}’s codes live for minutes. This one had expired when Cloud Elements traded it, so {provider} answered invalid_grant (“expired authorization code”) and Cloud Elements passed that on as a 400.',
    howToHandle:
      'Create the instance right after the callback. If the code has expired, start again for a new one.',
  },
  {
    id: 'wrong-key',
    label: 'The provider refuses your key',
    step: 'create-instance',
    preview: '{provider} answers 401 to the key, as it does to a revoked or mistyped one.',
    whatHappened:
      'Cloud Elements tried your key at {provider} before creating the instance. {provider} refused it, so Cloud Elements created nothing and answered 400 with {provider}’s reason in providerMessage.',
    howToHandle:
      'Tell the person their key was refused and where to find a valid one; never log the key you sent. Nothing was created, so trying again with the right key is safe.',
  },
];

export const scenarioInfo = (id: Scenario | undefined) => SCENARIOS.find((s) => s.id === id);

/** A scenario's text with the element's words in it. */
export function scenarioText(
  text: string,
  element: Pick<ElementView, 'provider' | 'consent' | 'authType'>,
  refused: string,
): string {
  return text
    .replaceAll('{provider}', element.provider)
    .replaceAll('{deny}', element.consent?.deny ?? 'Cancel')
    .replaceAll('{refused}', refused);
}
