// A fast stand-in for Cloud Elements' step 1 on loopback: the cost of the upstream itself is
// kept tiny so the benchmark measures the proxies, not the upstream (or, with DELAY_MS, slow).
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
// The catalog the BFF reads once at its first request: Twitter, whose overlay it has.
const catalog = JSON.stringify([
  { key: 'twitter', name: 'Twitter', hub: 'social', authentication: { type: 'oauth1' } },
]);
const server = createServer((req, res) => {
  if (req.url?.split('?')[0]?.endsWith('/elements')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(catalog);
  }
  if (delay > 0) setTimeout(() => answer(res), delay);
  else answer(res);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
