import {
  type ElementDescriptor,
  type Instance,
  InstanceSchema,
  type InstanceSettings,
  KINDS,
  TOKEN_MAX,
} from '@cew/shared';
import { z } from 'zod';
import { createCatalogCalls } from './ce-catalog';
import {
  type CallContext,
  type CloudElementsOptions,
  createCeClient,
  type Result,
} from './ce-client';
import { createInstanceCalls } from './ce-instances';
import { expectOk } from './http';
import { createSandboxLabCalls } from './sandbox-labs';

export type { CallContext, CloudElementsOptions } from './ce-client';
export type { ListedInstance } from './ce-instances';
export { hideInstanceTokens } from './instance-tokens';

const kept = z.string().min(1).max(TOKEN_MAX);
const RequestTokenReplySchema = z.object({ token: kept, secret: kept });
const AuthorizeUrlReplySchema = z.object({ element: z.string(), oauthUrl: z.string().min(1) });
// The token is kept for "try it", so it is bounded like every value the flow keeps.
const CreatedInstanceSchema = InstanceSchema.extend({ token: kept });

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
  const client = createCeClient(options);
  const { baseUrl, callbackUrl } = options;
  const { send, sendAdmin, appOf, withApp, resolveApp, redactorFor, elementUrl, platformHeaders } =
    client;

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

    ...createCatalogCalls(client),
    ...createInstanceCalls(client),
    ...createSandboxLabCalls(client),
  };
}

export type CloudElements = ReturnType<typeof createCloudElements>;
