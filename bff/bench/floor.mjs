// The same-work floor for step 1: plain node:http doing the work step 1 must do, with no framework
// and no design around it. It reads the JSON body, makes the same upstream call over the same
// keep-alive pool, records the exchange (the same fields and curl line as the BFF's), hides the
// secrets in it, seals a small AES-256-GCM flow cookie, writes a log line, and answers with the
// same response headers the BFF sends (measured from the BFF at the start of the bench) and a
// reply of the same shape and size. What the BFF costs beyond this is framework and design.
import { createCipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Agent, request } from 'undici';

const base = process.env.UPSTREAM_BASE;
const replyHeaders = JSON.parse(process.env.REPLY_HEADERS ?? '{}');
const app = {
  apiKey: 'sandbox-twitter-api-key',
  apiSecret: 'sandbox-twitter-api-secret',
  callbackUrl: `http://127.0.0.1:${process.env.PORT}/oauth/callback`,
};
const secrets = [
  [app.apiSecret, '<TWITTER_API_SECRET>'],
  [app.apiKey, '<TWITTER_API_KEY>'],
  ['sandbox-user-secret-0000', '<CE_USER_SECRET>'],
  ['sandbox-org-secret-0000', '<CE_ORG_SECRET>'],
];
const key = Buffer.from(hkdfSync('sha256', 'floor-session-secret', 'cew', 'aes', 32));
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

function seal(value) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = JSON.stringify({ exp: Date.now() + 1_800_000, value });
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `v2.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

async function stepOne(input) {
  const state = randomBytes(16).toString('base64url');
  const query = new URLSearchParams({ ...app, state });
  const url = `${base}/elements/twitter/oauth/token?${query}`;
  const requestHeaders = { accept: 'application/json' };
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const res = await request(url, { headers: requestHeaders, dispatcher: agent });
  const data = JSON.parse(await res.body.text());
  const responseHeaders = {};
  for (const [name, value] of Object.entries(res.headers)) responseHeaders[name] = String(value);
  const exchange = {
    step: 'request-token',
    parties: 'BFF → Cloud Elements',
    method: 'GET',
    url,
    requestHeaders,
    status: res.statusCode,
    responseHeaders,
    responseBody: data,
    durationMs: Math.round(performance.now() - started),
    startedAt,
    curl: `curl -X GET \\\n  -H 'accept: application/json' \\\n  '${url}'`,
  };
  const flow = {
    id: randomBytes(8).toString('base64url'),
    element: 'twitter',
    done: 'request-token',
    scenario: input.scenario ?? 'none',
    state,
    requestToken: data.token,
    tokenSecret: data.secret,
  };
  const view = { ...flow, authType: 'oauth1', tokenSecret: undefined, state: undefined };
  let reply = JSON.stringify({ requestToken: data.token, exchange, flow: view });
  for (const [value, marker] of secrets) reply = reply.split(value).join(marker);
  reply = reply.split(data.secret).join('<REQUEST_TOKEN_SECRET>');
  return { reply, cookie: seal(flow) };
}

const server = createServer((req, res) => {
  const started = performance.now();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const { reply, cookie } = await stepOne(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
    const id = randomUUID();
    res.writeHead(200, {
      ...replyHeaders,
      'x-request-id': id,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(reply),
      'set-cookie': `cew_flow=${cookie}; Max-Age=1800; Path=/api; HttpOnly; SameSite=Lax`,
    });
    res.end(reply);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `${JSON.stringify({ level: 'info', id, method: req.method, path: req.url, status: 200, ms })}\n`,
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
