import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * OAuth 1.0a HMAC-SHA1 signing (RFC 5849 §3.4), used by the sandbox's Cloud Elements to sign and
 * by the sandbox's Twitter to verify. Every intermediate value is returned so a learner can check
 * each step: the normalized parameters, the base string, the key, the signature.
 */

/** RFC 3986 percent-encoding: everything but unreserved characters, uppercase hex (§3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export type Param = [name: string, value: string];

/** §3.4.1.2: scheme and host lowercased, default port dropped, no query or fragment. */
export function baseStringUri(url: string): string {
  const parsed = new URL(url);
  const defaultPort =
    (parsed.protocol === 'http:' && parsed.port === '80') ||
    (parsed.protocol === 'https:' && parsed.port === '443');
  const port = parsed.port && !defaultPort ? `:${parsed.port}` : '';
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}${port}${parsed.pathname}`;
}

/** §3.4.1.3.2: encode each name and value, sort by name then value, join with & and =. */
export function normalizeParameters(params: Param[]): string {
  return params
    .map(([name, value]): Param => [percentEncode(name), percentEncode(value)])
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * The parameters that are signed: the URL's query, a form body's, and the oauth_* protocol
 * parameters (without oauth_signature and realm), repeated and empty ones kept (§3.4.1.3.1).
 */
export function collectParameters(url: string, oauth: Param[], formBody: Param[] = []): Param[] {
  const query = [...new URL(url).searchParams] as Param[];
  const protocol = oauth.filter(([name]) => name !== 'oauth_signature' && name !== 'realm');
  return [...query, ...formBody, ...protocol];
}

export function signatureBaseString(method: string, url: string, params: Param[]): string {
  return [method.toUpperCase(), baseStringUri(url), normalizeParameters(params)]
    .map(percentEncode)
    .join('&');
}

/** §3.4.2: the key is the encoded consumer secret and token secret joined by & (even if empty). */
export function signingKey(consumerSecret: string, tokenSecret = ''): string {
  return `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
}

export function hmacSha1(baseString: string, key: string): string {
  return createHmac('sha1', key).update(baseString).digest('base64');
}

export type SignatureWork = {
  parameters: string;
  baseString: string;
  signature: string;
};

/** Signs a request, returning the work shown to learners along with the signature. */
export function sign(input: {
  method: string;
  url: string;
  oauth: Param[];
  formBody?: Param[];
  consumerSecret: string;
  tokenSecret?: string;
}): SignatureWork {
  const params = collectParameters(input.url, input.oauth, input.formBody);
  const baseString = signatureBaseString(input.method, input.url, params);
  return {
    parameters: normalizeParameters(params),
    baseString,
    signature: hmacSha1(baseString, signingKey(input.consumerSecret, input.tokenSecret)),
  };
}

/** `Authorization: OAuth k="v", …` with every name and value percent-encoded (§3.5.1). */
export function authorizationHeader(oauth: Param[]): string {
  return `OAuth ${oauth.map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`).join(', ')}`;
}

/** Parses an OAuth Authorization header; null when it is not one. */
export function parseAuthorizationHeader(header: string | undefined): Param[] | null {
  if (!header?.startsWith('OAuth ')) return null;
  const params: Param[] = [];
  for (const part of header.slice(6).split(',')) {
    const match = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (!match?.[1] || match[2] === undefined) return null;
    try {
      params.push([decodeURIComponent(match[1]), decodeURIComponent(match[2])]);
    } catch {
      return null;
    }
  }
  return params;
}

/** Constant-time comparison of two signatures. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
