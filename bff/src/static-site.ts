import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The built SPA. Hashed assets are cached for good; every other GET gets index.html so that a
 * step's address, and the provider's redirect to /oauth/callback, load the app.
 */
export function createStaticSite(root: string) {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    // In development Vite serves the SPA; this server then answers only the API and the sandbox.
    return new Hono().get('*', (c) =>
      c.text(
        'The web app is not built here. Run `pnpm start`, or open the Vite dev server in `pnpm dev`.',
        404,
      ),
    );
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  return new Hono()
    .use(
      '/assets/*',
      serveStatic({
        root,
        precompressed: true,
        onFound: (_path, c) => {
          c.header('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    )
    .use('*', serveStatic({ root, precompressed: true }))
    .get('*', (c) => {
      c.header('cache-control', 'no-cache');
      return c.html(indexHtml, 200);
    });
}
