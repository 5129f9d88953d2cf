// A fast stand-in for Cloud Elements' step 1 on loopback: the cost of the upstream itself is
// kept tiny so the benchmark measures the proxies, not the upstream (or, with DELAY_MS, slow).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const body = JSON.stringify({
  token: 'bench-request-token-0123456789',
  secret: 'bench-request-token-secret',
});
// DELAY_MS: an upstream that takes its time, as Cloud Elements does when it calls the provider.
const delay = Number(process.env.DELAY_MS ?? 0);
// The catalog the BFF reads once at its first request: Twitter, whose overlay it has; with
// CATALOG=1, every element Cloud Elements documented (the sandbox's catalog), each definition
// with its configuration, so the BFF holds the whole catalog as it would against Cloud Elements.
const twitter = {
  key: 'twitter',
  name: 'Twitter',
  hub: 'social',
  authentication: { type: 'oauth1' },
};
const documented = process.env.CATALOG
  ? JSON.parse(readFileSync(new URL('../src/sandbox/catalog/elements.json', import.meta.url)))
      .elements
  : [];
const definitions = new Map(
  documented.map((entry) => [
    entry.key,
    {
      key: entry.key,
      name: entry.name,
      hub: entry.hub,
      authentication: { type: entry.authType },
      configuration: [
        ...entry.fields.map((field, i) => ({
          key: field.key,
          name: field.name ?? field.key,
          type: field.secretGuess ? 'PASSWORD' : 'TEXTFIELD_1000',
          required: field.required,
          displayOrder: i,
        })),
        ...(entry.oauthAuthorizationUrl
          ? [
              {
                key: 'oauth.authorization.url',
                internal: true,
                hideFromConsole: true,
                defaultValue: entry.oauthAuthorizationUrl,
              },
            ]
          : []),
      ],
    },
  ]),
);
definitions.set('twitter', twitter);
const catalog = JSON.stringify([
  twitter,
  ...documented
    .filter((e) => e.key !== 'twitter')
    .map(({ key, name, hub, authType }) => ({
      key,
      name,
      hub,
      authentication: { type: authType },
    })),
]);
/**
 * A reply, as bytes on the wire: the status line and headers Node's own server would write, then
 * the body. Cloud Elements runs on other machines; this stand-in shares the bench's two cores with
 * the servers measured, so it answers from prepared bytes over plain TCP (node:http's parser and
 * response objects cost ~40 µs a request here, taken from the server under test).
 */
let date = new Date().toUTCString();
setInterval(() => {
  date = new Date().toUTCString();
}, 1000).unref();
const reply = (status, text) => {
  const body = Buffer.from(text);
  const head = `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\nkeep-alive: timeout=60\r\ndate: `;
  return () => Buffer.concat([Buffer.from(`${head}${date}\r\n\r\n`), body]);
};
const token = reply(200, body);
const catalogReply = reply(200, catalog);
const definitionReplies = new Map(
  [...definitions].map(([key, definition]) => [key, reply(200, JSON.stringify(definition))]),
);
const noSuchElement = reply(404, JSON.stringify({ message: 'No such element' }));

function answerFor(path) {
  if (path.endsWith('/elements')) return { bytes: catalogReply(), now: true };
  const definition = /\/elements\/([^/]+)$/.exec(path)?.[1];
  if (definition !== undefined) {
    return { bytes: (definitionReplies.get(definition) ?? noSuchElement)(), now: true };
  }
  return { bytes: token(), now: delay === 0 };
}

const HEADERS_END = Buffer.from('\r\n\r\n');
const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    // Every whole request in what has arrived: its request line names the path; a body (by its
    // Content-Length) is skipped.
    for (;;) {
      const end = pending.indexOf(HEADERS_END);
      if (end < 0) return;
      const head = pending.toString('latin1', 0, end);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < end + 4 + length) return;
      pending = pending.subarray(end + 4 + length);
      const { bytes, now } = answerFor(head.split(' ', 2)[1]?.split('?')[0] ?? '');
      if (now) socket.write(bytes);
      else setTimeout(() => socket.writable && socket.write(bytes), delay);
    }
  });
  socket.on('error', () => {});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
