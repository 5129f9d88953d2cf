import type { Exchange } from '@cew/shared';

/** What each exchange was, for the HAR entry's comment (step numbers differ by element: none). */
const TITLES: Record<Exchange['step'], string> = {
  'request-token': 'Get a request token',
  'authorize-url': 'Get the authorization URL',
  callback: 'The callback',
  'create-instance': 'Create the instance',
  'try-it': 'Try it: a call through the instance',
  'list-instances': 'List instances',
  'delete-instance': 'Delete an instance',
  'check-element': 'Check the element against Cloud Elements',
  'hub-call': 'Your own call through the instance',
  lab: 'A sandbox lab',
};

const json = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 2);

const INSTANCE_TOKEN = '<INSTANCE_TOKEN>';

/**
 * The exchanges with the instance token in place of its marker: only when the person ticked the
 * box that says the export will then hold a credential.
 */
export function withInstanceToken(exchanges: Exchange[], token: string): Exchange[] {
  return JSON.parse(JSON.stringify(exchanges).split(INSTANCE_TOKEN).join(token));
}

const headerList = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

/** The flow as HAR 1.2, which browser devtools open. Already redacted. */
export function toHar(exchanges: Exchange[]) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Cloud Elements Instance Wizard', version: '1.0' },
      pages: [],
      entries: exchanges.map((exchange) => {
        const query = URL.canParse(exchange.url) ? [...new URL(exchange.url).searchParams] : [];
        const requestText =
          exchange.requestBody === undefined ? undefined : JSON.stringify(exchange.requestBody);
        const responseText = exchange.responseBody === undefined ? '' : json(exchange.responseBody);
        return {
          startedDateTime: exchange.startedAt,
          time: exchange.durationMs,
          comment: `${TITLES[exchange.step]} (${exchange.parties})`,
          request: {
            method: exchange.method,
            url: exchange.url,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: headerList(exchange.requestHeaders),
            queryString: query.map(([name, value]) => ({ name, value })),
            ...(requestText === undefined
              ? {}
              : { postData: { mimeType: 'application/json', text: requestText } }),
            headersSize: -1,
            bodySize: requestText?.length ?? 0,
          },
          response: {
            status: exchange.status ?? 0,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: headerList(exchange.responseHeaders),
            content: {
              size: responseText.length,
              mimeType: exchange.responseHeaders['content-type'] ?? 'application/json',
              text: responseText,
            },
            redirectURL: '',
            headersSize: -1,
            bodySize: responseText.length,
          },
          cache: {},
          timings: { send: 0, wait: exchange.durationMs, receive: 0 },
        };
      }),
    },
  };
}

/** Saves text as a file through the browser's download. */
export function download(
  filename: string,
  content: string | Uint8Array<ArrayBuffer>,
  type: string,
) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
