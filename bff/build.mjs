// Bundles the BFF into one ESM file for `node dist/index.js`. Registry dependencies stay in
// node_modules; the workspace's source-only @cew/shared is bundled in.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['hono', 'hono/*', '@hono/*', 'undici', 'zod'],
  sourcemap: true,
  logLevel: 'warning',
});
