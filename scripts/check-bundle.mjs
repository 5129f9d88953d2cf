// The first-load budget: the JavaScript that web/dist/index.html loads before the app can draw
// (its module script and modulepreloads), gzipped. Route and inspector chunks load later.
// The entry starts the app and React's DOM renderer by dynamic import (web/src/main.tsx); their
// code must be named in index.html too, or it would download late and escape this budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 125;
// Four files: the entry, React, the app, React's DOM renderer (web/vite.config.ts, appChunk). More
// means a module the app needs has left the app's file, and the start waits on more requests.
const BUDGET_FILES = 4;
const dist = join(import.meta.dirname, '../web/dist');
const read = (file) => readFileSync(join(dist, file), 'utf8');
const html = read('index.html');
const files = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
].map((m) => m[1]);
if (files.length === 0) throw new Error('index.html loads no JavaScript: is web/dist built?');
const entryFile = html.match(/<script[^>]+src="([^"]+\.js)"/)?.[1] ?? files[0];
const entry = read(entryFile);
const started = [...entry.matchAll(/import\(\s*[`'"]\.\/([^`'"]+\.js)[`'"]\s*\)/g)].map(
  (m) => `/assets/${m[1]}`,
);
const unnamed = started.filter((file) => !files.includes(file));
if (started.length === 0 || unnamed.length > 0) {
  console.error(
    `index.html does not preload what the entry starts: ${unnamed.join(', ') || 'no dynamic import found'}`,
  );
  process.exit(1);
}
// And the entry must not load that code itself (a static import): it would run in the entry's own
// task, and main.tsx's split of the start into short tasks would be lost (see vite.config.ts).
const loadedWithEntry = new Set();
const walk = (file) => {
  if (loadedWithEntry.has(file)) return;
  loadedWithEntry.add(file);
  for (const m of read(file).matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
    walk(`/assets/${m[1]}`);
};
walk(entryFile);
const loadedTwice = started.filter((file) => loadedWithEntry.has(file));
if (loadedTwice.length > 0) {
  console.error(`The entry loads what it should start later: ${loadedTwice.join(', ')}`);
  process.exit(1);
}
if (files.length > BUDGET_FILES) {
  console.error(
    `The first load fetches ${files.length} JavaScript files (budget ${BUDGET_FILES}): ${files.join(', ')}. See appChunk in web/vite.config.ts.`,
  );
  process.exit(1);
}
// Each of them carries V8's compile hint (web/vite.config.ts, compileHints): without it the start
// compiles on the main thread again, and nothing else would notice.
const unhinted = files.filter((file) => !read(file).startsWith('//# allFunctionsCalledOnLoad\n'));
if (unhinted.length > 0) {
  console.error(`First-load files without V8's compile hint: ${unhinted.join(', ')}`);
  process.exit(1);
}
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KiB gzip  ${file}`);
}
const kib = total / 1024;
console.log(`First-load JavaScript: ${kib.toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB)`);
if (kib > BUDGET_KIB) {
  console.error(
    `Over budget by ${(kib - BUDGET_KIB).toFixed(1)} KiB: lazy-load more, or cut a dependency.`,
  );
  process.exit(1);
}
