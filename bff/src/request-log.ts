import type { MiddlewareHandler } from 'hono';

/**
 * One line per request: id, method, path, status, time. The path only: query strings carry
 * oauth_token, oauth_verifier and the apiSecret, and never reach a log.
 *
 * By default only the API and failures are logged: a line per asset would bury them in a
 * trainer's terminal. `everything` (LOG_LEVEL=debug) logs assets and the sandbox too.
 */
export function requestLog(
  log: (line: string) => void,
  { everything = false }: { everything?: boolean } = {},
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const { path } = c.req;
    if (!everything && !path.startsWith('/api/') && c.res.status < 400) return;
    log(
      JSON.stringify({
        id: c.get('requestId'),
        method: c.req.method,
        path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      }),
    );
  };
}
