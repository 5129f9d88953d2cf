// The framework's share of the gap: the bare proxy's work (one upstream call over the same
// keep-alive pool, reply passed back) as a Hono app on @hono/node-server that also reads the JSON
// body, as the BFF must. What the BFF costs beyond this is its own work: validation, the exchange
// and its redaction, the sealed cookie, security headers, request id, log line and rate limit.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Agent, request } from 'undici';

const upstream = process.env.UPSTREAM;
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

const app = new Hono().post('/', async (c) => {
  await c.req.json();
  const res = await request(upstream, {
    headers: { accept: 'application/json' },
    dispatcher: agent,
  });
  return c.body(await res.body.text(), res.statusCode, { 'content-type': 'application/json' });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  process.send?.('ready'),
);
