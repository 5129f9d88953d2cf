// The floor for a Node proxy: node:http in, one upstream call out over a keep-alive pool, reply
// passed back. CLIENT=fetch swaps in Node's global fetch to show what the client choice costs.
import { createServer } from 'node:http';
import { Agent, request } from 'undici';

const upstream = process.env.UPSTREAM;
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

async function callUpstream() {
  if (process.env.CLIENT === 'fetch') {
    const res = await fetch(upstream, { headers: { accept: 'application/json' } });
    return { status: res.status, text: await res.text() };
  }
  const res = await request(upstream, {
    headers: { accept: 'application/json' },
    dispatcher: agent,
  });
  return { status: res.statusCode, text: await res.body.text() };
}

const server = createServer(async (req, res) => {
  req.resume();
  const { status, text } = await callUpstream();
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
