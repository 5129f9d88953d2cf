import type { Exchange } from '@cew/shared';

/**
 * What an exchange's duration measures, in words. The BFF times its own calls upstream from
 * request to reply; a browser's call to it, only while the BFF handled it (the round trip is the
 * page's to time: the timeline's "on the wire" shows it). A record the browser made alone has none.
 */
export function durationText(exchange: Pick<Exchange, 'parties' | 'durationMs' | 'note'>) {
  if (exchange.note) return undefined;
  return exchange.parties.startsWith('Browser → BFF')
    ? `${exchange.durationMs} ms in the BFF`
    : `${exchange.durationMs} ms round trip`;
}
