import {
  type AuthType,
  CallStepIdSchema,
  ElementKeySchema,
  type FlowView,
  INSTANCE_NAME_MAX,
  KINDS,
  OAUTH_URL_MAX,
  type Progress,
  ScenarioSchema,
  TOKEN_MAX,
} from '@cew/shared';
import { z } from 'zod';

const kept = z.string().min(1).max(TOKEN_MAX);
/** A kind of authentication as the cookie names it: one of the kinds that have their row. */
const AuthTypeSchema = z.enum(Object.keys(KINDS) as [AuthType, ...AuthType[]]);
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
 * keeps no per-flow memory): only what must stay secret or binds the flow. Never an exchange or an
 * upstream body, and every field bounded, so the cookie stays one small cookie whatever upstream
 * answers or a visitor posts. The parts only some kinds keep are optional here; the flow's kind
 * says which it must have (`keeps`), so no code here or in the routes compares kinds.
 */
export const FlowStateSchema = z
  .object({
    ...common,
    authType: AuthTypeSchema,
    /** The random `state` sent upstream; the callback must bring it back. */
    state: kept.optional(),
    /** OAuth 1.0a: the request token, shown on purpose, and its secret, never shown. */
    requestToken: kept.optional(),
    tokenSecret: kept.optional(),
    /** When the request token was issued (ms since the epoch): the browser counts down its life. */
    issuedAt: z.number().int().nonnegative().optional(),
    oauthUrl: z.string().max(OAUTH_URL_MAX).optional(),
    /** Fields typed on the first step that are not secret (a subdomain, QuickBooks' scope). */
    fields: KeptFieldsSchema.optional(),
    /** What the callback brought: the verifier or the code. */
    grant: kept.optional(),
  })
  .superRefine((flow, ctx) => {
    for (const part of KINDS[flow.authType].keeps) {
      if (flow[part] === undefined) {
        ctx.addIssue({ code: 'custom', path: [part], message: `a ${flow.authType} flow keeps it` });
      }
    }
  });
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
    // The request token is the value the steps teach with: shown, with when it was issued.
    ...(flow.requestToken
      ? { requestToken: flow.requestToken, requestTokenIssuedAt: flow.issuedAt }
      : {}),
    ...(flow.oauthUrl ? { oauthUrl: flow.oauthUrl } : {}),
    ...(flow.fields && Object.keys(flow.fields).length ? { fields: flow.fields } : {}),
    instanceName: flow.instanceName,
    scenario: flow.scenario,
  };
}
