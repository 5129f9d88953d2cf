import { randomBytes } from 'node:crypto';
import { SCENARIO_HEADER } from '@cew/shared';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Cloud Elements' error shape: `{"requestId","message"}`, sometimes with `providerMessage`. */
export function ceError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  providerMessage?: string,
) {
  const requestId = randomBytes(12).toString('hex');
  return c.json({ requestId, message, ...(providerMessage ? { providerMessage } : {}) }, status);
}

export const BAD_SECRETS =
  'Invalid Organization or User secret, or invalid Element token provided.';

/** Cloud Elements' message naming every missing query parameter, or null when none is. */
export function missingQuery(query: Record<string, string>, names: string[]): string | null {
  const missing = names.filter((name) => !query[name]);
  return missing.length ? `Missing required query parameter(s): ${missing.join(', ')}` : null;
}

/** "User x, Organization y[, Element z]" in any order → { User: x, Organization: y, … }. */
export function parseCeAuthorization(header: string | undefined): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*(User|Organization|Element)\s+(\S+)\s*$/.exec(part);
    if (match?.[1] && match[2]) parts[match[1]] = match[2];
  }
  return parts;
}

export const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The failure lab's "Cloud Elements is down / slow", for the first call of a flow. */
export async function outage(c: Context) {
  const scenario = c.req.header(SCENARIO_HEADER);
  if (scenario === 'ce-down')
    return ceError(c, 500, 'Internal Server Error. Please try again later.');
  if (scenario === 'ce-slow') {
    // Far longer than any sensible client timeout; ends early when the client gives up.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 120_000);
      c.req.raw.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return ceError(c, 500, 'The request took too long.');
  }
  return null;
}

/** `a=1&oauth_token_secret=x` with each secret value replaced by its marker, for the inspector. */
export function maskFormBody(body: string, markers: Record<string, string>): string {
  return body
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      return name in markers ? `${name}=${markers[name]}` : pair;
    })
    .join('&');
}
