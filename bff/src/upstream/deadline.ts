/**
 * Deadlines for whole upstream calls, body included, kept by one coarse sweep instead of a timer
 * per call: `AbortSignal.timeout` per call cost about 5 % of step 1's throughput. A deadline
 * fires within SWEEP_MS of its time, which is well inside any sensible UPSTREAM_TIMEOUT_MS.
 */
const SWEEP_MS = 50;

type Pending = { at: number; controller: AbortController };
const pending = new Set<Pending>();
let sweeper: ReturnType<typeof setInterval> | undefined;

function sweep() {
  const now = performance.now();
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.controller.abort(
        new DOMException('The upstream call ran past its deadline.', 'TimeoutError'),
      );
    }
  }
  if (pending.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/** A signal that aborts `ms` from now (with a TimeoutError), and a release for when the call ends. */
export function deadline(ms: number): { signal: AbortSignal; release: () => void } {
  const entry: Pending = { at: performance.now() + ms, controller: new AbortController() };
  pending.add(entry);
  if (!sweeper) {
    sweeper = setInterval(sweep, SWEEP_MS);
    // A pending deadline alone must not keep the process alive.
    sweeper.unref();
  }
  return { signal: entry.controller.signal, release: () => pending.delete(entry) };
}
