import type { Exchange } from '@cew/shared';
import { httpText } from '../../lib/wire';

/** A call as the guide writes it: method and path below Cloud Elements' API root. */
export const callLine = (exchange: Exchange) =>
  `${exchange.method} ${new URL(exchange.url).pathname.replace(/^.*\/elements\/api-v2/, '')}`;

/** The exchange as the HTTP text that went by: request line, headers, body; then the reply. */
export function rawHttp(exchange: Exchange): string {
  const url = URL.canParse(exchange.url) ? new URL(exchange.url) : null;
  const body = (value: unknown) =>
    value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const request = httpText(
    `${exchange.method} ${url ? `${url.pathname}${url.search}` : exchange.url} HTTP/1.1`,
    [
      ...(url ? [['host', url.host] as [string, string]] : []),
      ...Object.entries(exchange.requestHeaders),
    ],
    body(exchange.requestBody),
  );
  const response = httpText(
    exchange.status === null ? '(no reply)' : `HTTP/1.1 ${exchange.status}`,
    Object.entries(exchange.responseHeaders),
    body(exchange.responseBody),
  );
  return `${request}\n\n${response}`;
}
