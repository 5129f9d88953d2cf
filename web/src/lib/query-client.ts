import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import { QueryClient } from '@tanstack/react-query';
import type { PersistQueryClientProviderProps } from '@tanstack/react-query-persist-client';
import { ApiError } from './api-client';

/** A refusal (4xx: sign in first, a step out of order) will not change on its own: no retry. */
const retryOnce = (failures: number, error: unknown) =>
  failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    // A step's call has effects upstream (tokens are single use): never repeat it silently.
    // 'always': offline, the call fails at once with a message, rather than waiting unseen for
    // the network to come back (TanStack's default pauses it: the step spun forever).
    mutations: { retry: false, networkMode: 'always' },
    queries: {
      networkMode: 'always',
      retry: retryOnce,
      // A refused query (401 before sign-in) is asked again when something changes, not each
      // time another component that reads it mounts.
      retryOnMount: false,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

/**
 * The flow's exchanges (and, in sandbox mode, its provider legs) are kept in this tab's
 * sessionStorage (and nothing else is): each reached
 * the browser once, in its step's reply, and must still be there after a reload or the return
 * from the provider's consent page. They are redacted already; the flow cookie holds no copy.
 */
export const persistOptions: PersistQueryClientProviderProps['persistOptions'] = {
  persister: createSyncStoragePersister({
    storage: window.sessionStorage,
    key: 'cew-exchanges',
    // Written at once: the next click may leave for the provider's page.
    throttleTime: 0,
  }),
  buster: 'exchanges-v1',
  dehydrateOptions: {
    // The exchanges, and (sandbox) the provider legs behind them: both redacted by the BFF.
    shouldDehydrateQuery: (query) =>
      (query.queryKey[0] === 'exchanges' || query.queryKey[0] === 'provider-legs') &&
      query.state.status === 'success',
  },
};
