import { EventEmitter } from 'node:events';
import {
  CloudElementsErrorSchema,
  type Exchange,
  type ExchangeKind,
  SCENARIO_HEADER,
} from '@cew/shared';
import { type Dispatcher, request } from 'undici';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Redactor } from '../redact';
import { bodyDeadline } from './deadline';

/** One call to Cloud Elements as the BFF makes it, before any secret is hidden. */
export type UpstreamCall = {
  step: ExchangeKind;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** The largest reply read whole (1 MiB unless said); a larger one is shown as too large. */
  maxBytes?: number;
};

export type UpstreamReply = {
  status: number;
  body: unknown;
  exchange: Exchange;
  /** Cloud Elements' `Elements-Next-Page-Token`: there is another page of this list. */
  nextPage?: string;
};

export type UpstreamOptions = {
  dispatcher: Dispatcher;
  timeoutMs: number;
  redactor: Redactor;
  /** When the request this call serves arrived: the deadline runs from then (else from now). */
  arrivedAt?: number;
};

const MAX_REPLY_BYTES = 1 << 20;

/**
 * Sends one call over real HTTP with a timeout and no redirect following (undici's `request`
 * never follows them), and records it as a redacted Exchange. Network failures and timeouts
 * become AppErrors carrying that exchange; any HTTP status is returned for the caller to judge.
 */
export async function sendUpstream(
  call: UpstreamCall,
  options: UpstreamOptions,
): Promise<UpstreamReply> {
  const startedAt = new Date();
  const started = performance.now();
  // The whole call, the wait for a connection included, ends by this time.
  const deadline = (options.arrivedAt ?? started) + options.timeoutMs;
  // Recorded once the call is over, so none of this delays the call itself (in a class's burst a
  // call waits for every call that arrived before it to be sent). The curl line is written from
  // the redacted call, so it can show no more than the exchange. The call is the BFF's own
  // writing; the reply is the upstream's, searched inside its strings too.
  const record = (status: number | null, headers: Record<string, string>, body: unknown) => {
    const sent = options.redactor.redactOwn({
      url: call.url,
      requestHeaders: call.headers,
      requestBody: call.body,
    });
    const reply = options.redactor.redact({ responseHeaders: headers, responseBody: body });
    const exchange: Exchange = {
      step: call.step,
      parties: 'BFF → Cloud Elements',
      method: call.method,
      ...sent,
      status,
      ...reply,
      durationMs: Math.round(performance.now() - started),
      startedAt: startedAt.toISOString(),
    };
    exchange.curl = toCurl(exchange);
    return exchange;
  };

  let status: number;
  let headers: Record<string, string>;
  let text: string;
  try {
    // One deadline for the whole call, body included: the headers must come within it
    // (undici's headersTimeout), and the body is destroyed if it is still arriving when it ends
    // (undici's bodyTimeout alone restarts with every chunk, so an upstream trickling a byte at a
    // time held a request for a minute against a 3 s limit).
    // Until the headers come, the call (queued for a connection, or waiting) is aborted at the
    // deadline by the same sweep that later ends a trickling body.
    const abort = new EventEmitter();
    const releaseWait = bodyDeadline({ destroy: () => abort.emit('abort') }, deadline);
    let reply: Dispatcher.ResponseData;
    try {
      reply = await request(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        headersTimeout: Math.max(1, deadline - performance.now()),
        bodyTimeout: options.timeoutMs,
        dispatcher: options.dispatcher,
        signal: abort,
      });
    } finally {
      releaseWait();
    }
    status = reply.statusCode;
    headers = flattenHeaders(reply.headers);
    const release = bodyDeadline(reply.body, deadline);
    try {
      text = await readLimited(reply.body, reply.headers['content-length'], call.maxBytes);
    } finally {
      release();
    }
  } catch (error) {
    if (isTimeout(error) || performance.now() >= deadline) {
      const seconds = options.timeoutMs / 1000;
      throw new AppError(
        504,
        'upstream_timeout',
        `Cloud Elements did not answer within ${seconds} s (UPSTREAM_TIMEOUT_MS), so the wizard stopped waiting.`,
        { exchange: record(null, {}, undefined) },
      );
    }
    const reason = networkReason(error);
    throw new AppError(
      502,
      'upstream_unreachable',
      `Could not reach Cloud Elements at ${new URL(call.url).host} (${reason}).`,
      { exchange: record(null, {}, undefined) },
    );
  }
  const body = parseBody(text);
  const nextPage = headers['elements-next-page-token'] || undefined;
  return {
    status,
    body,
    exchange: record(status, headers, body),
    ...(nextPage ? { nextPage } : {}),
  };
}

/**
 * Judges a reply: 2xx must match `schema`; Cloud Elements' 4xx pass through with their status,
 * message, requestId and providerMessage; 5xx, redirects and malformed replies become 502.
 */
export function expectOk<T>(reply: UpstreamReply, schema: z.ZodType<T>, what: string): T {
  const { status, body, exchange } = reply;
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new AppError(
      502,
      'upstream_bad_reply',
      `Cloud Elements answered ${what} with a reply the wizard does not understand (${typeof body === 'string' ? 'not JSON' : 'unexpected fields'}). The exchange below shows what came back.`,
      { exchange },
    );
  }
  // Read the error from the redacted copy: an upstream may echo a secret in its message.
  const parsedError = CloudElementsErrorSchema.safeParse(exchange.responseBody);
  const ceError = parsedError.success ? parsedError.data : null;
  if (status >= 400 && status < 500) {
    throw new AppError(
      status as 400,
      'upstream_error',
      ceError?.message ?? `Cloud Elements refused ${what} with status ${status}.`,
      { exchange, requestId: ceError?.requestId, providerMessage: ceError?.providerMessage },
    );
  }
  const detail = status >= 500 ? 'failed on its side' : `answered with an unexpected ${status}`;
  throw new AppError(
    502,
    'upstream_error',
    `Cloud Elements ${detail} (${status}) while handling ${what}.${ceError ? ` It said: “${ceError.message}”` : ''}`,
    { exchange, requestId: ceError?.requestId },
  );
}

/** Deeper than any reply Cloud Elements sends; what reads a reply (redaction) recurses. */
const MAX_DEPTH = 100;

/** Whether a parsed value nests deeper than `max` arrays or objects (counted without recursion). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
  }
  return false;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  // Shown as what it is, not walked: a reply nested thousands deep is no reply to read.
  return deeperThan(parsed, MAX_DEPTH)
    ? `(reply nested deeper than ${MAX_DEPTH} levels, not shown)`
    : parsed;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** The deadline's abort (a DOMException named TimeoutError), or one of undici's own timeouts. */
const isTimeout = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'TimeoutError' || ('code' in error && TIMEOUT_CODES.has(String(error.code))));

async function readLimited(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  maxBytes = MAX_REPLY_BYTES,
): Promise<string> {
  // A declared length within the limit is read in one go; undici holds the reply to it.
  if (typeof contentLength === 'string' && Number(contentLength) <= maxBytes) {
    return body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return `(reply larger than ${Math.round(maxBytes / (1 << 20))} MiB, not shown)`;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    // Cloud Elements' own session cookies are of no use to the browser and never shown.
    out[name] =
      name === 'set-cookie' ? '(hidden)' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function networkReason(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = 'code' in error ? error.code : undefined;
    const cause = 'cause' in error ? error.cause : undefined;
    if (typeof code === 'string') return code;
    if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
      return cause.code;
    }
  }
  return 'network error';
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The call as the guide writes it, from its redacted exchange: secrets are placeholders there. */
function toCurl(exchange: Exchange): string {
  const lines = [`curl -X ${exchange.method}`];
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    // The failure lab's header is the sandbox's, not Cloud Elements' API: a copied command
    // must work against the real thing.
    if (name === SCENARIO_HEADER) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (exchange.requestBody !== undefined) {
    lines.push(`-d ${shellQuote(JSON.stringify(exchange.requestBody, null, 2))}`);
  }
  lines.push(shellQuote(exchange.url));
  return lines.join(' \\\n  ');
}
