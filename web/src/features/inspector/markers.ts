import { type ElementView, type Exchange, fieldMarker, KINDS } from '@cew/shared';

/** What stood where each marker stands: the value the BFF sent or received, never shown here. */
const MEANING: Record<string, string> = {
  '<CE_USER_SECRET>': 'your Cloud Elements user secret (CE_USER_SECRET in the BFF’s environment)',
  '<CE_ORG_SECRET>':
    'your Cloud Elements organization secret (CE_ORG_SECRET in the BFF’s environment)',
  '<REQUEST_TOKEN_SECRET>': 'the request token’s secret, from the flow cookie the BFF sealed',
  '<INSTANCE_TOKEN>':
    'the new instance’s token, which the BFF keeps in the sealed flow cookie (step 5 shows it on request)',
  '<ACCESS_TOKEN>': 'the provider’s access token, which Cloud Elements holds',
  '<ACCESS_TOKEN_SECRET>': 'the access token’s secret, which Cloud Elements holds',
  '<REFRESH_TOKEN>': 'the provider’s refresh token, which Cloud Elements holds',
  '<API_SECRET>':
    'an app secret a reply carried under its name, hidden though the BFF never knew it',
  '<TOKEN>': 'an instance token a reply carried, hidden though it is not this flow’s',
};

/** The element's own markers: its app's key and secret, and the secrets a person types. */
function elementMeanings(element: ElementView | undefined): Record<string, string> {
  if (!element) return {};
  const app = KINDS[element.authType].app;
  const p = element.provider;
  return {
    ...(app && element.markers.apiSecret
      ? {
          [element.markers.apiSecret]:
            `your ${p} app’s ${app.secretName} (${element.env}_API_SECRET)`,
        }
      : {}),
    ...(app && element.markers.apiKey
      ? { [element.markers.apiKey]: `your ${p} app’s ${app.keyName} (${element.env}_API_KEY)` }
      : {}),
    ...Object.fromEntries(
      element.fields
        .filter((field) => field.secret)
        .map((field) => [
          fieldMarker(element, field),
          `your ${p} ${field.title}, as you typed it (sealed in this flow’s cookie while the flow lasts)`,
        ]),
    ),
  };
}

export type MarkerRow = {
  /** Where in the exchange, e.g. "query apiSecret" or "request body providerData.secret". */
  where: string;
  /** Which way it went: in the BFF's request, or in the reply it received. */
  direction: 'sent' | 'received';
  marker: string;
  meaning: string;
};

const MARKER = /<[A-Z][A-Z_]+>/g;

/** Every marker in a JSON value, with the path of the field that holds it. */
function inValue(value: unknown, path: string, found: [string, string][]) {
  if (typeof value === 'string') {
    for (const marker of value.match(MARKER) ?? []) found.push([path, marker]);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) inValue(item, `${path}[${i}]`, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      inValue(item, path ? `${path}.${key}` : key, found);
  }
}

/**
 * Where the BFF replaced a secret in one exchange, and with what: the split between what went
 * over the wire upstream and what this page received.
 */
export function markersIn(exchange: Exchange, element?: ElementView): MarkerRow[] {
  const meanings = { ...MEANING, ...elementMeanings(element) };
  const rows: MarkerRow[] = [];
  const add = (direction: MarkerRow['direction'], where: string, found: [string, string][]) => {
    for (const [path, marker] of found) {
      rows.push({
        where: `${where}${path ? ` ${path}` : ''}`,
        direction,
        marker,
        meaning: meanings[marker] ?? 'a secret the BFF recognised and hid',
      });
    }
  };
  const query: [string, string][] = [];
  if (URL.canParse(exchange.url)) {
    for (const [name, value] of new URL(exchange.url).searchParams) inValue(value, name, query);
  }
  add('sent', 'query', query);
  const headers = (list: Record<string, string>) => {
    const found: [string, string][] = [];
    for (const [name, value] of Object.entries(list)) inValue(value, name, found);
    return found;
  };
  add('sent', 'header', headers(exchange.requestHeaders));
  const body: [string, string][] = [];
  inValue(exchange.requestBody, '', body);
  add('sent', 'request body', body);
  add('received', 'header', headers(exchange.responseHeaders));
  const reply: [string, string][] = [];
  inValue(exchange.responseBody, '', reply);
  add('received', 'response body', reply);
  return rows;
}
