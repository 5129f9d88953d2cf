import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { SANDBOX_NOTE } from './src/app/sandbox-note.ts';

/**
 * The stylesheet goes into index.html itself: the first screen paints from the HTML alone, with
 * no second round trip before it (on a slow phone network, that trip was most of the first
 * paint). The BFF allows exactly this <style> by its hash in the Content-Security-Policy.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        let out = html;
        for (const [file, asset] of Object.entries(bundle)) {
          if (asset.type !== 'asset' || !file.endsWith('.css')) continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${file}"[^>]*>`);
          if (!link.test(out)) continue;
          out = out.replace(link, () => `<style>${String(asset.source).trim()}</style>`);
          delete bundle[file];
        }
        return out;
      },
    },
  };
}

/**
 * The code every first load runs: the entry, the chunks it starts (main.tsx's dynamic imports:
 * the app and React's DOM renderer) and everything those import. The pages are the app chunk's
 * dynamic imports, not the entry's: they are not in it, loaded when visited.
 */
function startupFiles(bundle: Rolldown.OutputBundle): {
  entry: string | undefined;
  files: Set<string>;
} {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files = new Set<string>();
  const add = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) add(dep);
  };
  if (entry) add(entry.fileName);
  for (const file of entry?.dynamicImports ?? []) add(file);
  return { entry: entry?.fileName, files };
}

/**
 * main.tsx starts the app and React's DOM renderer as dynamic imports, each in its own task; the
 * HTML names their code as modulepreloads so that it downloads beside the entry, not after it.
 * (Vite preloads only the entry's static imports.)
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'preload-startup-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const { entry, files } = startupFiles(bundle);
        const links = [...files]
          .filter((file) => file !== entry && !html.includes(`/${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
          .join('');
        return html.replace('</head>', `${links}</head>`);
      },
    },
  };
}

/**
 * V8's explicit compile hint on the code every first load runs. Without it V8 compiles each
 * function on its first call, on the main thread, in the middle of React's first render; with it,
 * the whole file is compiled while it streams in, on a background thread. Most of this code runs
 * at start; React's renderer also holds parts this app never calls, and compiling those too costs
 * less than compiling the rest on the main thread (docs/benchmarks.md, session 8: 15–28 % less
 * main-thread script time at start). Other browsers read a comment. It goes on the finished
 * chunks, after minifying, so the file names' hashes do not cover it: a cached copy without it
 * behaves the same. scripts/check-bundle.mjs fails if a first-load file lacks it.
 */
function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of startupFiles(bundle).files) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

/** The sandbox banner in index.html's first paint, from the words the layout shows. */
function sandboxNote(): Plugin {
  const escaped = SANDBOX_NOTE.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return {
    name: 'sandbox-note',
    transformIndexHtml: (html) =>
      html.replace('<!--sandbox-note-->', `<p class="banner" data-sandbox-only>${escaped}</p>`),
  };
}

const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/** Every module `from` imports, directly or not (not counting dynamic imports). */
function staticallyReached(from: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * Modules main.tsx reaches only through a package's index file, which re-exports them, and never
 * calls: React Query's persistence and the flow's step list. They are the app's.
 * scripts/check-bundle.mjs fails the build if the entry ever loads the app's file itself.
 */
const REACHED_ONLY_THROUGH_AN_INDEX =
  /@tanstack[\\/](query-core[\\/].*[\\/]hydration\.js$|query-persist-client-core[\\/]|react-query-persist-client[\\/])|shared[\\/]src[\\/]flow\.ts$/;

/**
 * The kinds of authentication and the elements: the shared package's index re-exports them, so
 * the router reaches them, but only the pages use them (the app reads the elements from the BFF).
 * Left out of the app's file, they load with the first page that needs them, and the first load
 * stays the same size however many elements and kinds there are.
 */
const PAGES_ONLY = /shared[\\/]src[\\/](auth|elements)[\\/]/;

/**
 * The app's code as one file: what `app/router.tsx` needs that the entry does not. Left to itself
 * the bundler makes a file of each part the pages share too (React Router, the step list…); as one
 * file the start fetches four: the entry, React, the app, React's DOM renderer. Over HTTP/1.1 a
 * browser opens six connections to a host, so a seventh file would wait for one. Lighthouse
 * scores the four files higher, in alternating runs (docs/benchmarks.md, session 8). The pages
 * import what they share from the app's file, which is loaded by then.
 */
function appChunk(id: string, ctx: Rolldown.ChunkingContext): string | null {
  const { app, entry } = reachedFrom(ctx);
  if (!app.has(id) || PAGES_ONLY.test(id)) return null;
  const entryNeedsIt = entry.has(id) && !REACHED_ONLY_THROUGH_AN_INDEX.test(id);
  return entryNeedsIt ? null : 'app';
}

/** The two walks of the module graph, once per build, not once per module asked about. */
const reached = new WeakMap<Rolldown.ChunkingContext, { app: Set<string>; entry: Set<string> }>();
function reachedFrom(ctx: Rolldown.ChunkingContext) {
  let sets = reached.get(ctx);
  if (!sets) {
    sets = {
      app: staticallyReached(`${SRC}app/router.tsx`, ctx),
      entry: staticallyReached(`${SRC}main.tsx`, ctx),
    };
    reached.set(ctx, sets);
  }
  return sets;
}

// In development Vite serves the SPA on :5173 and hands the API and the sandbox to the BFF,
// which `pnpm dev` starts on :8787 with PUBLIC_URL pointing back here.
const bff = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react(), inlineStylesheet(), sandboxNote(), preloadStartupChunks(), compileHints()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: bff, changeOrigin: false },
      '/sandbox': { target: bff, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // One stylesheet, inlined into index.html (above). Split per chunk, the app's lazy chunks would
    // list the entry's stylesheet among their dependencies, a file that is no longer there, and
    // their import would fail.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the modules named: what they import on the entry's side (React, React Query)
          // stays there.
          includeDependenciesRecursively: false,
          groups: [{ name: appChunk }],
        },
      },
    },
  },
});
