import { describe, expect, it } from 'vitest';
import { createSealer } from './seal';

const sealer = createSealer('a'.repeat(32));
const flow = { tokenSecret: 'the-request-token-secret', step: 'request-token' };

describe('sealer', () => {
  it('round-trips a value', () => {
    expect(sealer.unseal(sealer.seal(flow, 60_000))).toEqual(flow);
  });

  it('refuses a value sealed by an earlier version of the format', () => {
    const sealed = sealer.seal(flow, 60_000);
    expect(sealed.startsWith('v2.')).toBe(true);
    expect(sealer.unseal(`v1.${sealed.slice(3)}`)).toBeNull();
  });

  it('never repeats an IV: the same value seals differently every time', () => {
    const ivs = new Set(
      Array.from({ length: 2_000 }, () =>
        Buffer.from(sealer.seal(flow, 60_000).slice(3), 'base64url')
          .subarray(0, 12)
          .toString('hex'),
      ),
    );
    expect(ivs.size).toBe(2_000);
  });

  it('encrypts: the sealed text carries no trace of the secret', () => {
    const sealed = sealer.seal(flow, 60_000);
    for (const form of [flow.tokenSecret, Buffer.from(flow.tokenSecret).toString('base64url')]) {
      expect(sealed).not.toContain(form);
    }
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('secret');
  });

  it('refuses a tampered value', () => {
    const sealed = sealer.seal(flow, 60_000);
    const at = sealed.length - 5;
    const flipped = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(sealer.unseal(flipped)).toBeNull();
  });

  it('refuses a value sealed with another SESSION_SECRET', () => {
    const other = createSealer('b'.repeat(32));
    expect(other.unseal(sealer.seal(flow, 60_000))).toBeNull();
  });

  it('refuses a value after its expiry', () => {
    const sealed = sealer.seal(flow, 1_000, 1_000_000);
    expect(sealer.unseal(sealed, 1_000_500)).toEqual(flow);
    expect(sealer.unseal(sealed, 1_001_001)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    for (const junk of ['', 'v2.', 'v2.!!!', 'v3.abc', 'v2.AAAA', 'p1.AAAA', 'x'.repeat(5000)]) {
      expect(sealer.unseal(junk)).toBeNull();
    }
  });
});
