import { useQuery } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

/** The BFF's public settings (mode, callback URL, masked key): never a secret. */
export function useConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => send(api.config.$get()),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
