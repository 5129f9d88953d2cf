// A fast stand-in for Cloud Elements' step 1 on loopback: the cost of the upstream itself is
// kept tiny so the benchmark measures the proxies, not the upstream (or, with DELAY_MS, slow).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = JSON.stringify({
  token: 'bench-request-token-0123456789',
  secret: 'bench-request-token-secret',
});
// DELAY_MS: an upstream that takes its time, as Cloud Elements does when it calls the provider.
const delay = Number(process.env.DELAY_MS ?? 0);
const answer = (res) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
};
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
const server = createServer((req, res) => {
  const path = req.url?.split('?')[0] ?? '';
  if (path.endsWith('/elements')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(catalog);
  }
  const definition = /\/elements\/([^/]+)$/.exec(path)?.[1];
  if (definition !== undefined) {
    res.writeHead(definitions.has(definition) ? 200 : 404, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(definitions.get(definition) ?? { message: 'No such element' }));
  }
  if (delay > 0) setTimeout(() => answer(res), delay);
  else answer(res);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
