import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError } from './errors';

/**
 * Limits the flow's calls per client, keyed by the connection's address (not a forwarded header,
 * which any client can forge). Each call spends Cloud Elements quota and mints upstream tokens.
 */
export function flowRateLimit(perMinute: number): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown';
      }
    },
    handler: () => {
      throw new AppError(
        429,
        'rate_limited',
        `Too many requests from your address (over ${perMinute} a minute). Wait a minute, then continue.`,
      );
    },
  });
}
