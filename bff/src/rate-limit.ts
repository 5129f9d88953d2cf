import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError } from './errors';

/**
 * Who is calling, for rate limits: the connection's address, which no client can forge; or,
 * with TRUST_PROXY behind a reverse proxy you run, the first address of X-Forwarded-For (every
 * request would otherwise come from the proxy and share one limit).
 */
export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** At most `perMinute` calls per client; each flow call spends Cloud Elements quota. */
export function rateLimit(perMinute: number, trustProxy: boolean, what: string): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => clientKey(c, trustProxy),
    handler: () => {
      throw new AppError(
        429,
        'rate_limited',
        `Too many ${what} from your address (over ${perMinute} a minute). Wait a minute, then continue.`,
      );
    },
  });
}
