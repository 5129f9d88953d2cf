import type { Context } from 'hono';
import type { SandboxElement } from './catalog';
import type { InstanceStore, StoredInstance } from './ce-store';

/** `POST /instances` as one kind of authentication sees it, once the common checks passed. */
export type InstanceRequest = {
  c: Context;
  element: SandboxElement;
  name: string;
  tags: string[];
  providerData: Record<string, unknown>;
  configuration: Record<string, unknown>;
  /** The failure-lab scenario, from the header (or the flow it started with). */
  scenario?: string;
};

/**
 * How the sandbox's Cloud Elements plays one kind of authentication: the `oauth/token` and
 * `oauth/url` calls where the kind has them, and the provider's part in creating an instance.
 */
export type KindPlay = {
  /** What `providerData` must carry. */
  providerFields: string[];
  /** Access is delegated by the provider: `POST /instances` without `providerData` is refused. */
  delegated: boolean;
  /**
   * The failure lab's outages (Cloud Elements down or slow) play at `POST /instances`: where it is
   * the flow's only call to Cloud Elements (the others meet them at their first call).
   */
  outagesAtInstance: boolean;
  requestToken?: (c: Context, element: SandboxElement) => Promise<Response>;
  authorizeUrl?: (c: Context, element: SandboxElement) => Promise<Response>;
  /** The new instance, or Cloud Elements' error reply. */
  createInstance: (request: InstanceRequest) => Promise<StoredInstance | Response>;
};

export type KindPlayDeps = { store: InstanceStore; now: () => number };

/** The name Cloud Elements refuses when it is taken. */
export const nameTakenMessage = (name: string) =>
  `An instance named '${name}' already exists. Choose another name.`;
