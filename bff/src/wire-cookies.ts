import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/** The header that tells the page which cookies went by, since it may read none of them. */
export const WIRE_COOKIES_HEADER = 'x-wire-cookies';

/** `a=1; b=22` → `a (1 bytes), b (2 bytes)`: names and sizes, never a value. */
function sentCookies(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(';').map((pair) => {
    const at = pair.indexOf('=');
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    return `${name}=<sealed, ${at < 0 ? 0 : pair.length - at - 1} bytes>`;
  });
}

/** A Set-Cookie header with its value replaced by its size: its attributes are the lesson. */
function setCookie(line: string): string {
  const end = line.indexOf(';');
  const pair = end < 0 ? line : line.slice(0, end);
  const at = pair.indexOf('=');
  const size = at < 0 ? 0 : pair.length - at - 1;
  return `${pair.slice(0, at)}=${size ? `<sealed, ${size} bytes>` : ''}${end < 0 ? '' : line.slice(end)}`;
}

/**
 * The page's raw wire view shows every call between browser and BFF as it went, but the flow
 * and access cookies are HttpOnly: the page cannot read them, by design. So each API reply says
 * which cookies came with the request and which it sets, as names, sizes and attributes only;
 * the sealed values never appear. Computed where the status line is written (server.ts), from
 * the headers as they go out.
 */
export function wireCookies(
  path: string,
  req: IncomingMessage,
  headers: OutgoingHttpHeaders,
): [string, string] | undefined {
  if (!path.startsWith('/api/')) return undefined;
  const sent = sentCookies(req.headers.cookie);
  const raw = headers['set-cookie'];
  const set = (raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)]).map(setCookie);
  if (sent.length === 0 && set.length === 0) return undefined;
  return [WIRE_COOKIES_HEADER, JSON.stringify({ sent, set })];
}
