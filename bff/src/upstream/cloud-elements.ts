import {
  type Instance,
  InstanceSchema,
  type InstanceSettings,
  ProviderLegsSchema,
  SCENARIO_HEADER,
  type Scenario,
  StatusSchema,
  TOKEN_MAX,
} from '@cew/shared';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { KnownSecret, Redactor } from '../redact';
import { expectOk, sendUpstream, type UpstreamCall, type UpstreamReply } from './http';

export type CloudElementsOptions = {
  /** Cloud Elements' API root, e.g. https://api.cloud-elements.com/elements/api-v2. */
  baseUrl: string;
  elementKey: string;
  /** The provider app's key and secret and the callback registered with it. */
  app: { apiKey: string; apiSecret: string; callbackUrl: string };
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

/** What one call carries of its flow: the failure-lab scenario and the flow's own secrets. */
export type CallContext = { scenario?: Scenario; secrets?: KnownSecret[] };

const kept = z.string().min(1).max(TOKEN_MAX);
const RequestTokenReplySchema = z.object({ token: kept, secret: kept });
const AuthorizeUrlReplySchema = z.object({ element: z.string(), oauthUrl: z.string().min(1) });
// The token is kept for "try it", so it is bounded like every value the flow keeps.
const CreatedInstanceSchema = InstanceSchema.extend({ token: kept });

export type Result<T> = { data: T; reply: UpstreamReply };

export type CreateInstanceRequest = {
  oauthToken: string;
  oauthVerifier: string;
  tokenSecret: string;
  name: string;
  tags: string[];
  /** Configuration entries to leave out (the failure lab's "missing configuration"). */
  omitConfiguration?: string[];
  settings?: InstanceSettings;
};

/**
 * The Cloud Elements client, built once per app: one method per call, each sent over real HTTP
 * and recorded as a redacted exchange. Calls take their flow's context, never positional secrets.
 */
export function createCloudElements(options: CloudElementsOptions) {
  const { baseUrl, elementKey, app, credentials } = options;

  const redactorFor = (context: CallContext = {}) =>
    context.secrets?.length ? options.redactor.with(context.secrets) : options.redactor;

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
      },
    );
  }

  // A string, not a URL object: the base was validated once in config, and parsing it again on
  // every call is a measurable part of step 1's cost.
  const elementUrl = (path: string, query: Record<string, string>) =>
    `${baseUrl}/elements/${encodeURIComponent(elementKey)}/${path}?${new URLSearchParams(query)}`;

  const platformHeaders = (instanceToken?: string) => ({
    authorization: `User ${credentials.userSecret}, Organization ${credentials.orgSecret}${instanceToken ? `, Element ${instanceToken}` : ''}`,
    accept: 'application/json',
  });

  return {
    /** A copy of an upstream value fit for the browser: every secret, the flow's own too, hidden. */
    redact<T>(value: T, context?: CallContext): T {
      return redactorFor(context).redact(value);
    },

    /** Step 1: `GET /elements/{key}/oauth/token` — Cloud Elements asks Twitter for a request token. */
    async getRequestToken(state: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'request-token',
          method: 'GET',
          url: elementUrl('oauth/token', {
            apiKey: app.apiKey,
            apiSecret: app.apiSecret,
            callbackUrl: app.callbackUrl,
            state,
          }),
          headers: { accept: 'application/json' },
        },
        context,
      );
      return { data: expectOk(reply, RequestTokenReplySchema, 'the request token call'), reply };
    },

    /** Step 2: `GET /elements/{key}/oauth/url` — the provider page the person must visit. */
    async getAuthorizeUrl(requestToken: string, state: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'authorize-url',
          method: 'GET',
          url: elementUrl('oauth/url', {
            apiKey: app.apiKey,
            apiSecret: app.apiSecret,
            callbackUrl: app.callbackUrl,
            requestToken,
            state,
          }),
          headers: { accept: 'application/json' },
        },
        context,
      );
      return {
        data: expectOk(reply, AuthorizeUrlReplySchema, 'the authorization URL call'),
        reply,
      };
    },

    /** Step 4: `POST /instances` — trades the authorized request token for an instance. */
    async createInstance(
      input: CreateInstanceRequest,
      context?: CallContext,
    ): Promise<Result<Instance>> {
      const configuration = {
        'oauth.api.key': app.apiKey,
        'oauth.api.secret': app.apiSecret,
        'oauth.callback.url': app.callbackUrl,
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
            element: { key: elementKey },
            providerData: {
              oauth_token: input.oauthToken,
              oauth_verifier: input.oauthVerifier,
              secret: input.tokenSecret,
            },
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

    /** A first call through the new instance: `GET /hubs/social/statuses` with its Element token. */
    async getStatuses(instanceToken: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'try-it',
          method: 'GET',
          url: `${baseUrl}/hubs/social/statuses`,
          headers: platformHeaders(instanceToken),
        },
        context,
      );
      return {
        data: expectOk(reply, z.array(StatusSchema), 'the call through your instance'),
        reply,
      };
    },

    /** `GET /instances`: the organization's instances. */
    async listInstances() {
      const reply = await send({
        step: 'list-instances',
        method: 'GET',
        url: `${baseUrl}/instances`,
        headers: platformHeaders(),
      });
      const list = z.array(InstanceSchema.partial({ token: true }));
      return { data: expectOk(reply, list, 'the instance list'), reply };
    },

    /** `GET /instances/{id}`: one instance, to check it is the wizard's before deleting it. */
    async getInstance(id: string) {
      const reply = await send({
        step: 'delete-instance',
        method: 'GET',
        url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
        headers: platformHeaders(),
      });
      const instance = InstanceSchema.partial({ token: true });
      return { data: expectOk(reply, instance, 'reading the instance'), reply };
    },

    /** `DELETE /instances/{id}`. */
    async deleteInstance(id: string) {
      const reply = await send({
        step: 'delete-instance',
        method: 'DELETE',
        url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
        headers: platformHeaders(),
      });
      expectOk(reply, z.unknown(), 'deleting the instance');
      return { reply };
    },

    /**
     * Sandbox mode only: the signed calls the sandbox's Cloud Elements made to its Twitter for one
     * request token. Not part of Cloud Elements' API; the emulator's window onto that leg.
     */
    async getProviderLegs(requestToken: string, context?: CallContext) {
      const root = baseUrl.replace(/\/elements\/api-v2$/, '');
      const reply = await send(
        {
          step: 'request-token',
          method: 'GET',
          url: `${root}/_inspect/legs?oauth_token=${encodeURIComponent(requestToken)}`,
          headers: {},
        },
        context,
      );
      const legs = expectOk(
        reply,
        ProviderLegsSchema,
        "the sandbox's record of its calls to Twitter",
      );
      return redactorFor(context).redact(legs);
    },
  };
}

export type CloudElements = ReturnType<typeof createCloudElements>;
