import type {
  AuthorizeUrlResult,
  CallbackInput,
  CallbackResult,
  CreateInstanceInput,
  CreateInstanceResult,
  DeleteInstanceResult,
  ErrorBody,
  Exchange,
  FlowView,
  InstanceList,
  ProviderLegs,
  PublicConfig,
  RequestTokenInput,
  RequestTokenResult,
  TryItResult,
} from '@cew/shared';

/** A refused BFF call, with the message to show and the exchange that caused it, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly exchange?: Exchange,
    readonly requestId?: string,
    readonly providerMessage?: string,
  ) {
    super(message);
  }
}

async function call<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The wizard’s server did not answer. Is it still running?');
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  const error = (data as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'unknown',
    error?.message ?? `The wizard’s server answered ${response.status}.`,
    error?.exchange,
    error?.requestId,
    error?.providerMessage,
  );
}

/** The BFF's API, typed by the shared contract. The browser never sends or sees a secret. */
export const api = {
  getConfig: () => call<PublicConfig>('GET', '/config'),
  getFlow: () => call<FlowView>('GET', '/flow'),
  resetFlow: () => call<FlowView>('DELETE', '/flow'),
  getProviderLegs: () => call<ProviderLegs>('GET', '/flow/provider-legs'),
  requestToken: (input: RequestTokenInput) =>
    call<RequestTokenResult>('POST', '/flow/request-token', input),
  authorizeUrl: () => call<AuthorizeUrlResult>('POST', '/flow/authorize-url', {}),
  callback: (input: CallbackInput) => call<CallbackResult>('POST', '/flow/callback', input),
  createInstance: (input: CreateInstanceInput) =>
    call<CreateInstanceResult>('POST', '/flow/instance', input),
  tryIt: () => call<TryItResult>('POST', '/flow/try-it', {}),
  listInstances: () => call<InstanceList>('GET', '/instances'),
  deleteInstance: (id: string | number) =>
    call<DeleteInstanceResult>('DELETE', `/instances/${encodeURIComponent(String(id))}`),
};
