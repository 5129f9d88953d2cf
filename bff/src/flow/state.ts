import {
  CallStepIdSchema,
  ElementKeySchema,
  type FlowView,
  INSTANCE_NAME_MAX,
  OAUTH_URL_MAX,
  type Progress,
  ScenarioSchema,
  TOKEN_MAX,
} from '@cew/shared';
import { z } from 'zod';

const kept = z.string().min(1).max(TOKEN_MAX);
/** A typed secret's longest value, and how many a flow keeps (the cookie must stay under 4 KB). */
export const TYPED_SECRET_MAX = 256;
export const TYPED_SECRETS_MAX = 3;

/** What every flow keeps, whatever its kind of authentication. */
const common = {
  /** Names the flow for the browser, which files the flow's exchanges under it. */
  id: z.string().max(32),
  element: ElementKeySchema,
  /** The last call completed (the flow module's order for the element's auth type). */
  done: CallStepIdSchema,
  outcome: z.enum(['authorized', 'denied']).optional(),
  /** The failure-lab scenario chosen at the first step (always 'none' in live mode). */
  scenario: ScenarioSchema,
  instanceName: z.string().max(INSTANCE_NAME_MAX).optional(),
  /** The new instance's token, kept to make the "try it" call. */
  instanceToken: kept.optional(),
  /**
   * The secrets the person typed (an app secret, a basic key, a custom token), each with its
   * marker: kept sealed for the life of the flow only so every reply that echoes one hides it,
   * and so a typed app can finish the flow. Bounded, so the cookie stays one small cookie.
   */
  secrets: z
    .array(z.tuple([z.string().max(64), z.string().min(1).max(TYPED_SECRET_MAX)]))
    .max(TYPED_SECRETS_MAX)
    .optional(),
};

/**
 * The fields the person typed that are not secret (a subdomain): needed again at the callback and
 * at `POST /instances`. Secret ones are kept apart, in `secrets`.
 */
export const KEPT_FIELDS_MAX = 8;
export const KEPT_FIELD_MAX = 256;
const KeptFieldsSchema = z
  .record(z.string().max(100), z.string().max(KEPT_FIELD_MAX))
  .refine((fields) => Object.keys(fields).length <= KEPT_FIELDS_MAX, 'at most eight fields');

/**
 * Everything the BFF remembers of one browser's flow, sealed in that browser's cookie (the BFF
 * keeps no per-flow memory): a union by kind of authentication, each with only what must stay
 * secret or binds the flow. Never an exchange or an upstream body, and every field bounded, so
 * the cookie stays one small cookie whatever upstream answers or a visitor posts.
 */
export const FlowStateSchema = z.discriminatedUnion('authType', [
  z.object({
    ...common,
    authType: z.literal('oauth1'),
    /** The random `state` sent upstream; the callback must bring it back. */
    state: kept,
    requestToken: kept,
    tokenSecret: kept,
    /** When the request token was issued (ms since the epoch): the browser counts down its life. */
    issuedAt: z.number().int().nonnegative(),
    oauthUrl: z.string().max(OAUTH_URL_MAX).optional(),
    /** Fields typed on the first step that are not secret (QuickBooks' scope). */
    fields: KeptFieldsSchema.optional(),
    /** What the callback brought: the verifier. */
    grant: kept.optional(),
  }),
  z.object({
    ...common,
    authType: z.literal('oauth2'),
    state: kept,
    fields: KeptFieldsSchema,
    oauthUrl: z.string().max(OAUTH_URL_MAX).optional(),
    /** What the callback brought: the code. */
    grant: kept.optional(),
  }),
  z.object({
    ...common,
    authType: z.literal('basic'),
    fields: KeptFieldsSchema,
  }),
]);
export type FlowState = z.infer<typeof FlowStateSchema>;

export const progressOf = (flow: FlowState | null): Progress | null =>
  flow && {
    authType: flow.authType,
    done: flow.done,
    ...(flow.outcome ? { outcome: flow.outcome } : {}),
  };

/** What the browser may see: no token secret, no verifier or code, no instance token. */
export function toFlowView(flow: FlowState | null): FlowView {
  if (!flow) return { id: null, element: null, authType: null, done: null, scenario: 'none' };
  return {
    id: flow.id,
    element: flow.element,
    authType: flow.authType,
    done: flow.done,
    outcome: flow.outcome,
    ...(flow.authType === 'oauth1'
      ? {
          requestToken: flow.requestToken,
          requestTokenIssuedAt: flow.issuedAt,
          oauthUrl: flow.oauthUrl,
        }
      : {}),
    ...(flow.authType === 'oauth2' ? { oauthUrl: flow.oauthUrl } : {}),
    ...(flow.authType !== 'oauth1' && Object.keys(flow.fields).length
      ? { fields: flow.fields }
      : {}),
    instanceName: flow.instanceName,
    scenario: flow.scenario,
  };
}
