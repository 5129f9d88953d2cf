import type { Exchange, FlowView } from '@cew/shared';

/** A value that travels between steps, and how to say where. */
export type TravellingValue = { value: string; name: string; route: string; tone: string };

/**
 * The values that link the steps together. Wherever one appears in an exchange it is marked
 * with its tone and a note of its route, so a learner sees the same token move from call to call.
 */
export function travellingValues(
  flow: FlowView | undefined,
  exchanges: Exchange[],
): TravellingValue[] {
  const values: TravellingValue[] = [];
  if (flow?.requestToken) {
    values.push({
      value: flow.requestToken,
      name: 'request token',
      route:
        'step 1 token → step 2 requestToken → consent page → callback oauth_token → step 4 providerData.oauth_token',
      tone: 'a',
    });
  }
  // The browser's accepted callback call carries what the provider's redirect brought.
  const callback = exchanges.find((e) => e.step === 'callback' && e.status === 200);
  const sent = callback?.requestBody as { oauth_verifier?: unknown } | undefined;
  const verifier = typeof sent?.oauth_verifier === 'string' ? sent.oauth_verifier : null;
  if (verifier) {
    values.push({
      value: verifier,
      name: 'verifier',
      route:
        'redirect to the callback → callback oauth_verifier → step 4 providerData.oauth_verifier',
      tone: 'b',
    });
  }
  values.push({
    value: '<REQUEST_TOKEN_SECRET>',
    name: 'request token secret',
    route:
      'step 1 secret → (sealed by the BFF in the flow cookie, which the browser carries unread) → step 4 providerData.secret',
    tone: 'c',
  });
  return values.filter((v) => v.value.length >= 6);
}
