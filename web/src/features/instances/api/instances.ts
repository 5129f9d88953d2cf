import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

const instancesKey = ['instances'] as const;

/** The organization's instances, as Cloud Elements lists them (summaries only). */
export function useInstances() {
  return useQuery({
    queryKey: instancesKey,
    queryFn: () => send(api.instances.$get()),
    staleTime: 0,
  });
}

export function useDeleteInstance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | number) =>
      send(api.instances[':id'].$delete({ param: { id: String(id) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: instancesKey }),
  });
}

/** Deletes every instance carrying the wizard's tag (naming the tag is the confirmation). */
export function useDeleteTagged() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) => send(api.instances.$delete({ query: { tag } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: instancesKey }),
  });
}
