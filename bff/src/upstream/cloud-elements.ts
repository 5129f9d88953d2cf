import {
  type ElementDescriptor,
  type Instance,
  InstanceSchema,
  type InstanceSettings,
  KINDS,
  ProviderLegsSchema,
  SCENARIO_HEADER,
  type Scenario,
  type TamperInput,
  TamperResultSchema,
  TOKEN_MAX,
} from '@cew/shared';
import { APP_KEY, APP_SECRET } from '@cew/shared/definition';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { AppCredentials } from '../config';
import { AppError } from '../errors';
import type { KnownSecret, Redactor } from '../redact';
import { appSecrets } from '../secrets';
import { expectOk, sendUpstream, type UpstreamCall, type UpstreamReply } from './http';

export type CloudElementsOptions = {
  /** Cloud Elements' API root, e.g. https://api.cloud-elements.com/elements/api-v2. */
  baseUrl: string;
  /** This server's provider app for an element, if it holds one (else the person types theirs). */
  appOf: (element: ElementDescriptor) => AppCredentials | undefined;
  /** The callback registered with every provider app. */
  callbackUrl: string;
  /** The platform's own credentials, for calls about instances; only the BFF ever holds them. */
  credentials: { userSecret: string; orgSecret: string };
  /** Hides the configured secrets; each call may add its flow's own. */
  redactor: Redactor;
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Sandbox mode: failure-lab scenarios travel to the sandbox. Live mode never sends them. */
  sandbox: boolean;
  /** Added to every instance created, so the wizard can tell (and delete) only its own. */
  instanceTag: string;
};

/**
 * What one call carries of its request and flow: the failure-lab scenario, the flow's own
 * secrets, and when the request arrived (its first upstream call's deadline runs from then).
 */
export type CallContext = {
  scenario?: Scenario;
  secrets?: KnownSecret[];
  /** Values the flow shows on purpose (its request token): not hidden as a quoted access token. */
  shown?: string[];
  arrivedAt?: number;
};

const kept = z.string().min(1).max(TOKEN_MAX);
const RequestTokenReplySchema = z.object({ token: kept, secret: kept });
const AuthorizeUrlReplySchema = z.object({ element: z.string(), oauthUrl: z.string().min(1) });
// The token is kept for "try it", so it is bounded like every value the flow keeps.
const CreatedInstanceSchema = InstanceSchema.extend({ token: kept });
/**
 * The instance list is read in pages of this many, each read whole up to INSTANCE_PAGE_BYTES: an
 * instance is a few KB, and a page of very large ones (a hostile upstream's 400 KB each) still
 * fits. At most MAX_INSTANCE_PAGES pages (2,000 instances) are read.
 */
const INSTANCE_PAGE_SIZE = 10;
const INSTANCE_PAGE_BYTES = 8 << 20;
const MAX_INSTANCE_PAGES = 200;
/** At most this many pages of 200 elements (Cloud Elements documents about 160). */
const MAX_ELEMENT_PAGES = 10;

export type Result<T> = { data: T; reply: UpstreamReply };

export type CreateInstanceRequest = {
  /** What the provider gave this flow: OAuth 1.0a's token, verifier and secret; OAuth 2.0's code. */
  providerData: Record<string, string> | null;
  /** The fields the person typed (a subdomain, a basic element's key), by configuration key. */
  fields: Record<string, string>;
  name: string;
  tags: string[];
  /** Configuration entries to leave out (the failure lab's "missing configuration"). */
  omitConfiguration?: string[];
  settings?: InstanceSettings;
};

/**
 * The Cloud Elements client, built once per app: one method per call, each sent over real HTTP
 * and recorded as a redacted exchange. Calls take their element and their flow's context, never
 * positional secrets.
 */
export function createCloudElements(options: CloudElementsOptions) {
  const { baseUrl, credentials, callbackUrl } = options;

  /**
   * An element's app: this server's, else the one the person typed on the first step
   * (`oauth.api.key`/`oauth.api.secret`, sealed in the flow); a clear refusal with neither.
   */
  const resolveApp = (
    element: ElementDescriptor,
    typed: Record<string, string>,
  ): AppCredentials | undefined => {
    const apiKey = typed[APP_KEY];
    const apiSecret = typed[APP_SECRET];
    return options.appOf(element) ?? (apiKey && apiSecret ? { apiKey, apiSecret } : undefined);
  };
  const appOf = (element: ElementDescriptor, typed: Record<string, string> = {}) => {
    const app = resolveApp(element, typed);
    if (!app) {
      throw new AppError(
        400,
        'bad_request',
        `${APP_KEY} and ${APP_SECRET}: this server holds no app for ${element.name}; type your own app's.`,
      );
    }
    return app;
  };

  /**
   * The call's context with the app's secret (and a 1.0a consumer key) to hide: whoever sends a
   * secret hides it, whichever element it belongs to, so the cost of redaction does not grow
   * with the catalog (the configured base holds only the overlays' and the variables' apps).
   */
  const withApp = (
    context: CallContext | undefined,
    element: ElementDescriptor,
    app: AppCredentials | undefined,
  ): CallContext => ({
    ...context,
    secrets: [...(context?.secrets ?? []), ...appSecrets(element, app)],
  });

  const redactorFor = (context: CallContext = {}) =>
    context.secrets?.length || context.shown?.length
      ? options.redactor.with(context.secrets ?? [], context.shown)
      : options.redactor;

  function send(call: UpstreamCall, context: CallContext = {}): Promise<UpstreamReply> {
    const { scenario } = context;
    const headers =
      options.sandbox && scenario && scenario !== 'none'
        ? { ...call.headers, [SCENARIO_HEADER]: scenario }
        : call.headers;
    return sendUpstream(
      { ...call, headers },
      {
        dispatcher: options.dispatcher,
        timeoutMs: options.timeoutMs,
        redactor: redactorFor(context),
        arrivedAt: context.arrivedAt,
      },
    );
  }

  /**
   * A call to the sandbox's own windows beside Cloud Elements' API (`/_inspect`, `/_lab`): sandbox
   * mode only, made and recorded like any upstream call.
   */
  const sandboxRoot = baseUrl.replace(/\/elements\/api-v2$/, '');
  const sandboxWindow = (
    method: 'GET' | 'POST',
    path: string,
    context: CallContext | undefined,
    body?: unknown,
  ) =>
    send(
      {
        step: 'lab',
        method,
        url: `${sandboxRoot}${path}`,
        // The platform's secrets: in a class only Cloud Elements' caller may open these windows.
        headers: {
          ...platformHeaders(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      },
      context,
    );

  /**
   * A call about instances in general (list, read, delete). Its reply may carry any instance's
   * token (another learner's, echoed back by a read or a delete, even on a refusal): every value
   * under a `token` key is a marker in its exchange before anyone reads it.
   */
  async function sendAdmin(
    call: UpstreamCall,
    knownTokens: string[] = [],
    context?: CallContext,
  ): Promise<UpstreamReply> {
    const reply = await send(call, context);
    // A token read in the reply is hidden wherever else it stands too (a message quoting it).
    const tokens = [...knownTokens, ...tokensIn(reply.body)].map(instanceTokenSecret);
    const redactor = tokens.length ? options.redactor.with(tokens) : options.redactor;
    reply.exchange = redactor.redact({
      ...reply.exchange,
      responseBody: hideInstanceTokens(reply.exchange.responseBody),
    });
    return reply;
  }

  // A string, not a URL object: the base was validated once in config, and parsing it again on
  // every call is a measurable part of step 1's cost.
  const elementUrl = (element: ElementDescriptor, path: string, query: Record<string, string>) =>
    `${baseUrl}/elements/${encodeURIComponent(element.key)}/${path}?${new URLSearchParams(query)}`;

  const platformHeaders = (instanceToken?: string) => ({
    authorization: `User ${credentials.userSecret}, Organization ${credentials.orgSecret}${instanceToken ? `, Element ${instanceToken}` : ''}`,
    accept: 'application/json',
  });

  return {
    /**
     * A flow's context with its element's app secret to hide (this server's app, or the one the
     * person typed), for what a route shows of an upstream reply (an instance's configuration).
     */
    withAppOf(context: CallContext, element: ElementDescriptor, typed: Record<string, string>) {
      return KINDS[element.authType].app
        ? withApp(context, element, resolveApp(element, typed))
        : context;
    },

    /** A copy of an upstream value fit for the browser: every secret, the flow's own too, hidden. */
    redact<T>(value: T, context?: CallContext): T {
      return redactorFor(context).redact(value);
    },

    /** OAuth 1.0a step 1: `GET /elements/{key}/oauth/token` — a request token from the provider. */
    async getRequestToken(
      element: ElementDescriptor,
      input: { state: string; fields: Record<string, string> },
      context?: CallContext,
    ) {
      const { state } = input;
      const app = appOf(element, input.fields);
      context = withApp(context, element, app);
      const reply = await send(
        {
          step: 'request-token',
          method: 'GET',
          url: elementUrl(element, 'oauth/token', {
            apiKey: app.apiKey,
            apiSecret: app.apiSecret,
            callbackUrl,
            state,
          }),
          headers: { accept: 'application/json' },
        },
        context,
      );
      return { data: expectOk(reply, RequestTokenReplySchema, 'the request token call'), reply };
    },

    /**
     * `GET /elements/{key}/oauth/url` — the provider page the person must visit: OAuth 1.0a's
     * step 2 (with the request token), OAuth 2.0's first call.
     */
    async getAuthorizeUrl(
      descriptor: ElementDescriptor,
      input: { requestToken?: string; state: string; fields: Record<string, string> },
      context?: CallContext,
    ) {
      const app = appOf(descriptor, input.fields);
      context = withApp(context, descriptor, app);
      // The extras this element's oauth/url takes: a field sent as siteAddress, its scope.
      const extras = Object.fromEntries([
        ...descriptor.fields.flatMap((field) =>
          field.urlParam && input.fields[field.key]
            ? [[field.urlParam, input.fields[field.key]]]
            : [],
        ),
        ...(descriptor.oauthUrl?.scope ? [['scope', descriptor.oauthUrl.scope]] : []),
      ]);
      const reply = await send(
        {
          step: 'authorize-url',
          method: 'GET',
          url: elementUrl(descriptor, 'oauth/url', {
            apiKey: app.apiKey,
            apiSecret: app.apiSecret,
            callbackUrl,
            ...(input.requestToken ? { requestToken: input.requestToken } : {}),
            ...extras,
            state: input.state,
          }),
          headers: { accept: 'application/json' },
        },
        context,
      );
      return {
        data: expectOk(reply, AuthorizeUrlReplySchema, 'the authorization URL call'),
        reply,
        /** The app it was asked for: the URL must name it. */
        app,
      };
    },

    /** `POST /instances` — trades what the provider gave this flow for an instance. */
    async createInstance(
      element: ElementDescriptor,
      input: CreateInstanceRequest,
      context?: CallContext,
    ): Promise<Result<Instance>> {
      // The app's own entries where the kind has an app, then what the person typed.
      const app = KINDS[element.authType].app ? appOf(element, input.fields) : null;
      if (app) context = withApp(context, element, app);
      const configuration = {
        ...(app
          ? {
              'oauth.api.key': app.apiKey,
              'oauth.api.secret': app.apiSecret,
              'oauth.callback.url': callbackUrl,
            }
          : {}),
        // Entries the element fixes (a patch's), then what the person typed.
        ...element.fixed,
        ...input.fields,
        // Cloud Elements takes every configuration value as a string.
        ...Object.fromEntries(
          Object.entries(input.settings ?? {}).map(([key, value]) => [key, String(value)]),
        ),
      };
      const reply = await send(
        {
          step: 'create-instance',
          method: 'POST',
          url: `${baseUrl}/instances`,
          headers: { ...platformHeaders(), 'content-type': 'application/json' },
          body: {
            element: { key: element.key },
            ...(input.providerData ? { providerData: input.providerData } : {}),
            configuration: Object.fromEntries(
              Object.entries(configuration).filter(
                ([key]) => !input.omitConfiguration?.includes(key),
              ),
            ),
            tags: [...new Set([...input.tags, options.instanceTag])],
            name: input.name,
          },
        },
        context,
      );
      return { data: expectOk(reply, CreatedInstanceSchema, 'the create instance call'), reply };
    },

    /** A first call through the new instance with its Element token: the element's try-it. */
    async tryIt(element: ElementDescriptor, instanceToken: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'try-it',
          method: 'GET',
          url: `${baseUrl}${element.tryIt.path}`,
          headers: platformHeaders(instanceToken),
        },
        context,
      );
      // Whatever JSON the hub answers: records, or (a hub's objects) a list of names.
      return { data: expectOk(reply, z.unknown(), 'the call through your instance'), reply };
    },

    /**
     * A read of the element's hub through the instance, as the person typed it (already checked
     * to be a `GET` under `/hubs/{hub}/`): any status is recorded and handed back, not judged.
     */
    async readHub(path: string, instanceToken: string, context?: CallContext) {
      // As an admin read: a hub may list records carrying other instances' tokens.
      const reply = await sendAdmin(
        {
          step: 'hub-call',
          method: 'GET',
          url: `${baseUrl}${path}`,
          headers: platformHeaders(instanceToken),
        },
        [],
        context,
      );
      return { reply };
    },

    /**
     * Every element Cloud Elements offers this account (`GET /elements`, every page, at most
     * MAX_ELEMENT_PAGES of 200): each as it came, for the catalog to read one by one, so one
     * malformed entry costs only itself.
     */
    async listElements(): Promise<unknown[]> {
      const all: unknown[] = [];
      let nextPage: string | undefined;
      for (let page = 0; page < MAX_ELEMENT_PAGES; page++) {
        const query = new URLSearchParams({ pageSize: '200', ...(nextPage ? { nextPage } : {}) });
        const reply = await send({
          step: 'check-element',
          method: 'GET',
          url: `${baseUrl}/elements?${query}`,
          headers: platformHeaders(),
        });
        all.push(...expectOk(reply, z.array(z.unknown()).max(200), 'the list of elements'));
        nextPage = reply.nextPage;
        if (!nextPage) break;
      }
      return all;
    },

    /** `GET /elements/{key}`: Cloud Elements' own definition of an element, as it came. */
    async getDefinition(key: string) {
      const reply = await send({
        step: 'check-element',
        method: 'GET',
        url: `${baseUrl}/elements/${encodeURIComponent(key)}`,
        headers: platformHeaders(),
      });
      return { data: expectOk(reply, z.unknown(), "the element's definition"), reply };
    },

    /** `GET /elements/{key}`: Cloud Elements' own description of an element (live check). */
    async getElement(element: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'check-element',
          method: 'GET',
          url: `${baseUrl}/elements/${encodeURIComponent(element)}`,
          headers: platformHeaders(),
        },
        context,
      );
      const described = z.looseObject({
        authentication: z.looseObject({ type: z.string() }).optional(),
        configuration: z
          .array(
            z.looseObject({
              key: z.string(),
              name: z.string().optional(),
              required: z.boolean().optional(),
              hideFromConsole: z.boolean().optional(),
            }),
          )
          .optional(),
      });
      return { data: expectOk(reply, described, "the element's description"), reply };
    },

    /**
     * `GET /instances`: the organization's instances, page by page (Cloud Elements' `pageSize`,
     * and `nextPage` from each reply's `Elements-Next-Page-Token` header), so a large one never
     * hides the others. The exchange is the first page's.
     */
    async listInstances(context?: CallContext) {
      const list = z.array(InstanceSchema.partial({ token: true }));
      // Only what the routes use is kept of each instance: a page of huge ones is let go as soon
      // as it is read, whatever the number of pages.
      const all: ListedInstance[] = [];
      let first: UpstreamReply | undefined;
      let next: string | undefined;
      let pages = 0;
      do {
        const query = new URLSearchParams({
          pageSize: String(INSTANCE_PAGE_SIZE),
          ...(next ? { nextPage: next } : {}),
        });
        const reply = await sendAdmin(
          {
            step: 'list-instances',
            method: 'GET',
            url: `${baseUrl}/instances?${query}`,
            headers: platformHeaders(),
            maxBytes: INSTANCE_PAGE_BYTES,
          },
          [],
          // Every page within the one deadline of the request that asked.
          context,
        );
        const page = adminOk(reply, list, 'the instance list');
        all.push(...page.map(listed));
        // The first page's exchange is what the route shows (as a count): no page is kept whole.
        first ??= { ...reply, body: undefined };
        pages++;
        next = reply.nextPage;
      } while (next && pages < MAX_INSTANCE_PAGES);
      return { data: all, reply: first, pages };
    },

    /** `GET /instances/{id}`: one instance, to check it is the wizard's before deleting it. */
    async getInstance(id: string, context?: CallContext) {
      const reply = await sendAdmin(
        {
          step: 'delete-instance',
          method: 'GET',
          url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
          headers: platformHeaders(),
        },
        [],
        context,
      );
      const instance = InstanceSchema.partial({ token: true });
      return { data: adminOk(reply, instance, 'reading the instance'), reply };
    },

    /** `DELETE /instances/{id}`; `token`, when known, is hidden in whatever comes back. */
    async deleteInstance(id: string, token?: string, context?: CallContext) {
      const reply = await sendAdmin(
        {
          step: 'delete-instance',
          method: 'DELETE',
          url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
          headers: platformHeaders(),
        },
        token ? [token] : [],
        context,
      );
      adminOk(reply, z.unknown(), 'deleting the instance');
      return { reply };
    },

    /**
     * Sandbox mode only: what the sandbox's Cloud Elements sent the provider for one flow (the
     * signed OAuth 1.0a calls for a request token; the OAuth 2.0 token call for a code). Not part
     * of Cloud Elements' API; the emulator's window onto that leg.
     */
    async getProviderLegs(
      by: Record<string, string>,
      element: ElementDescriptor,
      context?: CallContext,
    ) {
      context = withApp(context, element, options.appOf(element));
      const reply = await sandboxWindow(
        'GET',
        `/_inspect/legs?${new URLSearchParams(by)}`,
        context,
      );
      const legs = expectOk(
        reply,
        ProviderLegsSchema,
        "the sandbox's record of its provider calls",
      );
      return redactorFor(context).redact(legs);
    },

    /**
     * Sandbox mode only: the tampering lab. The sandbox signs a request to its OAuth 1.0a provider
     * as Cloud Elements would, changes one input, sends it, and says what the provider answered.
     * Not part of Cloud Elements' API.
     */
    async tamper(
      element: ElementDescriptor,
      input: TamperInput & { oauth_token?: string },
      context?: CallContext,
    ) {
      const app = appOf(element);
      context = withApp(context, element, app);
      const reply = await sandboxWindow('POST', '/_lab/tamper', context, {
        element: element.key,
        consumerKey: app.apiKey,
        ...input,
      });
      if (reply.status === 409) {
        const message = (reply.body as { message?: unknown } | undefined)?.message;
        throw new AppError(409, 'out_of_order', `The lab cannot do that now: ${String(message)}.`);
      }
      const result = expectOk(reply, TamperResultSchema, "the sandbox's tampering lab");
      return redactorFor(context).redact(result);
    },
  };
}

export type CloudElements = ReturnType<typeof createCloudElements>;

/** What the instance routes need of a listed instance: never its configuration. */
export type ListedInstance = {
  id: Instance['id'];
  name: string;
  token?: string;
  element?: { key: string };
  tags: string[];
  createdDate?: string;
};
const listed = (instance: Partial<Instance> & Pick<Instance, 'id' | 'name'>): ListedInstance => {
  const createdDate = (instance as Record<string, unknown>).createdDate;
  return {
    id: instance.id,
    name: instance.name,
    ...(instance.token ? { token: instance.token } : {}),
    ...(instance.element ? { element: { key: instance.element.key } } : {}),
    tags: instance.tags ?? [],
    ...(typeof createdDate === 'string' ? { createdDate } : {}),
  };
};

/**
 * `expectOk` for calls about the organization's instances: a reply that fails is reported
 * without its body, which may list other learners' instances, names, tags and typed keys.
 */
function adminOk<T>(reply: UpstreamReply, schema: z.ZodType<T>, what: string): T {
  try {
    return expectOk(reply, schema, what);
  } catch (error) {
    if (error instanceof AppError && error.details.exchange) {
      error.details.exchange = {
        ...error.details.exchange,
        responseBody:
          '(not shown: a reply about the organization’s instances may carry other people’s)',
      };
    }
    throw error;
  }
}

const instanceTokenSecret = (value: string): KnownSecret => ({ value, marker: '<INSTANCE_TOKEN>' });
const isTokenKey = (key: string) => key.toLowerCase().replace(/[\s._-]+/g, '') === 'token';

/** The values under `token` keys, at any depth: the instance tokens a reply carries. */
function tokensIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) tokensIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (isTokenKey(key) && typeof inner === 'string' && inner.length >= 4) found.push(inner);
      else tokensIn(inner, found);
    }
  }
  return found;
}

/**
 * `value` with every `token` entry (any case or separators, at any depth, also inside a string
 * that is itself JSON) replaced by `<INSTANCE_TOKEN>`: instance replies name their token so.
 */
export function hideInstanceTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideInstanceTokens);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
    try {
      return JSON.stringify(hideInstanceTokens(JSON.parse(trimmed)));
    } catch {
      return value;
    }
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      isTokenKey(key) && typeof inner === 'string' ? '<INSTANCE_TOKEN>' : hideInstanceTokens(inner),
    ]),
  );
}
