import { durationText, type Exchange, type ProviderLegs } from '@cew/shared';

/** Titles in the guide's style, one heading per step. */
const TITLES: Record<Exchange['step'], string> = {
  'request-token': 'Step 1. Get Elements OAuth Token',
  'authorize-url': 'Step 2. Get Elements OAuth URL',
  callback: 'Step 3. Handle the callback from the endpoint',
  'create-instance': 'Step 4. Create an Instance',
  'try-it': 'Try it: a call through the instance',
  'list-instances': 'List instances',
  'delete-instance': 'Delete an instance',
  'check-element': 'Check the element against Cloud Elements',
  'hub-call': 'Your own call through the instance',
  lab: 'A sandbox lab',
};

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;
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

/** What the handout adds to the exchanges: the provider legs and the diagram. */
export type Handout = {
  element: string;
  /** Sandbox mode: Cloud Elements' calls to the provider, as the sandbox recorded them. */
  legs?: ProviderLegs['legs'];
  /** The sequence, as a standalone SVG. */
  diagram?: string;
};

/** The provider legs as Markdown: each signed call's parameters and signature working. */
function legsMarkdown(legs: ProviderLegs['legs'], element: string): string[] {
  const lines = ['', `## Behind the scenes: Cloud Elements' calls to ${element}`, ''];
  lines.push(
    'Your app never makes these calls: Cloud Elements makes them, server to server. Recorded by the sandbox, secrets as markers.',
  );
  for (const leg of legs) {
    lines.push('', `### ${leg.method} ${leg.url} → ${leg.status}`, '');
    if (leg.name === 'token') {
      lines.push('| form field | value |', '|---|---|');
      for (const [name, value] of leg.form) lines.push(`| ${name} | \`${value}\` |`);
    } else {
      lines.push('| oauth parameter | value |', '|---|---|');
      for (const [name, value] of leg.oauthParams) lines.push(`| ${name} | \`${value}\` |`);
      lines.push('', 'Signature base string:', '', fence('text', leg.baseString));
      lines.push(
        '',
        `Signing key: \`${leg.signingKey}\` · HMAC-SHA1 signature: \`${leg.signature}\``,
      );
    }
    lines.push('', 'Reply:', '', fence('text', leg.responseBody));
  }
  return lines;
}

/** A readable transcript of the flow, as the Cloud Elements guide writes it. Already redacted. */
export function toMarkdown(
  exchanges: Exchange[],
  mode: string,
  tokenIncluded = false,
  handout: Handout = { element: 'an element' },
): string {
  const lines = [
    `# Cloud Elements "Create Instance" for ${handout.element}: transcript`,
    '',
    `Recorded by the Cloud Elements Instance Wizard in ${mode} mode on ${new Date().toISOString()}.`,
    tokenIncluded
      ? 'Secrets were replaced by markers such as `<CE_USER_SECRET>` before they left the wizard’s server, except the instance token, which you chose to include: keep this file like a password.'
      : 'Secrets were replaced by markers such as `<CE_USER_SECRET>` before they left the wizard’s server; the instance token shows as `<INSTANCE_TOKEN>`.',
  ];
  for (const exchange of exchanges) {
    lines.push('', `## ${TITLES[exchange.step]}`, '');
    lines.push(`* ${exchange.parties}: \`${exchange.method} ${exchange.url}\``);
    const took = durationText(exchange);
    lines.push(`* Status: ${exchange.status ?? 'no reply'}${took ? `, ${took}` : ''}`, '');
    if (exchange.curl) lines.push('Example cURL Command:', '', fence('bash', exchange.curl), '');
    if (exchange.requestBody !== undefined)
      lines.push('Request:', '', fence('json', json(exchange.requestBody)), '');
    if (exchange.responseBody !== undefined)
      lines.push('Response:', '', fence('json', json(exchange.responseBody)));
  }
  if (handout.legs?.length) lines.push(...legsMarkdown(handout.legs, handout.element));
  if (handout.diagram) lines.push('', '## The sequence', '', handout.diagram);
  return `${lines.join('\n')}\n`;
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
export function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
