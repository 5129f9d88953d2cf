import { type Instance, InstanceSchema, type InstanceSettings, StatusSchema } from '@cew/shared';
import { z } from 'zod';
import { expectOk, sendUpstream, type UpstreamOptions, type UpstreamReply } from './http';

/** What every call needs: where Cloud Elements is and the app's Twitter credentials. */
export type CloudElementsTarget = {
  baseUrl: string;
  elementKey: string;
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  /** Extra headers for every call: the sandbox's failure-lab scenario, never sent in live mode. */
  headers?: Record<string, string>;
};

const RequestTokenReplySchema = z.object({ token: z.string().min(1), secret: z.string().min(1) });
const AuthorizeUrlReplySchema = z.object({ element: z.string(), oauthUrl: z.string().min(1) });

type Result<T> = { data: T; reply: UpstreamReply };

function elementUrl(
  target: CloudElementsTarget,
  path: string,
  query: Record<string, string>,
): string {
  // A string, not a URL object: the base was validated once in config, and parsing it again on
  // every call is a measurable part of step 1's cost.
  const search = new URLSearchParams(query).toString();
  return `${target.baseUrl}/elements/${encodeURIComponent(target.elementKey)}/${path}?${search}`;
}

/** Step 1: `GET /elements/{key}/oauth/token` — Cloud Elements asks Twitter for a request token. */
export async function getRequestToken(
  target: CloudElementsTarget,
  state: string,
  options: UpstreamOptions,
): Promise<Result<z.infer<typeof RequestTokenReplySchema>>> {
  const reply = await sendUpstream(
    {
      step: 'request-token',
      method: 'GET',
      url: elementUrl(target, 'oauth/token', {
        apiKey: target.apiKey,
        apiSecret: target.apiSecret,
        callbackUrl: target.callbackUrl,
        state,
      }),
      headers: { accept: 'application/json', ...target.headers },
    },
    options,
  );
  return { data: expectOk(reply, RequestTokenReplySchema, 'the request token call'), reply };
}

/** Step 2: `GET /elements/{key}/oauth/url` — the provider page the person must visit. */
export async function getAuthorizeUrl(
  target: CloudElementsTarget,
  requestToken: string,
  state: string,
  options: UpstreamOptions,
): Promise<Result<z.infer<typeof AuthorizeUrlReplySchema>>> {
  const reply = await sendUpstream(
    {
      step: 'authorize-url',
      method: 'GET',
      url: elementUrl(target, 'oauth/url', {
        apiKey: target.apiKey,
        apiSecret: target.apiSecret,
        callbackUrl: target.callbackUrl,
        requestToken,
        state,
      }),
      headers: { accept: 'application/json', ...target.headers },
    },
    options,
  );
  return { data: expectOk(reply, AuthorizeUrlReplySchema, 'the authorization URL call'), reply };
}

/** The platform's own credentials, for calls about instances rather than through one. */
export type OrganizationCredentials = { userSecret: string; orgSecret: string };

const platformHeaders = (
  target: CloudElementsTarget,
  credentials: OrganizationCredentials,
  instanceToken?: string,
) => ({
  authorization: `User ${credentials.userSecret}, Organization ${credentials.orgSecret}${instanceToken ? `, Element ${instanceToken}` : ''}`,
  accept: 'application/json',
  ...target.headers,
});

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

/** Step 4: `POST /instances` — trades the authorized request token for an instance. */
export async function createInstance(
  target: CloudElementsTarget,
  credentials: OrganizationCredentials,
  input: CreateInstanceRequest,
  options: UpstreamOptions,
): Promise<Result<Instance>> {
  const reply = await sendUpstream(
    {
      step: 'create-instance',
      method: 'POST',
      url: `${target.baseUrl}/instances`,
      headers: { ...platformHeaders(target, credentials), 'content-type': 'application/json' },
      body: {
        element: { key: target.elementKey },
        providerData: {
          oauth_token: input.oauthToken,
          oauth_verifier: input.oauthVerifier,
          secret: input.tokenSecret,
        },
        configuration: Object.fromEntries(
          Object.entries({
            'oauth.api.key': target.apiKey,
            'oauth.api.secret': target.apiSecret,
            'oauth.callback.url': target.callbackUrl,
            // Cloud Elements takes every configuration value as a string.
            ...Object.fromEntries(
              Object.entries(input.settings ?? {}).map(([key, value]) => [key, String(value)]),
            ),
          }).filter(([key]) => !input.omitConfiguration?.includes(key)),
        ),
        tags: input.tags,
        name: input.name,
      },
    },
    options,
  );
  return { data: expectOk(reply, InstanceSchema, 'the create instance call'), reply };
}

/** A first call through the new instance: `GET /hubs/social/statuses` with its Element token. */
export async function getStatuses(
  target: CloudElementsTarget,
  credentials: OrganizationCredentials,
  instanceToken: string,
  options: UpstreamOptions,
) {
  const reply = await sendUpstream(
    {
      step: 'try-it',
      method: 'GET',
      url: `${target.baseUrl}/hubs/social/statuses`,
      headers: platformHeaders(target, credentials, instanceToken),
    },
    options,
  );
  return { data: expectOk(reply, z.array(StatusSchema), 'the call through your instance'), reply };
}

/** `GET /instances`: the organization's instances. */
export async function listInstances(
  target: CloudElementsTarget,
  credentials: OrganizationCredentials,
  options: UpstreamOptions,
) {
  const reply = await sendUpstream(
    {
      step: 'list-instances',
      method: 'GET',
      url: `${target.baseUrl}/instances`,
      headers: platformHeaders(target, credentials),
    },
    options,
  );
  return {
    data: expectOk(reply, z.array(InstanceSchema.partial({ token: true })), 'the instance list'),
    reply,
  };
}

/** `DELETE /instances/{id}`. */
export async function deleteInstance(
  target: CloudElementsTarget,
  credentials: OrganizationCredentials,
  id: string,
  options: UpstreamOptions,
) {
  const reply = await sendUpstream(
    {
      step: 'delete-instance',
      method: 'DELETE',
      url: `${target.baseUrl}/instances/${encodeURIComponent(id)}`,
      headers: platformHeaders(target, credentials),
    },
    options,
  );
  expectOk(reply, z.unknown(), 'deleting the instance');
  return { reply };
}
