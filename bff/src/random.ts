import { randomBytes } from 'node:crypto';

/**
 * Cryptographically random bytes from a pooled buffer: one `randomBytes` call serves many small
 * draws (IVs, flow states), as Node's own `randomUUID` does. Each byte is handed out once.
 */
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

export function randomFromPool(bytes: number): Buffer {
  if (bytes > POOL_BYTES) return randomBytes(bytes);
  if (offset + bytes > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + bytes);
  offset += bytes;
  return out;
}

/** A random token for URLs and cookies, e.g. a flow's `state`. */
export const randomToken = (bytes: number) => randomFromPool(bytes).toString('base64url');
