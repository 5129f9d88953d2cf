import type { StepId } from '@cew/shared';

/** What the advice needs to know of a failure: what the BFF said, and where it happened. */
export type Failure = {
  /** The BFF's status; 0 when no reply came. */
  status: number;
  code: string;
  /** Set when Cloud Elements passed on the provider's refusal. */
  providerMessage?: string;
};

/**
 * What a person can do about one failure, written per cause: the status and code the BFF
 * answered, and the step it happened on. One sentence or two, never the failure's own words again
 * (the message above it says what happened; this says what to do).
 */
export function adviceFor(
  failure: Failure,
  step?: StepId,
  /** The failure lab's scenario, and whether its callback lab held the callback to be edited. */
  lab: { scenario?: string; callbackHeld?: boolean } = {},
): string {
  const { scenario } = lab;
  const { status, code } = failure;
  const creating = step === 'create-instance';
  // A failure the lab injected says so first: nothing in the configuration is wrong.
  if (scenario && scenario !== 'none' && code === 'upstream_error' && status === 401) {
    return 'The failure lab made Cloud Elements refuse your secrets this time; they are fine. In a real app: check CE_USER_SECRET and CE_ORG_SECRET and restart the server. Here: start over without the scenario.';
  }
  switch (code) {
    case 'offline':
      return 'Reconnect this device to the network, then press the button again.';
    case 'browser_timeout':
      return 'Check that the wizard’s server is still running and reachable, then press the button again.';
    case 'network':
      return 'Check that the wizard’s server is still running (pnpm start), then reload this page.';
    case 'upstream_timeout':
      return creating
        ? 'Cloud Elements may have created the instance anyway: look in Your instances before you press Create instance again, or you may get two.'
        : 'Wait a moment and press the button again. If it keeps happening, check Cloud Elements’ status page, or raise UPSTREAM_TIMEOUT_MS.';
    case 'upstream_unreachable':
      return 'Check CE_BASE_URL and this server’s network connection, then press the button again.';
    case 'upstream_bad_reply':
      return 'Check that CE_BASE_URL points at Cloud Elements’ API (it ends in /elements/api-v2); the exchange shows what answered instead.';
    case 'unsafe_oauth_url':
      return 'Check CE_BASE_URL and OAUTH_ALLOWED_HOSTS in the server’s configuration, then start over.';
    case 'callback_mismatch':
      // A refused callback leaves the flow as it was: in the lab, the right values still work.
      return lab.callbackHeld
        ? 'Nothing changed in your flow: put back what the provider sent and send it again.'
        : 'Start over, and finish the consent page in this same browser without editing the address.';
    case 'out_of_order':
      // A callback sent again changes nothing: the flow goes on from where it was.
      return step === 'callback'
        ? 'Nothing changed: your flow goes on from where it was. Go on with the next step, or start over to run the flow again.'
        : 'Start over to run the flow again from step 1.';
    case 'rate_limited':
      return 'Wait a minute, then try again: this server limits how fast one person can call it.';
    case 'unauthorized':
      return 'Sign in again with the class’s access code.';
    case 'bad_request':
      return 'Correct the field named above, then try again.';
    case 'upstream_error':
      return upstreamAdvice(failure, creating);
    default:
      return status >= 500
        ? 'Try again; if it keeps happening, the wizard’s server log says why.'
        : 'Start over to run the flow again from step 1.';
  }
}

/** Cloud Elements said no: what to do depends on what it objected to. */
function upstreamAdvice({ status, providerMessage }: Failure, creating: boolean): string {
  if (status >= 500) {
    return creating
      ? 'This failure is on Cloud Elements’ side, not in your input. Look in Your instances first (it may have created the instance), then press Create instance again.'
      : 'This failure is on Cloud Elements’ side, not in your input: wait a moment, then press the button again.';
  }
  if (status === 401) {
    return 'Cloud Elements did not accept the User or Organization secret: correct CE_USER_SECRET and CE_ORG_SECRET in the server’s configuration and restart it. Retrying will not help until then.';
  }
  if (status === 403) {
    return 'Your Cloud Elements account is not allowed this call: check the account’s roles and the element’s availability to your organization.';
  }
  if (status === 404) {
    return 'Cloud Elements does not know this address: check CE_BASE_URL and the element key.';
  }
  if (status === 409 && creating) {
    return 'Type another instance name and press Create instance again: nothing was used up, the same token still works.';
  }
  if (creating && providerMessage) {
    return 'The provider refused the token exchange, and a request token or code works only once: start over for a fresh one.';
  }
  return creating
    ? 'Correct what Cloud Elements’ message names, then press Create instance again.'
    : 'Correct what Cloud Elements’ message names (usually the server’s configuration), then start over.';
}
