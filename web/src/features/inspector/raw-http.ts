import type { Exchange } from '@cew/shared';
import { httpText } from '../../lib/wire';

/** A call as the guide writes it: method and path below Cloud Elements' API root. */
export const callLine = (exchange: Exchange) =>
  `${exchange.method} ${new URL(exchange.url).pathname.replace(/^.*\/elements\/api-v2/, '')}`;

/** The exchange as the HTTP text that went by: request line, headers, body; then the reply. */
/**
 * Headers that carry the connection, not the lesson (how the bytes went, when, and the log's id):
 * the handout leaves them out, as paper has no room for what teaches nothing.
 */
const TRANSPORT = new Set([
  'connection',
  'keep-alive',
  'date',
  'content-length',
  'transfer-encoding',
  'x-request-id',
  'etag',
  'vary',
  'server',
  'ratelimit',
  'ratelimit-policy',
]);

export function rawHttp(
  exchange: Exchange,
  { transport = true, request: withRequest = true } = {},
): string {
  const keep = ([name]: [string, string]) => transport || !TRANSPORT.has(name.toLowerCase());
  const url = URL.canParse(exchange.url) ? new URL(exchange.url) : null;
  const body = (value: unknown) =>
    value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const request = httpText(
    `${exchange.method} ${url ? `${url.pathname}${url.search}` : exchange.url} HTTP/1.1`,
    [
      ...(url ? [['host', url.host] as [string, string]] : []),
      ...Object.entries(exchange.requestHeaders).filter(keep),
    ],
    body(exchange.requestBody),
  );
  const response = httpText(
    exchange.status === null ? '(no reply)' : `HTTP/1.1 ${exchange.status}`,
    Object.entries(exchange.responseHeaders).filter(keep),
    body(exchange.responseBody),
  );
  return withRequest ? `${request}\n\n${response}` : response;
}
