import { startTransition } from 'react';
import { configQuery } from './features/wizard/api/config';
import { elementsQuery } from './features/wizard/api/elements';
import { flowQuery } from './features/wizard/api/flow';
import { queryClient } from './lib/query-client';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Every page waits for these three: ask now, before anything else runs (the first round trip).
void queryClient.prefetchQuery(configQuery);
void queryClient.prefetchQuery(flowQuery);
void queryClient.prefetchQuery(elementsQuery);

/**
 * The task after the next frame, the frame that paints index.html's boot view. A tab opened in
 * the background draws no frames: the timer goes on there.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The app starts in parts, each in a task of its own once the boot view has painted: the app's
 * own code (which asks for the page's code), then React's DOM renderer, then the first render.
 * The first paint waits for no script, and on a slow phone no one task holds the page long
 * (Lighthouse's Total Blocking Time). Their code downloads from the start, as modulepreloads in
 * index.html (vite.config.ts).
 */
async function start(container: HTMLElement) {
  await afterPaint();
  const { App, preloadPage } = await import('./app/router');
  preloadPage(window.location.pathname);
  await nextTask();
  const { createRoot } = await import('react-dom/client');
  const reactRoot = createRoot(container);
  // A transition lets React render the first screen in short slices instead of one long task.
  startTransition(() => reactRoot.render(<App />));
}

void start(root);
