import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { proxy } from 'hono/proxy';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from 'hono-rate-limiter';
import { Agent } from 'undici';
import { createAccess } from './access';
import { appOf, type Config, SANDBOX_MOUNT } from './config';
import { createElementCatalog } from './elements';
import { AppError, errorReply } from './errors';
import { createFlowStore } from './flow/cookie';
import { createSealer } from './flow/seal';
import { apiGuard, hostGuard } from './http-guard';
import { rateLimit } from './rate-limit';
import { createRedactor } from './redact';
import { requestLog } from './request-log';
import { contextOf, createFlowRoutes } from './routes/flow';
import { createInstanceRoutes } from './routes/instances';
import { createLabRoutes } from './routes/labs';
import { createElementRoutes, createMetaRoutes } from './routes/meta';
import { createSandboxApp } from './sandbox/app';
import { configuredSecrets } from './secrets';
import { headersSetBy, serveApp } from './server';
import { createStaticSite, inlineStyleSources } from './static-site';
import { createCloudElements } from './upstream/cloud-elements';
import { markArrival } from './upstream/deadline';
import { wireCookies } from './wire-cookies';

/** Request bodies of this API are tiny; anything larger is refused before it is read. */
const BODY_LIMIT_BYTES = 16 * 1024;

/** One line to stdout; console.log's formatting costs more than the rest of the line. */
const writeLine = (line: string) => {
  process.stdout.write(`${line}\n`);
};

/**
 * The security headers of every response but the sandbox's (which plays other companies' servers
 * and sends their headers). They never change while the server runs, so `serveApp` reads them
 * from this middleware once and writes them with each status line (see server.ts).
 */
function securityHeaders(config: Pick<Config, 'webDist'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", ...(config.webDist ? inlineStyleSources(config.webDist) : [])],
      fontSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
  });
}

/**
 * Starts the app's HTTP server on `port`: the security headers on every response, and on API
 * replies the names and sizes of the cookies that went by (wire-cookies.ts).
 */
export async function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  config: Pick<Config, 'webDist'>,
  options: { port: number; hostname: string },
) {
  return serveApp(app.fetch, {
    ...options,
    fixedHeaders: await headersSetBy(securityHeaders(config)),
    exceptUnder: `${SANDBOX_MOUNT}/`,
    annotate: wireCookies,
  });
}

/** What one worker of several shares with the others (cluster.ts); absent in one process. */
export type Shared = {
  /** The count of wrong sign-in codes, held by the primary for every worker. */
  signInStore: Store;
};

export function createApp(
  config: Config,
  log: (line: string) => void = writeLine,
  shared?: Shared,
) {
  const secrets = configuredSecrets(config);
  // Built once: every route and the error log redact with the same configured secrets.
  const redactor = createRedactor(secrets);
  const sandboxOrigin = config.mode === 'sandbox' ? new URL(config.publicUrl).origin : undefined;
  // One keep-alive pool for every upstream call: Node's fetch would open and tear down more.
  // 512 a host: a room of learners clicking at once is served at once, not in rounds of a
  // smaller pool (each round an upstream's latency more), so the deadline holds for everyone.
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 512 });

  const secure = config.publicUrl.startsWith('https:');
  const sealer = createSealer(config.sessionSecret);
  const publicUrl = new URL(config.publicUrl);
  // Every call that costs an upstream call made with the organization's secrets is limited.
  // With several workers each counts its share of an address's calls (approximate: a burst may
  // land unevenly); one process counts them all.
  const upstreamLimit = rateLimit(config.rateLimitPerMinute, config.trustProxy, 'requests', false, {
    shares: shared ? config.workers : 1,
  });
  const reachesUpstream = (method: string, path: string) =>
    method === 'GET'
      ? path === '/api/instances' ||
        path === '/api/labs/provider-legs' ||
        (path.startsWith('/api/elements/') && path.endsWith('/check'))
      : path !== '/api/flow';
  const access = createAccess({
    classPossible: config.classPossible,
    accessCode: config.accessCode,
    trainerCode: config.trainerCode,
    sealer,
    secure,
    // Wrong codes only: a class behind one address signs in together.
    limit: rateLimit(10, config.trustProxy, 'wrong sign-in attempts', true, {
      store: shared?.signInStore,
    }),
  });
  const tooLarge = () => {
    throw new AppError(413, 'payload_too_large', 'The request body is too large (16 KiB at most).');
  };
  const streamLimit = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: tooLarge });
  // Hono's bodyLimit wraps every request in a new stream (it halves throughput). A declared
  // Content-Length is enforced by Node's parser, so it is checked as a number; only a chunked
  // body, which has none, is counted as it streams.
  const limitBody: MiddlewareHandler = (c, next) => {
    if (c.req.method !== 'POST') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined) return streamLimit(c, next);
    if (Number(declared) > BODY_LIMIT_BYTES) tooLarge();
    return next();
  };
  // Built once: every route calls Cloud Elements through the same client, pool and redactor.
  const ce = createCloudElements({
    baseUrl: config.ceBaseUrl,
    appOf: (element) => appOf(config, element),
    callbackUrl: config.callbackUrl,
    credentials: { userSecret: config.ceUserSecret, orgSecret: config.ceOrgSecret },
    redactor,
    dispatcher,
    timeoutMs: config.upstreamTimeoutMs,
    sandbox: config.mode === 'sandbox',
    instanceTag: config.instanceTag,
  });
  const store = createFlowStore(sealer, secure);
  // What Cloud Elements offers, read from it (the sandbox's in sandbox mode) and kept.
  const catalog = createElementCatalog(config, ce, (element) => appOf(config, element));
  const api = new Hono()
    .use(hostGuard(publicUrl.host))
    .use(apiGuard(publicUrl.origin))
    .use(limitBody)
    .route('/', createMetaRoutes(config, access.required))
    .route('/session', access.routes)
    .use(access.guard)
    .use((c, next) => (reachesUpstream(c.req.method, c.req.path) ? upstreamLimit(c, next) : next()))
    .route(
      '/flow',
      createFlowRoutes({
        ce,
        store,
        oauthUrlPolicy: {
          extraHosts: config.oauthExtraHosts,
          sandboxOrigin,
          carriesSecret: redactor.carriesKnownSecret,
        },
        callbackUrl: config.callbackUrl,
        sandbox: config.mode === 'sandbox',
        catalog,
        callerOf: access.callerOf,
      }),
    )
    .route('/labs', createLabRoutes({ ce, store, catalog, sandbox: config.mode === 'sandbox' }))
    .route('/elements', createElementRoutes(catalog, ce))
    .route(
      '/instances',
      createInstanceRoutes(ce, config.instanceTag, access.callerOf, (c) => {
        const flow = store.load(c);
        return flow ? contextOf(c, flow).secrets : [];
      }),
    )
    .all('*', () => {
      throw new AppError(404, 'not_found', 'There is no such API route.');
    });

  const app = new Hono();
  // Each request's upstream deadline runs from its arrival (upstream/deadline.ts).
  app.use(markArrival);
  app.use(requestId());
  app.use(requestLog(log, { everything: config.logLevel === 'debug' }));
  app.onError((error, c) => {
    if (error instanceof AppError) return errorReply(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals, such as malformed JSON in a request body.
      return errorReply(c, new AppError(400, 'bad_request', error.message || 'Bad request.'));
    }
    const message = redactor.redactString(String(error));
    log(JSON.stringify({ level: 'error', id: c.get('requestId'), error: message }));
    return errorReply(
      c,
      new AppError(500, 'internal', 'Something went wrong inside the wizard. Try again.'),
    );
  });

  const routes = app.route('/api', api);
  if (config.sandboxOrigin) {
    // One worker of several: the sandbox runs once, beside the workers; the browser's consent
    // pages are forwarded to it as they came (redirects included, for the browser to follow).
    const sandboxOrigin = config.sandboxOrigin;
    app.use(`${SANDBOX_MOUNT}/*`, sandboxHostGuard(publicUrl.host, publicUrl.host));
    app.all(`${SANDBOX_MOUNT}/*`, (c) => {
      const { pathname, search } = new URL(c.req.url);
      return proxy(`${sandboxOrigin}${pathname}${search}`, { raw: c.req.raw, redirect: 'manual' });
    });
  } else if (config.mode === 'sandbox') {
    app.route('/', createSandboxSite(config, new URL(config.ceBaseUrl).host));
  }
  if (config.webDist) {
    // The flow cookie belongs to one host: someone who opens http://localhost:8787 while
    // PUBLIC_URL says 127.0.0.1 would lose it at the callback. Send them to PUBLIC_URL first.
    const publicHost = new URL(config.publicUrl).host;
    app.get('*', async (c, next) => {
      if (c.req.header('host') === publicHost) return next();
      const { pathname, search } = new URL(c.req.url);
      return c.redirect(`${config.publicUrl}${pathname}${search}`, 302);
    });
    // The page gives a new browser its learner tag, before the page's own calls: two calls sent
    // at once would otherwise each make one, and an instance would be filed under the other.
    app.get('*', (c, next) => {
      if (!c.req.path.startsWith('/assets/')) access.ensureTag(c);
      return next();
    });
    app.route('/', createStaticSite(config.webDist, { sandbox: config.mode === 'sandbox' }));
  }
  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/**
 * The sandbox answers only at the address people browse (its consent pages) and at the loopback
 * address the BFF calls it on: a page on another name (DNS rebinding) reaches none of it.
 */
function sandboxHostGuard(publicHost: string, internalHost: string): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host !== publicHost && host !== internalHost) {
      return c.json(
        {
          message: `The sandbox answers only at ${publicHost}. Open the wizard at its PUBLIC_URL.`,
        },
        421,
      );
    }
    await next();
  };
}

/**
 * The sandbox as a site of its own under `/sandbox`: in this process (one process), or once in
 * the primary beside several workers, which call it on `internalHost`.
 */
export function createSandboxSite(config: Config, internalHost: string) {
  return new Hono()
    .use(`${SANDBOX_MOUNT}/*`, sandboxHostGuard(new URL(config.publicUrl).host, internalHost))
    .route(
      SANDBOX_MOUNT,
      createSandboxApp({
        publicUrl: `${config.publicUrl}${SANDBOX_MOUNT}`,
        userSecret: config.ceUserSecret,
        orgSecret: config.ceOrgSecret,
        privateApi: config.classPossible,
        // The sandbox plays every provider, each with its demo app registered.
        callbackUrl: config.callbackUrl,
      }),
    );
}
