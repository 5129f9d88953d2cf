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
