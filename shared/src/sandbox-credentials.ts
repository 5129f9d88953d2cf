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
 * The one OAuth 2.0 element whose demo app the sandbox BFF does not hold: the person types the
 * app's key and secret (these demo ones) on its first step, as with a live server that has none.
 */
export const NO_DEMO_APP = 'hubspotcrm';
