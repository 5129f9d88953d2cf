import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { randomFromPool } from '../random';

/**
 * Seals a value for a cookie: JSON, encrypted and authenticated with AES-256-GCM. Encrypted, not
 * just signed, because the flow holds the request token secret. The expiry travels inside the
 * ciphertext so an old cookie can't be replayed past it. No compression: the flow state is a few
 * hundred bytes of random tokens, which do not compress, and deflating cost more CPU than it saved.
 */
const VERSION = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'cew-flow-cookie', 'aes-256-gcm key', 32));
}

export function createSealer(sessionSecret: string) {
  const key = deriveKey(sessionSecret);
  return {
    seal(value: unknown, ttlMs: number, now = Date.now()): string {
      const plain = Buffer.from(JSON.stringify({ exp: now + ttlMs, value }));
      const iv = randomFromPool(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
      return `${VERSION}.${packed}`;
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
        const parsed: unknown = JSON.parse(plain.toString());
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
