import type { MiddlewareHandler } from 'hono';

/**
 * One line per request: id, method, path, status, time. The path only: query strings carry
 * oauth_token, oauth_verifier and the apiSecret, and never reach a log.
 */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(
      JSON.stringify({
        id: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      }),
    );
  };
}
