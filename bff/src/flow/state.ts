import { ExchangeSchema, type FlowView, ScenarioSchema, StepIdSchema } from '@cew/shared';
import { z } from 'zod';

/**
 * Everything the BFF remembers of one browser's flow. It lives only in that browser's encrypted
 * cookie (the BFF keeps no per-flow memory), so it may hold the request token secret.
 * Exchanges in it are already redacted.
 */
export const FlowStateSchema = z.object({
  /** The random `state` sent in steps 1 and 2; the callback must bring it back. */
  state: z.string(),
  step: StepIdSchema,
  requestToken: z.string(),
  tokenSecret: z.string(),
  oauthUrl: z.string().optional(),
  verifier: z.string().optional(),
  outcome: z.enum(['authorized', 'denied']).optional(),
  instanceName: z.string().optional(),
  /** The new instance's token: the browser sees it too; kept to make the "try it" call. */
  instanceToken: z.string().optional(),
  /** The failure-lab scenario chosen at step 1 (always 'none' in live mode). */
  scenario: ScenarioSchema.default('none'),
  exchanges: z.array(ExchangeSchema),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

/** What the browser may see: no token secret, no verifier. */
export function toFlowView(flow: FlowState | null): FlowView {
  if (!flow) return { step: null, scenario: 'none', exchanges: [] };
  return {
    step: flow.step,
    requestToken: flow.requestToken,
    oauthUrl: flow.oauthUrl,
    outcome: flow.outcome,
    instanceName: flow.instanceName,
    scenario: flow.scenario,
    exchanges: flow.exchanges,
  };
}
