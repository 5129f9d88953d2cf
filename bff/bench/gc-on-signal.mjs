// Preloaded into the BFF by `pnpm bench` only (never by `pnpm start`): on SIGUSR2 it runs a full
// garbage collection and writes the process's memory figures to BENCH_MEMORY_FILE, so the bench
// reads memory that is still referenced, not garbage that has not been collected yet.
import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify(process.memoryUsage()));
});
