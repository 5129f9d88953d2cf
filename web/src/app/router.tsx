import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { StrictMode, Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { BrowserRouter, Route, Routes } from 'react-router';
import { persistOptions, queryClient } from '../lib/query-client';
import { NOT_FOUND, PAGES } from './pages';
import Layout, { RouteError } from './routes/layout';
import Resume from './routes/resume';

// main.tsx asks for the current page's code as soon as this module has loaded.
export { preloadPage } from './pages';

/**
 * The app: its data and its pages. Declared routes, not a data router: the app loads no route
 * data, and the data router was a third of the first load's script.
 */
export function App() {
  return (
    <StrictMode>
      <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
        <BrowserRouter>
          <ErrorBoundary fallback={<RouteError />}>
            {/* Above the layout, so a page whose code is still loading suspends the whole
                frame: navigations are transitions, so what is on screen (index.html's boot
                view, or the page before) stays until the next page replaces it in one piece. */}
            <Suspense fallback={null}>
              <Routes>
                <Route element={<Layout />}>
                  <Route index element={<Resume />} />
                  {[...PAGES, NOT_FOUND].map(({ path, Component }) => (
                    <Route key={path} path={path} element={<Component />} />
                  ))}
                </Route>
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </BrowserRouter>
      </PersistQueryClientProvider>
    </StrictMode>
  );
}
