import { once } from 'node:events';
import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  type Server,
  ServerResponse,
} from 'node:http';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';

type Headers = OutgoingHttpHeaders | OutgoingHttpHeader[];

/** One more header for a response, from its path, its request and its own headers; or none. */
export type Annotate = (
  path: string,
  req: IncomingMessage,
  headers: OutgoingHttpHeaders,
) => [string, string] | undefined;

/**
 * The request's path as the app routes it. Node's `req.url` is the raw request target; the
 * adapter resolves `.` and `..` segments before Hono routes it, encoded ones too (`%2e%2e`), so
 * `/sandbox/../step/x` and `/sandbox/%2e%2e/api/instances` are the wizard's, and must get the
 * wizard's headers, not the sandbox's.
 */
const DOT_SEGMENT = /\/(\.|%2e)/i;
const pathOf = (url = '/') =>
  DOT_SEGMENT.test(url) ? new URL(url, 'http://localhost').pathname : url;

/** What a header middleware adds to every response, read once from a probe request. */
export async function headersSetBy(middleware: MiddlewareHandler): Promise<OutgoingHttpHeaders> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return Object.fromEntries(res.headers);
}

/**
 * The HTTP server under the app. Some headers are the same on every response for the server's
 * life (the security headers: the CSP's style hash is read at start), so they go out with the
 * status line from one object built at start. Set through Hono's `Headers` instead, a dozen
 * validated `set`s per response were the largest cost the framework added to step 1
 * (docs/benchmarks.md). Responses under `exceptUnder` (the sandbox, which plays other companies'
 * servers) keep only their own headers, as those servers would send.
 */
export async function serveApp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: {
    port: number;
    hostname: string;
    fixedHeaders: OutgoingHttpHeaders;
    exceptUnder: string;
    annotate?: Annotate;
  },
): Promise<Server> {
  const { exceptUnder, annotate } = options;
  // As a flat [name, value, …] list, which Node writes as it is: merging objects per response
  // (a spread of two header objects) cost more than the Headers it replaced.
  const fixed = Object.entries(options.fixedHeaders).flatMap(([name, value]) =>
    value === undefined ? [] : [name.toLowerCase(), value],
  );
  const fixedNames = new Set(fixed.filter((_, at) => at % 2 === 0));
  class WithFixedHeaders extends ServerResponse<IncomingMessage> {
    override writeHead(
      statusCode: number,
      messageOrHeaders?: string | Headers,
      headers?: Headers,
    ): this {
      const message = typeof messageOrHeaders === 'string' ? messageOrHeaders : undefined;
      const own = message === undefined ? (messageOrHeaders as Headers | undefined) : headers;
      const path = pathOf(this.req.url);
      const out = path.startsWith(exceptUnder) ? own : this.withFixed(own, path);
      return message === undefined
        ? super.writeHead(statusCode, out)
        : super.writeHead(statusCode, message, out);
    }

    /** The response's own headers and the fixed ones, which win: no route can weaken them. */
    private withFixed(own: Headers | undefined, path: string): Headers {
      const out = fixed.slice();
      if (Array.isArray(own)) {
        // Node's flat [name, value, …] form (the adapter never sends one).
        for (let at = 0; at + 1 < own.length; at += 2) {
          const [name, value] = [own[at], own[at + 1]];
          if (
            name !== undefined &&
            value !== undefined &&
            !fixedNames.has(String(name).toLowerCase())
          ) {
            out.push(name, value);
          }
        }
      } else if (own) {
        for (const name in own) {
          const value = own[name];
          if (value !== undefined && !fixedNames.has(name.toLowerCase())) out.push(name, value);
        }
        const extra = annotate?.(path, this.req, own);
        if (extra) out.push(...extra);
      }
      return out as OutgoingHttpHeader[];
    }
  }
  const server = serve({
    fetch,
    port: options.port,
    hostname: options.hostname,
    serverOptions: { ServerResponse: WithFixedHeaders as typeof ServerResponse },
  }) as Server;
  await once(server, 'listening');
  return server;
}
