import { createBrowserRouter } from 'react-router';
import Layout, { KeepBootView, RouteError } from './routes/layout';
import Resume from './routes/resume';

/** A route module loaded on first visit: each step's code stays off the first load. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/** One route per step, so each can be linked, reloaded and returned to from the provider. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    // While the first page's code loads, index.html's boot view shows (React Router warns
    // without a fallback).
    hydrateFallbackElement: <KeepBootView />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Resume /> },
      { path: 'start', lazy: page(() => import('./routes/start')) },
      { path: 'compare', lazy: page(() => import('./routes/compare')) },
      { path: 'step/request-token', lazy: page(() => import('./routes/request-token')) },
      { path: 'step/authorization-url', lazy: page(() => import('./routes/authorization-url')) },
      { path: 'step/consent', lazy: page(() => import('./routes/consent')) },
      { path: 'oauth/callback', lazy: page(() => import('./routes/callback')) },
      { path: 'step/create-instance', lazy: page(() => import('./routes/create-instance')) },
      { path: 'step/instance-token', lazy: page(() => import('./routes/instance-token')) },
      { path: 'step/try-it', lazy: page(() => import('./routes/try-it')) },
      { path: 'instances', lazy: page(() => import('./routes/instances')) },
      { path: 'timeline', lazy: page(() => import('./routes/timeline')) },
      { path: '*', lazy: page(() => import('./routes/not-found')) },
    ],
  },
]);
