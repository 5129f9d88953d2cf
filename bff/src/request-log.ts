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

/** Past this many characters waiting, the lines leave at once rather than at the turn's end. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * Log lines leave in one write per turn of the event loop. Each `process.stdout.write` to a file,
 * a pipe or /dev/null is a synchronous system call on Linux, and on a machine with page-table
 * isolation a system call costs as much as a good part of a request (a CPU profile of step 1 under
 * load put the log's write at ~6 % of the server's time, with a reply of 1 KiB in it): under load
 * one turn serves many requests, and their lines now share one call. A line is written before the
 * loop next waits for I/O (setImmediate); `flush` writes what is waiting (the process calls it as
 * it exits).
 */
export function lineWriter(write: (text: string) => void) {
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  const writeLine = (line: string) => {
    if (!pending) setImmediate(flush);
    pending += `${line}\n`;
    if (pending.length > MAX_PENDING_CHARS) flush();
  };
  return { writeLine, flush };
}
