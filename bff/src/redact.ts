/**
 * Redaction: nothing that leaves the BFF may carry a secret. Two nets, because either alone leaks:
 * by known value (catches a secret wherever it was echoed: a URL, a curl line, an error message)
 * and by key name (catches secrets the BFF never knew, such as the access token secret that an
 * instance reply may echo in its configuration).
 */

/** A secret the BFF knows, with the placeholder that replaces it. */
export type KnownSecret = { value: string; marker: string };

/** Keys whose values are secret whatever they hold. Matched case-insensitively. */
const SECRET_KEYS = new Map([
  ['authorization', '<AUTHORIZATION>'],
  ['apisecret', '<TWITTER_API_SECRET>'],
  ['secret', '<REQUEST_TOKEN_SECRET>'],
  ['oauth.api.secret', '<TWITTER_API_SECRET>'],
  ['oauth.user.token.secret', '<ACCESS_TOKEN_SECRET>'],
  ['oauth_token_secret', '<TOKEN_SECRET>'],
]);

/** Cloud Elements masks secrets as asterisks on read; those are safe to show as they are. */
const ALREADY_MASKED = /^\*+$/;
const MARKER = /<[A-Z_]+>/g;
const SCHEME_WORDS = /^(?:\s|,|User|Organization|Element)*$/;

/** The forms a secret takes on the wire: as is, URL-encoded (both styles) and base64. */
function formsOf(value: string): string[] {
  const forms = new Set([
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    new URLSearchParams({ v: value }).toString().slice(2),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ]);
  return [...forms].filter((form) => form.length >= 4);
}

type Replacement = { form: string; marker: string };

const replacementsOf = (secrets: KnownSecret[]): Replacement[] =>
  secrets
    .filter((s) => s.value.length >= 4)
    .flatMap((s) => formsOf(s.value).map((form) => ({ form, marker: s.marker })));

// Longest first, so a secret that contains another is replaced whole.
const byLength = (a: Replacement, b: Replacement) => b.form.length - a.form.length;

export function createRedactor(secrets: KnownSecret[]) {
  return redactorFrom(replacementsOf(secrets).sort(byLength));
}

function redactorFrom(replacements: Replacement[]) {
  // split/join per form, not one regular expression of all forms: `with()` builds a redactor per
  // request, and compiling a fresh expression each time cost several times more than this loop.
  function redactString(text: string): string {
    let out = text;
    for (const { form, marker } of replacements) {
      if (out.includes(form)) out = out.split(form).join(marker);
    }
    return out;
  }

  function redactValue(value: unknown, key?: string): unknown {
    const keyMarker = key === undefined ? undefined : SECRET_KEYS.get(key.toLowerCase());
    if (keyMarker !== undefined && typeof value === 'string') {
      if (value === '' || ALREADY_MASKED.test(value)) return value;
      // Keep the precise markers of known secrets ("User <CE_USER_SECRET>, Organization …") only
      // when nothing but markers and scheme words is left; otherwise hide the whole value.
      const byValue = redactString(value);
      const rest = byValue.replace(MARKER, '');
      return byValue !== value && SCHEME_WORDS.test(rest) ? byValue : keyMarker;
    }
    if (typeof value === 'string') return redactString(value);
    if (Array.isArray(value)) return value.map((item) => redactValue(item));
    if (value !== null && typeof value === 'object') {
      // fromEntries, not assignment: a "__proto__" key from a parsed reply stays a plain key.
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [redactString(k), redactValue(v, k)]),
      );
    }
    return value;
  }

  return {
    /** Returns a deep copy with every secret replaced by a marker naming what was hidden. */
    redact<T>(value: T): T {
      return redactValue(value) as T;
    },
    redactString,
    /** The same redactor plus per-flow secrets; the configured ones are encoded once, not per call. */
    with(extra: KnownSecret[]) {
      return redactorFrom([...replacements, ...replacementsOf(extra)].sort(byLength));
    },
  };
}

export type Redactor = ReturnType<typeof createRedactor>;
