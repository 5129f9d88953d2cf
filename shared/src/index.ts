import { z } from 'zod';
import type { ElementKey } from './elements';
import type { AuthType, CallStepId } from './flow';
import { INSTANCE_NAME_MAX, TAG_MAX, TAGS_MAX, TOKEN_MAX } from './limits';

export * from './elements';
export * from './flow';

/** The calls that move a flow on, as the flow module orders them. */
export const CallStepIdSchema = z.enum([
  'request-token',
  'authorize-url',
  'callback',
  'create-instance',
  'try-it',
] satisfies CallStepId[]);

/** Failure-lab scenarios: sandbox mode only; live mode ignores them. */
export const ScenarioSchema = z.enum([
  'none',
  'cancel',
  'expired-token',
  'tampered-verifier',
  'wrong-secret',
  'missing-config',
  'ce-down',
  'ce-slow',
  'name-taken',
  'code-reused',
  'code-expired',
  'redirect-mismatch',
  'secret-in-url',
]);
export type Scenario = z.infer<typeof ScenarioSchema>;

/** The header that carries a failure-lab scenario to the sandbox; live mode never sends it. */
export const SCENARIO_HEADER = 'x-sandbox-scenario';

/**
 * One signed request Cloud Elements made to Twitter (sandbox mode only), with the signature's
 * working: secrets appear as markers such as `<TWITTER_API_SECRET>`.
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

/** The tampering lab: one input of a signed request to Twitter a learner may change. */
export const TamperInputSchema = z.strictObject({
  change: z.enum(['signature', 'timestamp', 'nonce', 'verifier']),
});
export type TamperInput = z.infer<typeof TamperInputSchema>;

/**
 * What the lab sent Twitter and what Twitter answered (sandbox mode only): the Authorization
 * header's parameters in order, the one changed (before and after), and Twitter's reply.
 */
export const TamperResultSchema = z.object({
  endpoint: z.enum(['request_token', 'access_token']),
  sent: z.array(z.tuple([z.string(), z.string()])),
  change: z.object({ name: z.string(), from: z.string(), to: z.string() }),
  status: z.number(),
  reply: z.string(),
});
export type TamperResult = z.infer<typeof TamperResultSchema>;

export const ProviderLegsSchema = z.object({
  legs: z.array(z.union([ProviderLegSchema, TokenLegSchema])),
});
export type ProviderLegs = z.infer<typeof ProviderLegsSchema>;

export type Mode = 'sandbox' | 'live';

/** What an exchange belongs to: a flow step, or instance admin. */
export type ExchangeKind = CallStepId | 'list-instances' | 'delete-instance';

/**
 * One HTTP exchange as the inspector shows it. Built and redacted by the BFF: every secret in it is
 * already replaced by a marker such as `<TWITTER_API_SECRET>` before it leaves the server.
 */
export type Exchange = {
  step: ExchangeKind;
  /** Who talked to whom, e.g. "BFF → Cloud Elements". */
  parties: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  /** null when no reply came (timeout, connection refused). */
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  durationMs: number;
  startedAt: string;
  /** The same call as a curl command in the guide's style, secrets as placeholders. */
  curl?: string;
  /** How this record was made, when not from both ends of the call (e.g. a redirect the browser saw). */
  note?: string;
};

export type ErrorCode =
  | 'bad_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'misdirected'
  | 'rate_limited'
  | 'not_found'
  | 'out_of_order'
  | 'callback_mismatch'
  | 'upstream_error'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_bad_reply'
  | 'unsafe_oauth_url'
  | 'internal';

/** Every error reply of the BFF. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** Passed through from a Cloud Elements error reply. */
    requestId?: string;
    providerMessage?: string;
    exchange?: Exchange;
  };
};

/**
 * Cloud Elements' own error shape, passed through by the BFF. Only `message` is required: a
 * malformed `requestId` or `providerMessage` is dropped rather than losing the message.
 */
export const CloudElementsErrorSchema = z.looseObject({
  requestId: z.string().optional().catch(undefined),
  message: z.string(),
  providerMessage: z.string().optional().catch(undefined),
});
export type CloudElementsError = z.infer<typeof CloudElementsErrorSchema>;

export type PublicConfig = {
  mode: Mode;
  /** The elements this server can provision (an element whose app is not configured is not). */
  elements: { key: ElementKey; authType: AuthType; apiKeyMasked: string }[];
  cloudElementsBaseUrl: string;
  callbackUrl: string;
  /** Whether the API needs the class's access code first (`POST /api/session`). */
  accessCodeRequired: boolean;
  /** The tag on every instance this wizard creates; only those can be deleted here. */
  instanceTag: string;
  /** How long the BFF waits for Cloud Elements: a step's deadline, shown while it runs. */
  upstreamTimeoutMs: number;
  /** Sandbox mode: how long its Twitter's request tokens live (real Twitter does not say). */
  requestTokenTtlMs?: number;
};

/**
 * Where this browser's flow stands, as its cookie says: never a secret, and never its exchanges
 * (each reached the browser once, in its step's reply; the browser keeps them).
 */
export type FlowView = {
  /** Names this flow, so the browser files its exchanges under the right one; null: no flow. */
  id: string | null;
  element: ElementKey | null;
  authType: AuthType;
  /** The last call completed. */
  done: CallStepId | null;
  outcome?: 'authorized' | 'denied';
  requestToken?: string;
  /** When the request token was issued (ms since the epoch). */
  requestTokenIssuedAt?: number;
  oauthUrl?: string;
  instanceName?: string;
  scenario: Scenario;
};

export const ElementKeySchema = z.enum(['twitter', 'sfdc'] satisfies ElementKey[]);

export const RequestTokenInputSchema = z.strictObject({
  scenario: ScenarioSchema.default('none'),
});

/**
 * Step 2's body: `{}` goes on with the OAuth 1.0a flow in progress; naming an OAuth 2.0 element
 * starts that element's flow, whose first call this is.
 */
export const AuthorizeUrlInputSchema = z.strictObject({
  element: ElementKeySchema.optional(),
  scenario: ScenarioSchema.default('none'),
});
export type RequestTokenInput = z.input<typeof RequestTokenInputSchema>;

const queryValue = z.string().min(1).max(512);
/** A value the flow keeps in its cookie: bounded so the cookie stays one small cookie. */
const kept = z.string().min(1).max(TOKEN_MAX);

/** The callback's query parameters, as the provider sent them to the browser. */
export const CallbackInputSchema = z.strictObject({
  // OAuth 1.0a
  oauth_token: queryValue.optional(),
  oauth_verifier: kept.optional(),
  denied: queryValue.optional(),
  // OAuth 2.0
  code: kept.optional(),
  error: queryValue.optional(),
  error_description: queryValue.optional(),
  // Both
  state: queryValue.optional(),
});
export type CallbackInput = z.infer<typeof CallbackInputSchema>;

export {
  INSTANCE_NAME_MAX,
  OAUTH_URL_MAX,
  SANDBOX_REQUEST_TOKEN_TTL_MS,
  TAG_MAX,
  TAGS_MAX,
  TOKEN_MAX,
} from './limits';

/**
 * Optional settings from Cloud Elements' common instance configuration, sent in `configuration`.
 * Cloud Elements takes every value as a string; the form sends them typed and the BFF converts.
 */
export const InstanceSettingsSchema = z
  .strictObject({
    'event.notification.enabled': z.boolean().optional(),
    'event.vendor.type': z.enum(['webhook', 'polling']).optional(),
    'event.notification.callback.url': z
      .url({ protocol: /^https$/, error: 'must be an https URL that Cloud Elements can call' })
      .max(2000)
      .optional(),
    'event.poller.refresh_interval': z
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1 minute')
      .max(1440, 'must be at most 1440 minutes (a day)')
      .optional(),
    'filter.response.nulls': z.boolean().optional(),
  })
  .refine(
    (s) => !s['event.notification.enabled'] || s['event.notification.callback.url'] !== undefined,
    {
      path: ['event.notification.callback.url'],
      message: 'is required when event notifications are enabled',
    },
  );
export type InstanceSettings = z.infer<typeof InstanceSettingsSchema>;

export const CreateInstanceInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Give the instance a name.')
    .max(INSTANCE_NAME_MAX, `Keep the name under ${INSTANCE_NAME_MAX} characters.`),
  tags: z
    .array(z.string().trim().min(1, 'Tags cannot be empty.').max(TAG_MAX))
    .max(TAGS_MAX, `Use at most ${TAGS_MAX} tags.`)
    .default([]),
  settings: InstanceSettingsSchema.optional(),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceInputSchema>;

/** The instance as Cloud Elements returns it (loosely: extra fields are kept and shown). */
export const InstanceSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  token: z.string(),
  element: z.looseObject({ key: z.string() }).optional(),
  configuration: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
});
export type Instance = z.infer<typeof InstanceSchema>;

/** A status as the social hub returns it through a Twitter instance (a subset of fields). */
export const StatusSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  created_at: z.string().optional(),
  user: z.looseObject({ screen_name: z.string().optional() }).optional(),
});
export type Status = z.infer<typeof StatusSchema>;

/** One row of the instances page: no configuration, no token. */
export type InstanceSummary = {
  id: number | string;
  name: string;
  elementKey: string;
  createdDate?: string;
  tags: string[];
};
