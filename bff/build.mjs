// Bundles the BFF into one ESM file for `node dist/index.js`. Registry dependencies stay in
// node_modules; the workspace's source-only @cew/shared is bundled in.
import { build } from 'esbuild';

await build({
  // The wizard, and the sandbox on its own port (standing in for Cloud Elements in live-mode tests).
  entryPoints: { index: 'src/index.ts', sandbox: 'src/sandbox/standalone.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['hono', 'hono/*', '@hono/*', 'undici', 'zod'],
  sourcemap: true,
  logLevel: 'warning',
});
