import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // A step's call has effects upstream (tokens are single use): never repeat it silently.
    mutations: { retry: false },
    queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});
