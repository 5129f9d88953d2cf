import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

/**
 * Cross-site request defence for the API: the SPA and the BFF share one origin, so any
 * state-changing request from elsewhere is refused, and POSTs must be JSON (a cross-site form
 * cannot send that without a CORS preflight, which this server never answers).
 */
export function apiGuard(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if (
        (site && site !== 'same-origin' && site !== 'none') ||
        (origin && origin !== publicOrigin)
      ) {
        throw new AppError(
          403,
          'forbidden',
          'Cross-site requests are refused. Use the wizard itself.',
        );
      }
      if (
        c.req.method === 'POST' &&
        !c.req.header('content-type')?.startsWith('application/json')
      ) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'Send the request body as application/json.',
        );
      }
    }
    c.header('cache-control', 'no-store');
    await next();
  };
}
