import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { shutDown } from './shutdown';

describe('shutDown', () => {
  it('closes a client stuck on a half-sent request after the drain time, and says so', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    // A client that sends half a request line and then nothing more.
    const stuck = connect(port, '127.0.0.1');
    await once(stuck, 'connect');
    stuck.write('POST /api/flow/request-token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le');
    const closed = once(stuck, 'close');
    const logs: string[] = [];
    const started = performance.now();
    await shutDown(server, { drainMs: 300, log: (line) => logs.push(line) });
    const elapsed = performance.now() - started;
    await closed;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
    expect(logs.join()).toContain('closed 1 connection(s) still open after 300 ms');
  });

  it('stops at once when nothing is in progress', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const started = performance.now();
    await shutDown(server, { drainMs: 5_000, log: () => {} });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
