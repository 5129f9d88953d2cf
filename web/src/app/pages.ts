import type { ComponentType } from 'react';
import { matchPath } from 'react-router';
import { lazyPart } from '../lib/lazy-part';

type PageModule = { default: ComponentType };

/**
 * A page whose code loads on first visit: each step's code stays off the first load. If that
 * load fails (offline, a new version deployed meanwhile), the page says so inside the layout.
 */
function page(path: string, load: () => Promise<PageModule>) {
  let loading: Promise<PageModule> | undefined;
  const once = () => {
    loading ??= load();
    return loading;
  };
  return { path, Component: lazyPart(once, 'This page'), preload: once };
}

/** One route per step, so each can be linked, reloaded and returned to from the provider. */
export const PAGES = [
  page('/start', () => import('./routes/start')),
  page('/compare', () => import('./routes/compare')),
  page('/glossary', () => import('./routes/glossary')),
  page('/step/credentials', () => import('./routes/credentials')),
  page('/step/request-token', () => import('./routes/request-token')),
  page('/step/authorization-url', () => import('./routes/authorization-url')),
  page('/step/consent', () => import('./routes/consent')),
  page('/oauth/callback', () => import('./routes/callback')),
  page('/step/create-instance', () => import('./routes/create-instance')),
  page('/step/instance-token', () => import('./routes/instance-token')),
  page('/step/try-it', () => import('./routes/try-it')),
  page('/instances', () => import('./routes/instances')),
  page('/timeline', () => import('./routes/timeline')),
  page('/handout', () => import('./routes/handout')),
];

/** Any other address. */
export const NOT_FOUND = page('*', () => import('./routes/not-found'));

/**
 * The code of the page the address names starts loading at once, beside the first data, matched
 * as the router matches it. A failure is left to the page, which says so when it renders.
 */
export function preloadPage(pathname: string) {
  if (pathname === '/') return;
  const current = PAGES.find(({ path }) => matchPath(path, pathname)) ?? NOT_FOUND;
  current.preload().catch(() => {});
}
