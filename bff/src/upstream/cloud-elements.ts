import { type Instance, InstanceSchema } from '@cew/shared';
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

export type Result<T> = { data: T; reply: UpstreamReply };

function elementUrl(
  target: CloudElementsTarget,
  path: string,
  query: Record<string, string>,
): string {
  const url = new URL(
    `${target.baseUrl}/elements/${encodeURIComponent(target.elementKey)}/${path}`,
  );
  url.search = new URLSearchParams(query).toString();
  return url.toString();
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

export type CreateInstanceRequest = {
  userSecret: string;
  orgSecret: string;
  oauthToken: string;
  oauthVerifier: string;
  tokenSecret: string;
  name: string;
  tags: string[];
  /** Configuration entries to leave out (the failure lab's "missing configuration"). */
  omitConfiguration?: string[];
};

/** Step 4: `POST /instances` — trades the authorized request token for an instance. */
export async function createInstance(
  target: CloudElementsTarget,
  input: CreateInstanceRequest,
  options: UpstreamOptions,
): Promise<Result<Instance>> {
  const reply = await sendUpstream(
    {
      step: 'create-instance',
      method: 'POST',
      url: `${target.baseUrl}/instances`,
      headers: {
        authorization: `User ${input.userSecret}, Organization ${input.orgSecret}`,
        'content-type': 'application/json',
        accept: 'application/json',
        ...target.headers,
      },
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
