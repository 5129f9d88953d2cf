import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { randomFromPool } from '../random';

/**
 * Seals a value for a cookie: JSON, compressed when large, then encrypted and authenticated with
 * AES-256-GCM. Encrypted, not just signed, because the flow holds the request token secret.
 * The expiry travels inside the ciphertext so an old cookie can't be replayed past it.
 */
/** The prefix says how the plaintext was packed: deflated, or JSON as is. */
const DEFLATED = 'v1';
const PLAIN = 'p1';
/**
 * Below this many bytes of JSON the value is not compressed: a zlib stream costs more CPU to set
 * up than the few hundred cookie bytes it saves (step 1's flow is about 1 KB).
 */
const COMPRESS_FROM = 1536;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'cew-flow-cookie', 'aes-256-gcm key', 32));
}

export function createSealer(sessionSecret: string) {
  const key = deriveKey(sessionSecret);
  return {
    seal(value: unknown, ttlMs: number, now = Date.now()): string {
      const json = Buffer.from(JSON.stringify({ exp: now + ttlMs, value }));
      const deflate = json.length >= COMPRESS_FROM;
      // Level 1: a quarter of the default's CPU for a cookie only a little larger.
      const plain = deflate ? deflateRawSync(json, { level: 1 }) : json;
      const iv = randomFromPool(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
      return `${deflate ? DEFLATED : PLAIN}.${packed}`;
    },
    /** The sealed value, or null when it is tampered with, foreign, malformed or expired. */
    unseal(sealed: string, now = Date.now()): unknown {
      const [version, data] = sealed.split('.');
      if ((version !== DEFLATED && version !== PLAIN) || !data) return null;
      const raw = Buffer.from(data, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        const json =
          version === DEFLATED ? inflateRawSync(plain, { maxOutputLength: 1 << 20 }) : plain;
        const parsed: unknown = JSON.parse(json.toString());
        if (typeof parsed !== 'object' || parsed === null || !('exp' in parsed)) return null;
        if (typeof parsed.exp !== 'number' || parsed.exp < now) return null;
        return 'value' in parsed ? parsed.value : null;
      } catch {
        return null;
      }
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;
