import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const instancesKey = ['instances'] as const;

/** The organization's instances, as Cloud Elements lists them (summaries only). */
export function useInstances() {
  return useQuery({ queryKey: instancesKey, queryFn: api.listInstances, staleTime: 0 });
}

export function useDeleteInstance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.deleteInstance,
    onSettled: () => queryClient.invalidateQueries({ queryKey: instancesKey }),
  });
}
