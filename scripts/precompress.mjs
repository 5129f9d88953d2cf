// Writes .br and .gz beside each text asset of web/dist, so the server sends them compressed
// with no work per request (served by serveStatic's `precompressed`).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '../web/dist');
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
// index.html is left out: the BFF serves each mode its own copy (the sandbox banner only in sandbox
// mode), compressed at start (bff/src/static-site.ts); a copy compressed here would never be sent.
const texts = walk(dist).filter(
  (f) => /\.(js|css|html|svg|json)$/.test(f) && !f.endsWith('index.html'),
);
for (const file of texts) {
  const data = readFileSync(file);
  if (data.length < 1024) continue;
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
}
