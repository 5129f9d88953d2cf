import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, send, setDeadline } from '../../../lib/api-client';

/** The BFF's public settings (mode, callback URL, masked key): never a secret. */
export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: async () => {
    const config = await send(api.config.$get());
    setDeadline(config.upstreamTimeoutMs);
    return config;
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const useConfig = () => useQuery(configQuery);
