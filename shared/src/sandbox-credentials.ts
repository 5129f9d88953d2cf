/**
 * The sandbox's published demo credentials. They are deliberately not secret (the README lists
 * them), yet the BFF treats them exactly like real secrets so sandbox mode teaches the same
 * redaction a live run gets.
 */
export const DEMO_CREDENTIALS = {
  userSecret: 'sandbox-user-secret-0000',
  orgSecret: 'sandbox-org-secret-0000',
  twitterApiKey: 'sandbox-twitter-api-key',
  twitterApiSecret: 'sandbox-twitter-api-secret',
  salesforceClientId: 'sandbox-salesforce-client-id',
  salesforceClientSecret: 'sandbox-salesforce-client-secret',
} as const;
