import type { FlowView } from '@cew/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const flowKey = ['flow'] as const;
const legsKey = ['provider-legs'] as const;

/** This browser's flow as the BFF remembers it (from its encrypted cookie). */
export function useFlow() {
  return useQuery({ queryKey: flowKey, queryFn: api.getFlow });
}

/** A step's call; whatever it does, the flow is read again so every view agrees with the BFF. */
function useFlowMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: flowKey }),
        queryClient.invalidateQueries({ queryKey: legsKey }),
      ]),
  });
}

/** Sandbox mode: what Cloud Elements sent Twitter for this flow, signatures and all. */
export function useProviderLegs(enabled: boolean) {
  return useQuery({ queryKey: legsKey, queryFn: api.getProviderLegs, enabled });
}

export const useRequestToken = () => useFlowMutation(api.requestToken);
export const useAuthorizeUrl = () => useFlowMutation((_: undefined) => api.authorizeUrl());
export const useCallback = () => useFlowMutation(api.callback);
export const useCreateInstance = () => useFlowMutation(api.createInstance);
export const useTryIt = () => useFlowMutation((_: undefined) => api.tryIt());

export function useResetFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.resetFlow,
    onSuccess: (flow: FlowView) => {
      queryClient.setQueryData(flowKey, flow);
      queryClient.setQueryData(legsKey, { legs: [] });
    },
  });
}
