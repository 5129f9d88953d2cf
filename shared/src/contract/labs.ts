import { z } from 'zod';

/**
 * One signed request Cloud Elements made to the OAuth 1.0a provider (sandbox mode only), with the
 * signature's working: secrets appear as markers such as `<TWITTER_API_SECRET>`.
 */
export const ProviderLegSchema = z.object({
  name: z.enum(['request_token', 'access_token']),
  method: z.string(),
  url: z.string(),
  /** The oauth_* parameters of the Authorization header, in the order sent. */
  oauthParams: z.array(z.tuple([z.string(), z.string()])),
  /** Every signed parameter, encoded, sorted and joined. */
  normalizedParameters: z.string(),
  baseString: z.string(),
  /** How the key was composed, e.g. `<TWITTER_API_SECRET>&<REQUEST_TOKEN_SECRET>`. */
  signingKey: z.string(),
  signature: z.string(),
  status: z.number(),
  responseBody: z.string(),
  at: z.string(),
});
export type ProviderLeg = z.infer<typeof ProviderLegSchema>;

/**
 * OAuth 2.0's one leg behind the scenes: Cloud Elements trading the code at the provider's token
 * endpoint (sandbox mode only); the client secret, the code and the tokens appear as markers.
 */
export const TokenLegSchema = z.object({
  name: z.literal('token'),
  method: z.string(),
  url: z.string(),
  /** The form fields sent, in order. */
  form: z.array(z.tuple([z.string(), z.string()])),
  status: z.number(),
  responseBody: z.string(),
  at: z.string(),
});
export type TokenLeg = z.infer<typeof TokenLegSchema>;

export const ProviderLegsSchema = z.object({
  legs: z.array(z.union([ProviderLegSchema, TokenLegSchema])),
});
export type ProviderLegs = z.infer<typeof ProviderLegsSchema>;

/** The tampering lab: one input of a signed request to the provider a learner may change. */
export const TamperInputSchema = z.strictObject({
  change: z.enum(['signature', 'timestamp', 'nonce', 'verifier']),
});
export type TamperInput = z.infer<typeof TamperInputSchema>;

/**
 * What the lab sent the provider and what it answered (sandbox mode only): the Authorization
 * header's parameters in order, the one changed (before and after), and the provider's reply.
 */
export const TamperResultSchema = z.object({
  endpoint: z.enum(['request_token', 'access_token']),
  sent: z.array(z.tuple([z.string(), z.string()])),
  change: z.object({ name: z.string(), from: z.string(), to: z.string() }),
  status: z.number(),
  reply: z.string(),
});
export type TamperResult = z.infer<typeof TamperResultSchema>;
