import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { createRedactor } from '../redact';
import { expectOk, sendUpstream } from './http';

/** A real upstream on loopback that misbehaves in each of the ways Cloud Elements could. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (req.url?.split('?')[0]) {
      case '/ok':
        return send(200, JSON.stringify({ token: 't', secret: 'upstream-secret' }));
      case '/ce-400':
        return send(
          400,
          JSON.stringify({ requestId: 'r-1', message: 'Missing apiKey', providerMessage: 'p' }),
        );
      case '/ce-403-odd':
        return send(403, JSON.stringify({ requestId: 42, message: 'Forbidden' }));
      case '/ce-500':
        return send(500, JSON.stringify({ requestId: 'r-2', message: 'Internal failure' }));
      case '/html':
        return send(200, '<html>maintenance</html>', 'text/html');
      case '/wrong-shape':
        return send(200, JSON.stringify({ unexpected: true }));
      case '/redirect':
        res.writeHead(302, { location: '/ok' });
        return res.end();
      case '/huge-chunked':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`"${'x'.repeat(1 << 20)}`);
        return res.end('"');
      case '/huge':
        return send(200, `"${'x'.repeat(1 << 20)}"`);
      case '/deep':
        // 5,000 levels in 20 KB: far under the size limit, far past any real reply's depth.
        return send(200, `${'['.repeat(5000)}${']'.repeat(5000)}`);
      case '/slow':
        return setTimeout(() => send(200, '{}'), 2_000);
      case '/trickle': {
        // Headers at once, then a byte every 100 ms for 3 s: each chunk well within the limit.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('"');
        const drip = setInterval(() => res.write('x'), 100);
        return setTimeout(() => {
          clearInterval(drip);
          res.end('"');
        }, 3_000);
      }
      case '/reset':
        return req.socket.destroy();
      default:
        return send(404, JSON.stringify({ message: 'no route' }));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const options = {
  dispatcher: new Agent(),
  timeoutMs: 300,
  redactor: createRedactor([{ value: 'app-secret-value', marker: '<TWITTER_API_SECRET>' }]),
};
const Reply = z.object({ token: z.string(), secret: z.string() });

async function failure(path: string, timeoutMs = options.timeoutMs): Promise<AppError> {
  try {
    const reply = await sendUpstream(
      {
        step: 'request-token',
        method: 'GET',
        url: `${base}${path}?apiSecret=app-secret-value`,
        headers: {},
      },
      { ...options, timeoutMs },
    );
    expectOk(reply, Reply, 'the request token call');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${path} did not fail`);
}

describe('upstream calls', () => {
  it('records a successful call as a redacted exchange', async () => {
    const reply = await sendUpstream(
      {
        step: 'request-token',
        method: 'GET',
        url: `${base}/ok?apiSecret=app-secret-value`,
        headers: {},
      },
      options,
    );
    expect(expectOk(reply, Reply, 'x')).toEqual({ token: 't', secret: 'upstream-secret' });
    expect(reply.exchange.url).toBe(`${base}/ok?apiSecret=<TWITTER_API_SECRET>`);
    expect(reply.exchange.status).toBe(200);
    expect(reply.exchange.responseBody).toEqual({ token: 't', secret: '<REQUEST_TOKEN_SECRET>' });
    expect(reply.exchange.curl).toContain("'http://127.0.0.1");
    expect(JSON.stringify(reply.exchange)).not.toContain('app-secret-value');
  });

  it('passes a Cloud Elements 4xx through with its status, message, requestId and providerMessage', async () => {
    const error = await failure('/ce-400');
    expect(error).toMatchObject({ status: 400, code: 'upstream_error', message: 'Missing apiKey' });
    expect(error.details).toMatchObject({ requestId: 'r-1', providerMessage: 'p' });
    expect(error.details.exchange?.status).toBe(400);
  });

  it('keeps a Cloud Elements message when its requestId is malformed', async () => {
    const error = await failure('/ce-403-odd');
    expect(error).toMatchObject({ status: 403, code: 'upstream_error', message: 'Forbidden' });
    expect(error.details.requestId).toBeUndefined();
  });

  it('turns an upstream 5xx into 502, keeping its message', async () => {
    const error = await failure('/ce-500');
    expect(error).toMatchObject({ status: 502, code: 'upstream_error' });
    expect(error.message).toContain('Internal failure');
  });

  it('turns a non-JSON or wrongly shaped reply into 502', async () => {
    expect(await failure('/html')).toMatchObject({ status: 502, code: 'upstream_bad_reply' });
    expect(await failure('/wrong-shape')).toMatchObject({
      status: 502,
      code: 'upstream_bad_reply',
    });
  });

  it('refuses a reply over 1 MiB, declared or streamed, as a reply it does not understand', async () => {
    for (const path of ['/huge', '/huge-chunked']) {
      // A deadline far from the time a busy machine takes to stream 1 MiB: the size is judged.
      const error = await failure(path, 10_000);
      expect(error).toMatchObject({ status: 502, code: 'upstream_bad_reply' });
      expect(error.details.exchange?.responseBody).toBe('(reply larger than 1 MiB, not shown)');
    }
  });

  it('shows a reply nested 5,000 deep as what it is, a clear 502, not a crash', async () => {
    const error = await failure('/deep');
    expect(error).toMatchObject({ status: 502, code: 'upstream_bad_reply' });
    expect(error.details.exchange?.responseBody).toBe(
      '(reply nested deeper than 100 levels, not shown)',
    );
  });

  it('does not follow redirects', async () => {
    const error = await failure('/redirect');
    expect(error).toMatchObject({ status: 502, code: 'upstream_error' });
    expect(error.details.exchange?.status).toBe(302);
  });

  it('gives up after the timeout with 504', async () => {
    const started = performance.now();
    const error = await failure('/slow');
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(error.details.exchange?.status).toBeNull();
  });

  it('counts the wait for a free connection against the deadline: a burst bigger than the pool', async () => {
    // Six calls at once through a pool of two, to an upstream that takes 2 s: the four that wait
    // for a connection must give up at their deadline too, not a round later each.
    const pool = new Agent({ connections: 2 });
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        sendUpstream(
          { step: 'request-token', method: 'GET', url: `${base}/slow`, headers: {} },
          { ...options, dispatcher: pool, timeoutMs: 600 },
        ).then(
          () => 'answered',
          (error: AppError) =>
            `${error.status} after ${Math.round(performance.now() - started)} ms`,
        ),
      ),
    );
    await pool.close();
    for (const outcome of outcomes) expect(outcome).toMatch(/^504 after \d+ ms$/);
    const worst = Math.max(...outcomes.map((o) => Number(/after (\d+)/.exec(o)?.[1])));
    expect(worst).toBeLessThan(600 + 400);
  });

  it('runs the deadline from the request’s arrival, not from the call', async () => {
    const arrived = performance.now();
    // The request spent 400 ms in the BFF before its upstream call began.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const error = await sendUpstream(
      { step: 'request-token', method: 'GET', url: `${base}/slow`, headers: {} },
      { ...options, timeoutMs: 1000, arrivedAt: arrived },
    ).catch((e: AppError) => e);
    expect(error).toMatchObject({ status: 504 });
    // About 1000 ms after the arrival (timers may fire a little early), not 400 + 1000.
    const elapsed = performance.now() - arrived;
    expect(elapsed).toBeGreaterThan(900);
    expect(elapsed).toBeLessThan(1000 + 300);
  });

  it('holds the deadline for the whole call, however slowly the body trickles in', async () => {
    const started = performance.now();
    const error = await failure('/trickle');
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('turns a reset or refused connection into 502', async () => {
    expect(await failure('/reset')).toMatchObject({ status: 502, code: 'upstream_unreachable' });
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    try {
      await sendUpstream(
        { step: 'request-token', method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} },
        options,
      );
      throw new Error('did not fail');
    } catch (error) {
      expect(error).toMatchObject({ status: 502, code: 'upstream_unreachable' });
      expect((error as AppError).message).toContain('ECONNREFUSED');
    }
  });
});
