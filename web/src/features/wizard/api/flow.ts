import type { ElementKey, Exchange, FlowView } from '@cew/shared';
import {
  type QueryClient,
  queryOptions,
  useIsRestoring,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api, send } from '../../../lib/api-client';
import { readChosenElement } from '../chosen-element';

const flowKey = ['flow'] as const;
/**
 * Sandbox mode: what Cloud Elements sent the provider behind the scenes, filed like the exchanges
 * (one per element, its latest flow), so a flow's legs stay readable after another element's flow
 * begins (the handout of Twitter, then Salesforce, keeps Twitter's signature walkthrough).
 */
const legsKey = (element: string, flowId: string) => ['provider-legs', element, flowId];
/**
 * One list per flow, filed under its element, so a new flow never shows an old one's exchanges
 * and the comparison page can read the latest flow of each element. The attempts of an element
 * with no flow of its own yet (a first call that failed) are filed under `none`.
 */
export const exchangesKey = (
  element: string,
  flow: Pick<FlowView, 'id' | 'element'> | undefined,
) => ['exchanges', element, flow?.element === element ? (flow.id ?? 'none') : 'none'];

/** Where this browser's flow stands, as the BFF reads it from the flow cookie. */
export const flowQuery = queryOptions({ queryKey: flowKey, queryFn: () => send(api.flow.$get()) });

export const useFlow = () => useQuery(flowQuery);

/**
 * Files an exchange under its flow (a reply's, or else the element shown's attempts), and
 * forgets the element's earlier flows.
 */
function keepExchange(
  queryClient: QueryClient,
  flow: Pick<FlowView, 'id' | 'element'> | undefined,
  exchange: Exchange,
) {
  const key = exchangesKey(flow?.element ?? readChosenElement() ?? 'none', flow);
  for (const kind of ['exchanges', 'provider-legs']) {
    queryClient.removeQueries({
      queryKey: [kind, key[1]],
      predicate: (query) => query.queryKey[2] !== key[2],
    });
  }
  queryClient.setQueryData(key, (old: Exchange[] = []) => [...old, exchange]);
}

/**
 * A step's call. Its reply brings the call's exchange (kept) and the flow as it now stands; a
 * refusal brings the exchange that caused it, filed under the flow it happened in.
 */
function useFlowMutation<TInput, TResult extends { exchange: Exchange; flow: FlowView }>(
  run: (input: TInput) => Promise<TResult>,
  /** A hop before the call that only the browser saw (the provider's redirect), kept first. */
  lead?: (input: TInput) => Exchange | undefined,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result, input) => {
      const before = lead?.(input);
      if (before) keepExchange(queryClient, result.flow, before);
      keepExchange(queryClient, result.flow, result.exchange);
      queryClient.setQueryData(flowKey, result.flow);
    },
    onError: (error, input) => {
      // A refusal belongs to the element shown: its flow, or its attempts before it has one.
      const shown = readChosenElement();
      const current = queryClient.getQueryData<FlowView>(flowKey);
      const flow = current?.element === shown ? current : undefined;
      const before = lead?.(input);
      if (before) keepExchange(queryClient, flow, before);
      if (error instanceof ApiError && error.exchange) {
        keepExchange(queryClient, flow, error.exchange);
      }
      // A refusal changes nothing in the cookie, but the flow may have expired meanwhile.
      return queryClient.invalidateQueries({ queryKey: flowKey });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['provider-legs'] }),
  });
}

/**
 * Sandbox mode: what Cloud Elements sent the provider for an element's latest flow, signatures and
 * all. The flow in the cookie's are read from the BFF; an earlier flow's (another element's) are
 * what this tab kept of them.
 */
export function useProviderLegs(enabled: boolean, element?: ElementKey) {
  const queryClient = useQueryClient();
  const { data: flow } = useFlow();
  const forElement = element ?? flow?.element ?? 'none';
  const current = flow?.id && flow.element === forElement ? flow.id : undefined;
  const kept = queryClient.getQueriesData({ queryKey: ['provider-legs', forElement] })[0]?.[0];
  return useQuery({
    queryKey: current ? legsKey(forElement, current) : (kept ?? legsKey(forElement, 'none')),
    queryFn: () => send(api.labs['provider-legs'].$get()),
    enabled: enabled && current !== undefined,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

const flow = api.flow;
export const useRequestToken = () =>
  useFlowMutation((json: Parameters<(typeof flow)['request-token']['$post']>[0]['json']) =>
    send(flow['request-token'].$post({ json })),
  );
export const useAuthorizeUrl = () =>
  useFlowMutation((json: Parameters<(typeof flow)['authorize-url']['$post']>[0]['json']) =>
    send(flow['authorize-url'].$post({ json })),
  );
/** What the callback page read: the provider's query, and the redirect that brought it. */
export type CallbackLanding = {
  query: Parameters<(typeof flow)['callback']['$post']>[0]['json'];
  /** The redirect that brought the query; kept with the first send only. */
  redirect?: Exchange;
};
export const useCallback = () =>
  useFlowMutation(
    ({ query }: CallbackLanding) => send(flow.callback.$post({ json: query })),
    ({ redirect }) => redirect,
  );
export const useCreateInstance = () =>
  useFlowMutation((json: Parameters<(typeof flow)['instance']['$post']>[0]['json']) =>
    send(flow.instance.$post({ json })),
  );
export const useTryIt = () =>
  useFlowMutation((_: undefined) => send(flow['try-it'].$post({ json: {} })));

/**
 * Your own call through the instance (a read of its hub). It changes nothing in the flow; its
 * exchange is filed with the flow's, for the timeline and the exports.
 */
export function useHubCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: Parameters<(typeof flow)['hub-call']['$post']>[0]['json']) =>
      send(flow['hub-call'].$post({ json })),
    onSuccess: (result) => {
      keepExchange(queryClient, queryClient.getQueryData<FlowView>(flowKey), result.exchange);
    },
  });
}

/**
 * The tampering lab (sandbox): the provider's answer to a signed request with one input changed. Not
 * a step: it changes nothing in the flow, so it files no exchange.
 */
export const useTamper = () =>
  useMutation({
    mutationFn: (change: Parameters<(typeof api.labs)['tamper']['$post']>[0]['json']['change']) =>
      send(api.labs.tamper.$post({ json: { change } })),
  });

/** Step 5's reveal and copy: the instance token, asked of the BFF only when wanted. */
export const fetchInstanceToken = async () => (await send(api.flow['instance-token'].$get())).token;

export function useResetFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send(api.flow.$delete()),
    onSuccess: (flow) => {
      queryClient.setQueryData(flowKey, flow);
      queryClient.removeQueries({ queryKey: ['exchanges'] });
      queryClient.removeQueries({ queryKey: ['provider-legs'] });
    },
  });
}

/** The latest flow's exchanges of each element this tab has walked (for the comparison page). */
export function useExchangesByElement(): Partial<Record<ElementKey, Exchange[]>> {
  const queryClient = useQueryClient();
  useFlow();
  // Read again once this tab's stored exchanges are back (after a reload), so a page opened
  // directly does not first say that nothing was walked.
  useIsRestoring();
  const found: Partial<Record<string, Exchange[]>> = {};
  for (const [key, data] of queryClient.getQueriesData<Exchange[]>({ queryKey: ['exchanges'] })) {
    const element = key[1];
    if (typeof element === 'string' && element !== 'none' && data?.length) found[element] = data;
  }
  return found;
}
