import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Seals a value for a cookie: JSON, compressed, then encrypted and authenticated with
 * AES-256-GCM. Encrypted, not just signed, because the flow holds the request token secret.
 * The expiry travels inside the ciphertext so an old cookie can't be replayed past it.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'cew-flow-cookie', 'aes-256-gcm key', 32));
}

export function createSealer(sessionSecret: string) {
  const key = deriveKey(sessionSecret);
  return {
    seal(value: unknown, ttlMs: number, now = Date.now()): string {
      // Level 1: a quarter of the default's CPU for a cookie only a little larger.
      const plain = deflateRawSync(JSON.stringify({ exp: now + ttlMs, value }), { level: 1 });
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    /** The sealed value, or null when it is tampered with, foreign, malformed or expired. */
    unseal(sealed: string, now = Date.now()): unknown {
      const [version, data] = sealed.split('.');
      if (version !== VERSION || !data) return null;
      const raw = Buffer.from(data, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        const parsed: unknown = JSON.parse(
          inflateRawSync(plain, { maxOutputLength: 1 << 20 }).toString(),
        );
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
