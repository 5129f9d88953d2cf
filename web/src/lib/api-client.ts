import type { AppType } from '@cew/bff';
import type { ErrorBody, Exchange } from '@cew/shared';
import { type ClientResponse, hc } from 'hono/client';
import { recordWire } from './wire';

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

/**
 * How long the browser waits for the BFF before giving up with a message, rather than spinning
 * forever. The BFF itself gives up on Cloud Elements after its UPSTREAM_TIMEOUT_MS; once the
 * config is known this becomes that plus a margin (`setDeadline`).
 */
let deadlineMs = 30_000;
const MARGIN_MS = 10_000;
export const setDeadline = (upstreamTimeoutMs: number) => {
  deadlineMs = upstreamTimeoutMs + MARGIN_MS;
};

/**
 * The BFF's API, typed by its own routes (`AppType`): a renamed field or route breaks this build.
 * Same origin, so the flow cookie goes along; the browser never sends or sees a secret.
 */
export const api = hc<AppType>('/', {
  init: { credentials: 'same-origin' },
  fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
    const started = performance.now();
    const request = {
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : String(input),
      headers: init?.headers,
      body: init?.body,
    };
    try {
      const response = await fetch(input, { ...init, signal: AbortSignal.timeout(deadlineMs) });
      // The raw wire view's record of this call (a copy: the caller reads the body itself).
      void recordWire(request, response.clone(), performance.now() - started);
      return response;
    } catch (error) {
      void recordWire(request, null, performance.now() - started);
      throw error;
    }
  },
}).api;

/** A call's reply: its body when OK; otherwise an ApiError with the BFF's message and exchange. */
export async function send<T>(call: Promise<ClientResponse<T>>): Promise<T> {
  let response: ClientResponse<T>;
  try {
    response = await call;
  } catch (error) {
    if (!navigator.onLine) {
      throw new ApiError(0, 'offline', 'This browser is offline, so the call was not sent.');
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new ApiError(
        0,
        'browser_timeout',
        `The wizard’s server did not answer within ${Math.round(deadlineMs / 1000)} s, so the browser stopped waiting.`,
      );
    }
    throw new ApiError(0, 'network', 'The wizard’s server did not answer.');
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'unknown',
    error?.message ?? `The wizard’s server answered ${response.status}.`,
    error?.exchange,
    error?.requestId,
    error?.providerMessage,
  );
}
