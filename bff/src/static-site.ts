import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * The CSP sources that allow index.html's inline <style> (the build puts the stylesheet there so
 * the first screen paints from the HTML alone): one hash per block, nothing else inline.
 */
export function inlineStyleSources(root: string): string[] {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return [];
  const html = readFileSync(indexFile, 'utf8');
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '')
        .digest('base64')}'`,
  );
}

/** The sandbox banner in index.html's first paint, which is left out in live mode. */
const SANDBOX_ONLY = /<p class="banner" data-sandbox-only>[^<]*<\/p>\s*/;

/**
 * The built SPA. Hashed assets are cached for good; every other GET gets index.html so that a
 * step's address, and the provider's redirect to /oauth/callback, load the app.
 */
export function createStaticSite(root: string, { sandbox }: { sandbox: boolean }) {
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
  const built = readFileSync(indexFile, 'utf8');
  const indexHtml = sandbox ? built : built.replace(SANDBOX_ONLY, '');
  // It carries the stylesheet now (16 KB): compressed once, here, like the assets at build time.
  const indexGzip = gzipSync(indexHtml, { level: 9 });
  const files = serveStatic({ root, precompressed: true });
  return (
    new Hono()
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
      // Other files at the top (the icon); index.html itself always comes from below, as this
      // mode's copy.
      .use('*', (c, next) =>
        c.req.path === '/' || c.req.path === '/index.html' ? next() : files(c, next),
      )
      .get('*', (c) => {
        c.header('cache-control', 'no-cache');
        c.header('vary', 'accept-encoding');
        if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
          c.header('content-encoding', 'gzip');
          c.header('content-type', 'text/html; charset=UTF-8');
          return c.body(new Uint8Array(indexGzip), 200);
        }
        return c.html(indexHtml, 200);
      })
  );
}
