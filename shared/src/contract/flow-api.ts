import { z } from 'zod';
import type { ElementKey } from '../elements';
import type { AuthType, CallStepId } from '../flow';
import { INSTANCE_NAME_MAX, TAG_MAX, TAGS_MAX, TOKEN_MAX } from '../limits';
import { type Scenario, ScenarioSchema } from './scenarios';

export const ElementKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'an element key: lowercase letters, digits, - or _');

/** The calls that move a flow on, as the flow module orders them. */
export const CallStepIdSchema = z.enum([
  'request-token',
  'authorize-url',
  'callback',
  'create-instance',
  'try-it',
] satisfies CallStepId[]);

/**
 * Where this browser's flow stands, as its cookie says: never a secret, and never its exchanges
 * (each reached the browser once, in its step's reply; the browser keeps them).
 */
export type FlowView = {
  /** Names this flow, so the browser files its exchanges under the right one; null: no flow. */
  id: string | null;
  element: ElementKey | null;
  authType: AuthType | null;
  /** The last call completed. */
  done: CallStepId | null;
  outcome?: 'authorized' | 'denied';
  requestToken?: string;
  /** When the request token was issued (ms since the epoch). */
  requestTokenIssuedAt?: number;
  oauthUrl?: string;
  /** The fields the person typed that are not secret (a subdomain); secret ones are never kept. */
  fields?: Record<string, string>;
  instanceName?: string;
  scenario: Scenario;
};

/** What a person typed for an element's fields: checked against its descriptor by the BFF. */
const FieldValuesSchema = z.record(z.string().max(100), z.string().max(1000));

/** OAuth 1.0a's step 1: `{}` starts the first OAuth 1.0a element's flow (Twitter's). */
export const RequestTokenInputSchema = z.strictObject({
  element: ElementKeySchema,
  fields: FieldValuesSchema.default({}),
  scenario: ScenarioSchema.default('none'),
});
export type RequestTokenInput = z.input<typeof RequestTokenInputSchema>;

/**
 * Step 2's body: `{}` goes on with the OAuth 1.0a flow in progress; naming an OAuth 2.0 element
 * starts that element's flow, whose first call this is, with the fields it needs (a subdomain).
 */
export const AuthorizeUrlInputSchema = z.strictObject({
  element: ElementKeySchema.optional(),
  fields: FieldValuesSchema.default({}),
  scenario: ScenarioSchema.default('none'),
});

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

/**
 * Your own call through the instance: a read (`GET`) of the element's hub, path and query as
 * typed. Anything else is refused with the reason before anything is sent.
 */
export const HubCallInputSchema = z.strictObject({
  method: z.string().max(10),
  path: z.string().min(1).max(1000),
});

/**
 * Creating the instance. OAuth: `{name, tags, settings?}` for the flow in progress. Basic:
 * `{element, name, tags?, fields, scenario?}` starts and finishes a new flow, carrying the
 * person's own key once (the BFF never keeps it).
 */
export const CreateInstanceInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Give the instance a name.')
    .max(INSTANCE_NAME_MAX, `Keep the name under ${INSTANCE_NAME_MAX} characters.`),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Tags cannot be empty.')
        .max(TAG_MAX)
        // The wizard files each learner's instances under their own learner tag: no one picks one.
        .refine((tag) => !/^learner-/i.test(tag), 'learner-… tags are the wizard’s own to give.'),
    )
    .max(TAGS_MAX, `Use at most ${TAGS_MAX} tags.`)
    .default([]),
  settings: InstanceSettingsSchema.optional(),
  element: ElementKeySchema.optional(),
  fields: FieldValuesSchema.optional(),
  scenario: ScenarioSchema.default('none'),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceInputSchema>;
