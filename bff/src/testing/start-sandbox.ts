import { once } from 'node:events';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSandboxApp, type SandboxOptions } from '../sandbox/app';

export type Received = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
};

/**
 * The sandbox standalone on a loopback port, as live mode sees Cloud Elements, recording every
 * request it receives so tests can check what the BFF sent.
 */
export async function startSandbox(
  options: Omit<SandboxOptions, 'publicUrl'>,
  /** Changes a reply on its way out: an upstream that answers more, or worse, than the real one. */
  reshape?: (reply: Response, url: URL, received: Received) => Promise<Response>,
) {
  const received: Received[] = [];
  let publicUrl = '';
  let sandbox: Hono | undefined;
  const app = new Hono().all('*', async (c) => {
    const record: Received = {
      method: c.req.method,
      url: new URL(c.req.url),
      headers: Object.fromEntries(c.req.raw.headers),
      body: await c.req.raw.clone().text(),
    };
    received.push(record);
    sandbox ??= createSandboxApp({ ...options, publicUrl });
    const reply = await sandbox.fetch(c.req.raw);
    return reshape ? reshape(reply, record.url, record) : reply;
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  publicUrl = `http://127.0.0.1:${address.port}`;
  return {
    publicUrl,
    ceBaseUrl: `${publicUrl}/elements/api-v2`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/**
 * A hand-made upstream behind Cloud Elements' catalog call: `GET /elements` lists Twitter (whose
 * overlay the wizard has), then every other request goes to `app`, as a hostile upstream answers.
 */
export const withTwitterListed = (app: Hono) =>
  new Hono()
    .get('/elements/api-v2/elements', (c) =>
      c.json([
        { key: 'twitter', name: 'Twitter', hub: 'social', authentication: { type: 'oauth1' } },
      ]),
    )
    .route('/', app);
