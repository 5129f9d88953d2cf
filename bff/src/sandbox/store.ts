import { randomBytes } from 'node:crypto';

/** A request token as the sandbox's Twitter remembers it. */
export type RequestToken = {
  token: string;
  secret: string;
  apiKey: string;
  callbackUrl: string;
  state: string | undefined;
  expiresAt: number;
  status: 'issued' | 'authorized' | 'denied' | 'used';
  verifier?: string;
};

export type StoredInstance = {
  id: number;
  name: string;
  token: string;
  tags: string[];
  createdDate: string;
  configuration: Record<string, string | null>;
};

export const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The sandbox's memory. Unlike the BFF it is allowed state: it plays remote services that keep
 * tokens and instances. Expired tokens are swept as new ones are issued, so memory stays bounded.
 */
export function createStore(options: { tokenTtlMs: number; now: () => number }) {
  const tokens = new Map<string, RequestToken>();
  const instances = new Map<number, StoredInstance>();
  let nextInstanceId = 1000;

  function sweep() {
    const now = options.now();
    for (const [key, token] of tokens) {
      if (token.expiresAt < now) tokens.delete(key);
    }
  }

  return {
    issueToken(apiKey: string, callbackUrl: string, state: string | undefined): RequestToken {
      sweep();
      const token: RequestToken = {
        token: randomToken(24),
        secret: randomToken(24),
        apiKey,
        callbackUrl,
        state,
        expiresAt: options.now() + options.tokenTtlMs,
        status: 'issued',
      };
      tokens.set(token.token, token);
      return token;
    },
    /** The token if it exists and has not expired. */
    findToken(token: string): RequestToken | undefined {
      const found = tokens.get(token);
      return found && found.expiresAt >= options.now() ? found : undefined;
    },
    addInstance(instance: Omit<StoredInstance, 'id'>): StoredInstance {
      const stored = { ...instance, id: nextInstanceId++ };
      instances.set(stored.id, stored);
      return stored;
    },
    findInstance: (id: number) => instances.get(id),
    findInstanceByName: (name: string) => [...instances.values()].find((i) => i.name === name),
    deleteInstance: (id: number) => instances.delete(id),
  };
}

export type SandboxStore = ReturnType<typeof createStore>;
