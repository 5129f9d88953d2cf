import type { Context, MiddlewareHandler } from 'hono';

/**
 * Deadlines for whole upstream calls, kept by one coarse sweep: a reply body still being read
 * when its call's time is up is destroyed with a TimeoutError. (undici's own body timeout restarts
 * with every chunk, so a body trickling in a byte at a time would never end; an AbortSignal per
 * call, or a timer per call, cost more than a tenth of step 1's CPU.) A deadline fires within
 * SWEEP_MS of its time, well inside any sensible UPSTREAM_TIMEOUT_MS.
 */
const SWEEP_MS = 50;

/**
 * When each request arrived (a `performance.now()` time), for its upstream call's deadline: time
 * spent in the BFF and waiting for a free connection of the pool counts against it, so a room that
 * clicks at once still hears back within UPSTREAM_TIMEOUT_MS. (Kept by request, not in an
 * AsyncLocalStorage: on Node 20 that costs every promise of every request.)
 */
const arrivals = new WeakMap<Request, number>();

/** Notes when a request arrived; the routes pass it on with each request's first upstream call. */
export const markArrival: MiddlewareHandler = (c, next) => {
  arrivals.set(c.req.raw, performance.now());
  return next();
};

export const arrivalOf = (c: Context): number | undefined => arrivals.get(c.req.raw);

type Destroyable = { destroy(error?: Error): unknown };
type Pending = { at: number; body: Destroyable };
const pending = new Set<Pending>();
let sweeper: ReturnType<typeof setInterval> | undefined;

function sweep() {
  const now = performance.now();
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.body.destroy(
        new DOMException('The upstream call ran past its deadline.', 'TimeoutError'),
      );
    }
  }
  if (pending.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/**
 * Destroys `body` if it is still being read at `at` (a `performance.now()` time); returns a
 * release. `body` may be anything with a `destroy`: a reply body, or the abort of a call still
 * waiting for its headers.
 */
export function bodyDeadline(body: Destroyable, at: number): () => void {
  const entry: Pending = { at, body };
  pending.add(entry);
  if (!sweeper) {
    sweeper = setInterval(sweep, SWEEP_MS);
    // A pending deadline alone must not keep the process alive.
    sweeper.unref();
  }
  return () => pending.delete(entry);
}
