import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The BFF's public settings (mode, callback URL, masked key): never a secret. */
export function useConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: api.getConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
