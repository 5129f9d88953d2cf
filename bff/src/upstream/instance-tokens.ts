import type { KnownSecret } from '../redact';

export const instanceTokenSecret = (value: string): KnownSecret => ({
  value,
  marker: '<INSTANCE_TOKEN>',
});
const isTokenKey = (key: string) => key.toLowerCase().replace(/[\s._-]+/g, '') === 'token';

/** The values under `token` keys, at any depth: the instance tokens a reply carries. */
export function tokensIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) tokensIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (isTokenKey(key) && typeof inner === 'string' && inner.length >= 4) found.push(inner);
      else tokensIn(inner, found);
    }
  }
  return found;
}

/**
 * `value` with every `token` entry (any case or separators, at any depth, also inside a string
 * that is itself JSON) replaced by `<INSTANCE_TOKEN>`: instance replies name their token so.
 */
export function hideInstanceTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideInstanceTokens);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
    try {
      return JSON.stringify(hideInstanceTokens(JSON.parse(trimmed)));
    } catch {
      return value;
    }
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isTokenKey(key) && typeof inner === 'string' ? '<INSTANCE_TOKEN>' : hideInstanceTokens(inner),
    ]),
  );
}
