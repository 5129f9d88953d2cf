import { z } from 'zod';

/** Failure-lab scenarios: sandbox mode only; live mode ignores them. */
export const ScenarioSchema = z.enum([
  'none',
  'cancel',
  'expired-token',
  'tampered-verifier',
  'wrong-secret',
  'wrong-key',
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
