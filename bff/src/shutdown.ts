import type { Server } from 'node:http';

/**
 * Stops a server on SIGTERM without hanging: new connections are refused and idle ones closed at
 * once; requests in progress get up to `drainMs` to finish; whatever is left then (a client
 * holding a half-sent request, say) is closed, and the log says how many.
 */
export function shutDown(
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'> & {
    getConnections?: Server['getConnections'];
  },
  options: { drainMs: number; log: (line: string) => void },
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const closeRest = (count: number) => {
        options.log(
          JSON.stringify({
            level: 'warn',
            msg: `shutdown: closed ${count} connection(s) still open after ${options.drainMs} ms`,
          }),
        );
        server.closeAllConnections();
      };
      if (server.getConnections) server.getConnections((_, count) => closeRest(count));
      else closeRest(Number.NaN);
    }, options.drainMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
