import { startTransition } from 'react';
import { preloadPage } from './app/pages';
import { App } from './app/router';
import { configQuery } from './features/wizard/api/config';
import { flowQuery } from './features/wizard/api/flow';
import { queryClient } from './lib/query-client';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Every page waits for these two and for its own code: ask for all three now, side by side,
// rather than one after another (round trips less before the first screen).
void queryClient.prefetchQuery(configQuery);
void queryClient.prefetchQuery(flowQuery);
preloadPage(window.location.pathname);

/**
 * React's DOM renderer is evaluated once index.html's boot view has painted, in a task of its
 * own: the first paint waits for no script, and on a slow phone no one task holds the page long
 * (Lighthouse's Total Blocking Time). Its code downloads from the start, as a modulepreload in
 * index.html (vite.config.ts). No top-level await: the pages import shared code from this chunk,
 * which must finish first.
 */
async function render(container: HTMLElement) {
  const { createRoot } = await import('react-dom/client');
  const reactRoot = createRoot(container);
  // A transition lets React render the first screen in short slices instead of one long task.
  startTransition(() => reactRoot.render(<App />));
}

let started = false;
const start = () => {
  if (started) return;
  started = true;
  void render(root);
};
// The task after the next frame, which paints the boot view. A tab opened in the background
// draws no frames: the timer starts it there.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 100);
