import type { FlowView } from '@cew/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const flowKey = ['flow'] as const;

/** This browser's flow as the BFF remembers it (from its encrypted cookie). */
export function useFlow() {
  return useQuery({ queryKey: flowKey, queryFn: api.getFlow });
}

/** A step's call; whatever it does, the flow is read again so every view agrees with the BFF. */
function useFlowMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKey }),
  });
}

export const useRequestToken = () => useFlowMutation((_: undefined) => api.requestToken());
export const useAuthorizeUrl = () => useFlowMutation((_: undefined) => api.authorizeUrl());
export const useCallback = () => useFlowMutation(api.callback);
export const useCreateInstance = () => useFlowMutation(api.createInstance);

export function useResetFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.resetFlow,
    onSuccess: (flow: FlowView) => {
      queryClient.setQueryData(flowKey, flow);
      queryClient.removeQueries({ queryKey: ['step-error'] });
    },
  });
}
