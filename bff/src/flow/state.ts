import {
  CallStepIdSchema,
  ELEMENTS,
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

/**
 * Everything the BFF remembers of one browser's flow, sealed in that browser's cookie (the BFF
 * keeps no per-flow memory). Only what must stay secret or binds the flow: never an exchange or
 * an upstream body, and every field bounded, so the cookie stays one small cookie whatever
 * upstream answers or a visitor posts.
 */
export const FlowStateSchema = z.object({
  /** Names the flow for the browser, which files the flow's exchanges under it. */
  id: z.string().max(32),
  element: ElementKeySchema,
  /** The last call completed (the flow module's order for the element's auth type). */
  done: CallStepIdSchema,
  outcome: z.enum(['authorized', 'denied']).optional(),
  /** The failure-lab scenario chosen at the first step (always 'none' in live mode). */
  scenario: ScenarioSchema,
  /** The random `state` sent upstream; the callback must bring it back. */
  state: kept,
  /** OAuth 1.0a: the request token and its secret. */
  requestToken: kept.optional(),
  tokenSecret: kept.optional(),
  /** When the request token was issued (ms since the epoch): the browser counts down its life. */
  issuedAt: z.number().int().nonnegative().optional(),
  oauthUrl: z.string().max(OAUTH_URL_MAX).optional(),
  /** OAuth 1.0a's verifier, or OAuth 2.0's code: what the callback brought. */
  verifier: kept.optional(),
  code: kept.optional(),
  instanceName: z.string().max(INSTANCE_NAME_MAX).optional(),
  /** The new instance's token, kept to make the "try it" call. */
  instanceToken: kept.optional(),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

export const authTypeOf = (flow: FlowState) => ELEMENTS[flow.element].authType;

export const progressOf = (flow: FlowState | null): Progress | null =>
  flow && {
    authType: authTypeOf(flow),
    done: flow.done,
    ...(flow.outcome ? { outcome: flow.outcome } : {}),
  };

/** What the browser may see: no token secret, no verifier or code, no instance token. */
export function toFlowView(flow: FlowState | null): FlowView {
  if (!flow) return { id: null, element: null, authType: 'oauth1', done: null, scenario: 'none' };
  return {
    id: flow.id,
    element: flow.element,
    authType: authTypeOf(flow),
    done: flow.done,
    outcome: flow.outcome,
    requestToken: flow.requestToken,
    requestTokenIssuedAt: flow.issuedAt,
    oauthUrl: flow.oauthUrl,
    instanceName: flow.instanceName,
    scenario: flow.scenario,
  };
}
