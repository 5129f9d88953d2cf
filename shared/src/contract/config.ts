import type { Mode } from './exchange';

/** The BFF's public settings (`GET /api/config`): never a secret, and no sign-in needed. */
export type PublicConfig = {
  mode: Mode;
  cloudElementsBaseUrl: string;
  callbackUrl: string;
  /** Whether the API needs the class's access code first (`POST /api/session`). */
  accessCodeRequired: boolean;
  /** The tag on every instance this wizard creates; only those can be deleted here. */
  instanceTag: string;
  /** How long the BFF waits for Cloud Elements: a step's deadline, shown while it runs. */
  upstreamTimeoutMs: number;
  /** Sandbox mode: how long its OAuth 1.0a provider's request tokens live (Twitter does not say). */
  requestTokenTtlMs?: number;
};

/** The live check of an element against Cloud Elements' own description of it. */
export type ElementCheck = {
  /** False when Cloud Elements describes the element otherwise than the wizard's descriptor. */
  ok: boolean;
  /** Each difference, in words a person can act on. */
  problems: string[];
};
