/**
 * Every call between this page and the BFF, as it went on the wire: what the page sent and what
 * came back, headers and body. Recorded by the API client (the inspector's exchanges are the
 * BFF's calls upstream; these are the page's own). Kept in this tab, the newest 60.
 */
export type WireEntry = {
  at: string;
  method: string;
  path: string;
  requestHeaders: [string, string][];
  requestBody?: string;
  /** 0 when no reply came. */
  status: number;
  responseHeaders: [string, string][];
  responseBody: string;
  ms: number;
};

/** The BFF's note of the HttpOnly cookies that went by (names, sizes, attributes: no value). */
export const WIRE_COOKIES_HEADER = 'x-wire-cookies';

const KEY = 'cew-wire';
const MAX_ENTRIES = 60;
const MAX_BODY = 8_000;

let entries: WireEntry[] = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as WireEntry[];
  } catch {
    return [];
  }
})();
const listeners = new Set<() => void>();

const cut = (text: string) =>
  text.length > MAX_BODY
    ? `${text.slice(0, MAX_BODY)}\n… (${text.length - MAX_BODY} more characters)`
    : text;

/** The headers as the page and the BFF exchanged them, with the cookies the page cannot read. */
function headersOf(headers: Headers, cookies: string[], name: string): [string, string][] {
  const list: [string, string][] = [...headers].filter(([key]) => key !== WIRE_COOKIES_HEADER);
  return [...list, ...cookies.map((value): [string, string] => [name, value])];
}

/**
 * The one reply that carries a credential in clear (step 5's reveal of the instance token) is
 * kept with the token as a marker: the record lives in sessionStorage and on the timeline, and
 * the token belongs only where the person asked to see it.
 */
const INSTANCE_TOKEN_PATH = '/api/flow/instance-token';
const withoutToken = (path: string, body: string) =>
  path === INSTANCE_TOKEN_PATH
    ? body.replace(/"token":"[^"]*"/, '"token":"<INSTANCE_TOKEN>"')
    : body;

export async function recordWire(
  request: { method: string; url: string; headers: HeadersInit | undefined; body: unknown },
  response: Response | null,
  ms: number,
) {
  const url = new URL(request.url, window.location.origin);
  const wire = JSON.parse(response?.headers.get(WIRE_COOKIES_HEADER) ?? '{}') as {
    sent?: string[];
    set?: string[];
  };
  const entry: WireEntry = {
    at: new Date().toISOString(),
    method: request.method,
    path: `${url.pathname}${url.search}`,
    requestHeaders: headersOf(new Headers(request.headers), wire.sent ?? [], 'cookie'),
    requestBody: typeof request.body === 'string' ? cut(request.body) : undefined,
    status: response?.status ?? 0,
    responseHeaders: response ? headersOf(response.headers, wire.set ?? [], 'set-cookie') : [],
    responseBody: response
      ? cut(withoutToken(url.pathname, await response.text().catch(() => '')))
      : '',
    ms: Math.round(ms),
  };
  entries = [...entries, entry].slice(-MAX_ENTRIES);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // A full sessionStorage keeps the record in memory only.
  }
  for (const listener of listeners) listener();
}

export const wireStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: () => entries,
};

/** One HTTP message as text: its start line, its headers, a blank line, its body. */
export function httpText(start: string, headers: [string, string][], body = ''): string {
  return [start, ...headers.map(([name, value]) => `${name}: ${value}`), '', body]
    .join('\n')
    .trimEnd();
}

/** One call as HTTP/1.1 text, the way it would look on the wire. */
export function asHttp(entry: WireEntry): { request: string; response: string } {
  return {
    request: httpText(
      `${entry.method} ${entry.path} HTTP/1.1`,
      [['host', window.location.host], ...entry.requestHeaders],
      entry.requestBody,
    ),
    response: httpText(
      entry.status ? `HTTP/1.1 ${entry.status}` : '(no reply)',
      entry.responseHeaders,
      entry.responseBody,
    ),
  };
}
