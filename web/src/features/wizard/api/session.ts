import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

/** Trades the class's access code for the access cookie, then reads everything again. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accessCode: string) => send(api.session.$post({ json: { accessCode } })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
