/**
 * The sandbox's published demo credentials. They are deliberately not secret (the README lists
 * them), yet the BFF treats them exactly like real secrets so sandbox mode teaches the same
 * redaction a live run gets.
 */
export const DEMO_CREDENTIALS = {
  userSecret: 'sandbox-user-secret-0000',
  orgSecret: 'sandbox-org-secret-0000',
} as const;

/** An element's demo app in the sandbox, from its variable prefix: `sandbox-twitter-api-key`. */
export const demoApp = (env: string) => ({
  apiKey: `sandbox-${env.toLowerCase()}-api-key`,
  apiSecret: `sandbox-${env.toLowerCase()}-api-secret`,
});

/**
 * The value the sandbox's provider accepts for a field a person types, published in sandbox mode
 * (the README says so): `sandbox-freshdeskv2-username`. Derived, so every catalog element has one
 * without anyone writing it down.
 */
export const sandboxValueFor = (element: string, field: string) =>
  `sandbox-${element}-${field.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 120);

/**
 * The demo value of any field a person types for an element the sandbox plays from the catalog:
 * its app's key and secret by name, a checkbox ticked, anything else `sandboxValueFor`. The BFF
 * publishes it, and the sandbox accepts it: one rule for both.
 */
export function demoFieldValue(
  element: { key: string; env: string },
  field: { key: string; type?: string },
): string {
  if (field.key === 'oauth.api.key') return demoApp(element.env).apiKey;
  if (field.key === 'oauth.api.secret') return demoApp(element.env).apiSecret;
  return field.type === 'boolean' ? 'true' : sandboxValueFor(element.key, field.key);
}

/**
 * The one OAuth 2.0 element whose demo app the sandbox BFF does not hold: the person types the
 * app's key and secret (these demo ones) on its first step, as with a live server that has none.
 */
export const NO_DEMO_APP = 'hubspotcrm';
