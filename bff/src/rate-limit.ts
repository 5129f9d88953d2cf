import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { AppError } from './errors';

/**
 * Who is calling, for rate limits: the connection's address, which no client can forge; or,
 * behind `trustProxies` reverse proxies you run (TRUST_PROXY), the address the outermost of them
 * saw: counted from the right of X-Forwarded-For, where each proxy appends the address it saw.
 * The left of it is whatever the client wrote, so it is never taken; a request with fewer entries
 * than proxies did not come through them all, and is keyed on its connection.
 */
export function clientKey(c: Context, trustProxies: number): string {
  if (trustProxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustProxies];
    if (seen) return seen;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * At most `perMinute` calls per client; each flow call spends Cloud Elements quota. With
 * `failuresOnly`, only refused calls count (sign-in: a class behind one address may sign in
 * together, while guessing the code is still limited).
 */
export function rateLimit(
  perMinute: number,
  trustProxies: number,
  what: string,
  failuresOnly = false,
  shared: {
    /** Where the counts live: this process (the default), or one store for every worker. */
    store?: Store;
    /**
     * How many processes count apart: each allows its share of `perMinute` (connections are
     * dealt out in turn, so a client's total is about `perMinute`); the refusal names the whole.
     */
    shares?: number;
  } = {},
): MiddlewareHandler {
  return rateLimiter({
    ...(shared.store ? { store: shared.store } : {}),
    windowMs: 60_000,
    limit: Math.ceil(perMinute / (shared.shares ?? 1)),
    standardHeaders: 'draft-7',
    skipSuccessfulRequests: failuresOnly,
    keyGenerator: (c) => clientKey(c, trustProxies),
    handler: () => {
      throw new AppError(
        429,
        'rate_limited',
        `Too many ${what} from your address (over ${perMinute} a minute). Wait a minute, then continue.`,
      );
    },
  });
}
