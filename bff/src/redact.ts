/**
 * Redaction: nothing that leaves the BFF may carry a secret. Two nets, because either alone leaks:
 * by known value (catches a secret wherever it was echoed: a URL, a curl line, an error message,
 * in any of the encodings an upstream may echo it in) and by key name (catches secrets the BFF
 * never knew, such as the access token secret that an instance reply may echo in its
 * configuration).
 */

/** A secret the BFF knows, with the placeholder that replaces it. */
export type KnownSecret = { value: string; marker: string };

/**
 * Keys whose values are secret whatever they hold, compared with case and separators removed
 * (`oauth_token_secret`, `oauthTokenSecret` and `OAuth-Token-Secret ` are one key).
 */
const SECRET_KEYS = new Map([
  ['authorization', '<AUTHORIZATION>'],
  ['apisecret', '<API_SECRET>'],
  ['secret', '<REQUEST_TOKEN_SECRET>'],
  ['oauthapisecret', '<API_SECRET>'],
  ['oauthusertokensecret', '<ACCESS_TOKEN_SECRET>'],
  ['accesstokensecret', '<ACCESS_TOKEN_SECRET>'],
  ['oauthtokensecret', '<TOKEN_SECRET>'],
  ['tokensecret', '<TOKEN_SECRET>'],
  ['clientsecret', '<CLIENT_SECRET>'],
  ['oauthusertoken', '<ACCESS_TOKEN>'],
  ['accesstoken', '<ACCESS_TOKEN>'],
  ['refreshtoken', '<REFRESH_TOKEN>'],
]);
/** Any other key ending so is a secret too: `userSecret`, `db_password`, `oauth.refresh_token`. */
const SECRET_SUFFIXES: [string, string][] = [
  ['secret', '<SECRET>'],
  ['password', '<PASSWORD>'],
  ['passwd', '<PASSWORD>'],
  ['accesstoken', '<ACCESS_TOKEN>'],
  ['refreshtoken', '<REFRESH_TOKEN>'],
];

const SEPARATORS = /[\s._-]+/g;
/** Keys repeat from reply to reply (`content-type`, `token`…): each is judged once. */
const judged = new Map<string, string | null>();
function keyMarker(key: string): string | undefined {
  let marker = judged.get(key);
  if (marker === undefined) {
    const name = key.toLowerCase().replace(SEPARATORS, '');
    marker =
      SECRET_KEYS.get(name) ??
      SECRET_SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1] ??
      null;
    // Bounded: a hostile upstream sending endless new keys cannot grow it without limit.
    if (judged.size > 10_000) judged.clear();
    judged.set(key, marker);
  }
  return marker ?? undefined;
}

/** Cloud Elements masks secrets as asterisks on read; those are safe to show as they are. */
const ALREADY_MASKED = /^\*+$/;
const MARKER = /<[A-Z_]+>/g;
const SCHEME_WORDS = /^(?:\s|,|User|Organization|Element)*$/;
const onlyMarkers = (value: string) =>
  value.includes('<') && SCHEME_WORDS.test(value.replace(MARKER, ''));

/**
 * Full groups of base64 for `value` when it starts `offset` bytes (0, 1 or 2) into what was
 * encoded: whatever surrounds it, these groups encode the same, so a secret is found anywhere
 * inside a longer base64 text, at any alignment and whatever its length.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value);
  const cores: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Groups of 3 bytes that lie wholly inside the value encode the same whatever surrounds it.
    const core = encoded.slice(offset ? 4 : 0, 4 * Math.floor((offset + bytes.length) / 3));
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/**
 * The literal forms of a secret: as is, URL-encoded, hex (either case), base64 and base64url of
 * it and of its URL-encoding, alone or anywhere inside a longer base64 text (`key:secret`).
 */
function formsOf(value: string): string[] {
  const encoded = encodeURIComponent(value);
  const hex = Buffer.from(value).toString('hex');
  const forms = new Set([
    value,
    encoded,
    encoded.replace(/%20/g, '+'),
    new URLSearchParams({ v: value }).toString().slice(2),
    hex,
    hex.toUpperCase(),
    ...[value, encoded].flatMap((text) => [
      Buffer.from(text).toString('base64'),
      Buffer.from(text).toString('base64url'),
      ...base64Cores(text),
    ]),
  ]);
  return [...forms].filter((form) => form.length >= 4);
}

const hexDigit = (digit: string) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`;
const hexPattern = (code: number, width: number) =>
  [...code.toString(16).padStart(width, '0')].map(hexDigit).join('');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** HTML's named escapes of the characters a secret may hold. */
const HTML_NAMED: Record<string, string> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
};
const HTML_CHAR = Object.fromEntries(
  Object.entries(HTML_NAMED).map(([char, name]) => [name, char]),
);

/**
 * Matches the secret with any of its characters escaped, in any mix and any case: URL-encoded
 * once or twice (`%2B`, `%2b`, `%252B`), form-encoded spaces, JSON's `\/` and `\u002b`, and
 * HTML's character references (`&#43;`, `&#x2B;`, `&amp;`).
 */
function escapedPattern(value: string): RegExp {
  const parts = [...value].map((char) => {
    const code = char.codePointAt(0) ?? 0;
    const percent = [...Buffer.from(char)].map((byte) => `%(?:25)?${hexPattern(byte, 2)}`).join('');
    const options = [escapeRegExp(char), percent];
    if (char === ' ') options.push('\\+', '%2[bB]');
    if (char === '/') options.push('\\\\/');
    if (code <= 0xffff) options.push(`\\\\u${hexPattern(code, 4)}`);
    options.push(`&#0*${code};`, `&#[xX]0*${hexPattern(code, 1)};`);
    const named = HTML_NAMED[char];
    if (named) options.push(`&${named};`);
    return `(?:${options.join('|')})`;
  });
  return new RegExp(parts.join(''), 'g');
}

type Replacement = { form: string; marker: string };
type Pattern = { value: string; marker: string; regex?: RegExp };

/**
 * A secret's forms, computed once per value: a flow's own secrets (its app's, what the person
 * typed) come back with every call of the flow, and encoding them each time was a measurable part
 * of step 1. Bounded, so a stream of new values cannot grow it without limit.
 */
const formsCache = new Map<string, string[]>();
function cachedForms(value: string): string[] {
  let forms = formsCache.get(value);
  if (!forms) {
    if (formsCache.size >= 2_000) formsCache.clear();
    forms = formsOf(value);
    formsCache.set(value, forms);
  }
  return forms;
}

const replacementsOf = (secrets: KnownSecret[]): Replacement[] =>
  secrets
    .filter((s) => s.value.length >= 4)
    .flatMap((s) => cachedForms(s.value).map((form) => ({ form, marker: s.marker })));

const patternsOf = (secrets: KnownSecret[]): Pattern[] =>
  secrets.filter((s) => s.value.length >= 4).map((s) => ({ ...s }));

// Longest first, so a secret that contains another is replaced whole.
const byLength = (a: Replacement, b: Replacement) => b.form.length - a.form.length;
const byValueLength = (a: Pattern, b: Pattern) => b.value.length - a.value.length;

/**
 * The configured secrets, compiled once: every form of every one in one expression (longest
 * first, so a secret containing another is replaced whole), and every plain value in another
 * (to find which escape-tolerant pattern to run). A text is searched once, however many secrets
 * are configured: the cost of a reply does not grow with the catalog's apps.
 */
type Compiled = {
  /** Whether a configured secret holds a space (form-encoded text then reads `+` as one). */
  spaces: boolean;
  forms: RegExp | null;
  markerOfForm: Map<string, string>;
  values: RegExp | null;
  patternOfValue: Map<string, Pattern>;
};

function compile(secrets: KnownSecret[]): Compiled {
  const replacements = replacementsOf(secrets).sort(byLength);
  const patterns = patternsOf(secrets).sort(byValueLength);
  const markerOfForm = new Map<string, string>();
  for (const { form, marker } of replacements)
    if (!markerOfForm.has(form)) markerOfForm.set(form, marker);
  const patternOfValue = new Map<string, Pattern>();
  for (const pattern of patterns)
    if (!patternOfValue.has(pattern.value)) patternOfValue.set(pattern.value, pattern);
  const alternation = (texts: string[]) =>
    texts.length ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : null;
  return {
    spaces: patterns.some((pattern) => pattern.value.includes(' ')),
    forms: alternation([...markerOfForm.keys()]),
    markerOfForm,
    values: alternation([...patternOfValue.keys()]),
    patternOfValue,
  };
}

/**
 * The literal forms already cover URL-encoding as `encodeURIComponent` writes it (upper-case
 * hex). Only text with another kind of escape can hide a secret from them: a JSON escape that
 * `unescapedForms` undoes (`\u002b`, `\/`), a double encoding (`%25`), lower-case hex (`%2b`),
 * or a letter or digit encoded though it need not be (`%52%74`: a fully encoded secret). Most
 * text has none (a curl line's `\` before a newline is not one), and skips the work.
 */
const ESCAPED =
  /\\[u/]|%25|%[0-9A-Fa-f]?[a-f]|%(?:3[0-9]|[46][1-9A-F]|[57][0-9A])|&#|&(?:amp|lt|gt|quot|apos);/;

const byteOf = (_: string, hex: string) => String.fromCharCode(Number.parseInt(hex, 16));

/** Percent-decoding with the native decoder; byte by byte where it is malformed. */
function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-fA-F]{2})/g, byteOf);
  }
}

/**
 * The text with its escapes undone (JSON's, then percent-encoding twice; with `+` read as a space
 * too when a secret has one): cheap to compute, so the costly escape-tolerant expressions run
 * only on text that really hides a secret.
 */
function unescapedForms(text: string, spaces: boolean): string[] {
  const html = text.includes('&')
    ? text
        .replace(/&#[xX]([0-9a-fA-F]+);/g, byteOf)
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
        .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => HTML_CHAR[name] ?? '')
    : text;
  const json = html.includes('\\')
    ? html.replace(/\\u([0-9a-fA-F]{4})/g, byteOf).replace(/\\\//g, '/')
    : html;
  const forms = spaces ? [json, json.replace(/\+/g, ' ')] : [json];
  return forms.map((form) => {
    const once = decodePercent(form);
    return once.includes('%') ? decodePercent(once) : once;
  });
}

/**
 * Pairs inside a string: `name=value` (a form body, a query, a message quoting a provider's reply)
 * and `"name":"value"` (JSON kept as a string). A value under a secret key name is hidden there as
 * it is in an object: tokens only the upstream knows are no safer for being quoted.
 */
const FORM_PAIR = /(^|[?&\s,;("'])([A-Za-z][\w.-]{0,63})=([^&\s"',;)]+)/g;
const JSON_PAIR = /"([^"\\]{1,64})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
const isHidden = (value: string) => ALREADY_MASKED.test(value) || onlyMarkers(value);
/**
 * Every secret key name holds one of these words (separators allowed between the letters, as
 * `keyMarker` ignores them): text without any has no pair to hide.
 */
const SECRET_WORD = new RegExp(
  ['secret', 'pass', 'token', 'authorization'].map((word) => [...word].join('[\\s._-]*')).join('|'),
  'i',
);

/**
 * Inside a string an upstream wrote, `oauth_token` is the provider's access token (a reply quoting
 * the access token call) unless it is one this flow shows on purpose (its request token, in the
 * authorization URL): as a key of an object it stays the request token the steps teach with.
 */
const QUOTED_TOKEN = 'oauthtoken';
const quotedMarker = (name: string, value: string, shown: ReadonlySet<string>) => {
  const marker = keyMarker(name);
  if (marker) return marker;
  return name.toLowerCase().replace(SEPARATORS, '') === QUOTED_TOKEN && !shown.has(value)
    ? '<ACCESS_TOKEN>'
    : undefined;
};

function hideUnderSecretKeys(text: string, shown: ReadonlySet<string>): string {
  // Most strings (a header, a date) hold no pair at all: skip them before any expression runs.
  const form = text.includes('=');
  if ((!form && !text.includes('":')) || !SECRET_WORD.test(text)) return text;
  let out = text;
  if (form) {
    out = out.replace(FORM_PAIR, (pair, lead: string, name: string, value: string) => {
      const plain = decodePercent(value);
      const marker = quotedMarker(name, plain, shown);
      return marker && !isHidden(plain) ? `${lead}${name}=${marker}` : pair;
    });
  }
  if (out.includes('":')) {
    out = out.replace(JSON_PAIR, (pair, name: string, colon: string, value: string) => {
      const marker = quotedMarker(name, value, shown);
      return marker && value !== '' && !isHidden(value) ? `"${name}"${colon}"${marker}"` : pair;
    });
  }
  return out;
}

/** A copy of a parsed object with each entry mapped; a "__proto__" key stays a plain key. */
function mapEntries(
  value: object,
  map: (key: string, item: unknown) => [string, unknown],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const [k, v] = map(key, (value as Record<string, unknown>)[key]);
    if (k === '__proto__') {
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[k] = v;
    }
  }
  return out;
}

export function createRedactor(secrets: KnownSecret[]) {
  return redactorFrom(compile(secrets), [], [], new Set());
}

/** Hides every secret it knows in what leaves the BFF; `with` adds a flow's own. */
export type Redactor = {
  /** Returns a deep copy with every secret replaced by a marker naming what was hidden. */
  redact<T>(value: T): T;
  /**
   * The same for what the BFF itself wrote (a call's URL, headers and body): only known values
   * and key names can be secret there, so pairs inside its strings are not searched.
   */
  redactOwn<T>(value: T): T;
  redactString(text: string): string;
  /** Whether a text carries a secret this redactor knows, in any form (pairs by name aside). */
  carriesKnownSecret(text: string): boolean;
  /**
   * The same redactor plus per-flow secrets (and values the flow shows on purpose); the
   * configured ones are encoded once, not per call.
   */
  with(secrets: KnownSecret[], alsoShown?: string[]): Redactor;
};

/**
 * `base` are the configured secrets, compiled once (`compile`); `extra` and `extraPatterns` are a
 * flow's own (its request token secret, its instance token, what the person typed, its app's),
 * added per request by `with()`: a handful, where compiling an expression each time would cost
 * more than the few `includes` it saves.
 */
function redactorFrom(
  base: Compiled,
  extra: Replacement[],
  extraPatterns: Pattern[],
  /** Values shown on purpose (a flow's request token): not hidden as quoted tokens. */
  shown: ReadonlySet<string>,
): Redactor {
  const spaces = [...base.patternOfValue.keys(), ...extraPatterns.map((p) => p.value)].some(
    (value) => value.includes(' '),
  );
  const markerOf = (form: string) => base.markerOfForm.get(form) ?? form;

  /** The patterns whose plain value one of the unescaped texts holds. */
  function patternsIn(unescaped: string[]): Pattern[] {
    const found = new Set<Pattern>();
    if (base.values) {
      for (const text of unescaped) {
        for (const [value] of text.matchAll(base.values)) {
          const pattern = base.patternOfValue.get(value);
          if (pattern) found.add(pattern);
        }
      }
    }
    for (const pattern of extraPatterns) {
      if (unescaped.some((text) => text.includes(pattern.value))) found.add(pattern);
    }
    return [...found].sort(byValueLength);
  }

  function redactString(text: string, inside = true): string {
    let out = text;
    // The flow's own first (a few), then every configured one in a single pass.
    for (const { form, marker } of extra) {
      if (out.includes(form)) out = out.split(form).join(marker);
    }
    if (base.forms) {
      base.forms.lastIndex = 0;
      if (base.forms.test(out)) out = out.replace(base.forms, markerOf);
    }
    if (ESCAPED.test(out)) {
      for (const pattern of patternsIn(unescapedForms(out, spaces))) {
        pattern.regex ??= escapedPattern(pattern.value);
        out = out.replace(pattern.regex, pattern.marker);
      }
    }
    return inside ? hideUnderSecretKeys(out, shown) : out;
  }

  function redactValue(value: unknown, key?: string, inside = true): unknown {
    const marker = key === undefined ? undefined : keyMarker(key);
    if (marker !== undefined && typeof value === 'string') {
      // Masked already: by Cloud Elements (asterisks), or by this redactor in an earlier pass.
      if (value === '' || ALREADY_MASKED.test(value) || onlyMarkers(value)) return value;
      // Keep the precise markers of known secrets ("User <CE_USER_SECRET>, Organization …") only
      // when nothing but markers and scheme words is left; otherwise hide the whole value.
      const byValue = redactString(value, inside);
      const rest = byValue.replace(MARKER, '');
      return byValue !== value && SCHEME_WORDS.test(rest) ? byValue : marker;
    }
    if (typeof value === 'string') return redactString(value, inside);
    // A key of digits echoed as a JSON number is the same secret.
    if (typeof value === 'number' && Number.isFinite(value) && value >= 1000) {
      const digits = String(value);
      const hidden = redactString(digits, inside);
      if (hidden !== digits) return hidden;
    }
    if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined, inside));
    if (value !== null && typeof value === 'object') {
      return mapEntries(value, (k, v) => [redactString(k, inside), redactValue(v, k, inside)]);
    }
    return value;
  }

  const redactor: Redactor = {
    redact: <T>(value: T) => redactValue(value) as T,
    redactOwn: <T>(value: T) => redactValue(value, undefined, false) as T,
    redactString: (text) => redactString(text),
    carriesKnownSecret: (text) => redactString(text, false) !== text,
    with(secrets, alsoShown = []) {
      // A configured secret (an element's app, added to every call of its flow) is in the
      // compiled expressions already: encoding it again per call is work done twice.
      const fresh = secrets.filter((secret) => !base.patternOfValue.has(secret.value));
      if (fresh.length === 0 && alsoShown.every((value) => shown.has(value))) return redactor;
      return redactorFrom(
        base,
        [...extra, ...replacementsOf(fresh)].sort(byLength),
        [...extraPatterns, ...patternsOf(fresh)].sort(byValueLength),
        alsoShown.length ? new Set([...shown, ...alsoShown]) : shown,
      );
    },
  };
  return redactor;
}
