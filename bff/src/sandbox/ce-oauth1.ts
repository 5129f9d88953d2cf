import { type ProviderLeg, SCENARIO_HEADER } from '@cew/shared';
import type { Context } from 'hono';
import type { SandboxElement } from './catalog';
import { ceError, maskFormBody, missingQuery } from './ce-http';
import { type KindPlay, type KindPlayDeps, nameTakenMessage } from './ce-kind';
import { POLLING_EVENTS, storedConfiguration } from './ce-store';
import type { SandboxOAuth1Provider } from './oauth1-provider';

/** What Cloud Elements remembers of a flow it started with the provider. */
type CeFlow = {
  apiKey: string;
  callbackUrl: string;
  scenario?: string;
  legs: ProviderLeg[];
  createdAt: number;
};

/** The OAuth 1.0a provider of one element, and where browsers reach it. */
export type OAuth1Provider = {
  provider: Pick<SandboxOAuth1Provider, 'signedPost'>;
  publicUrl: string;
};

/**
 * OAuth 1.0a as the sandbox's Cloud Elements plays it: it signs its calls to the provider for a
 * request token and, at `POST /instances`, for the access token; and it keeps a record of those
 * signed calls (the legs) for the inspector.
 */
export function createOAuth1Play(
  providers: Record<string, OAuth1Provider>,
  deps: KindPlayDeps,
): KindPlay & { legsOf: (token: string) => ProviderLeg[] } {
  const flows = new Map<string, CeFlow>();
  const providerOf = (element: SandboxElement) => providers[element.key];

  function sweep() {
    for (const [token, flow] of flows)
      if (flow.createdAt < deps.now() - 3_600_000) flows.delete(token);
  }

  function leg(
    name: ProviderLeg['name'],
    sent: Awaited<ReturnType<SandboxOAuth1Provider['signedPost']>>,
    signingKey: string,
    markers: Record<string, string>,
  ): ProviderLeg {
    return {
      name,
      method: 'POST',
      url: sent.url,
      oauthParams: sent.oauth,
      normalizedParameters: sent.work.parameters,
      baseString: sent.work.baseString,
      signingKey,
      signature: sent.work.signature,
      status: sent.status,
      responseBody: maskFormBody(sent.body, markers),
      at: new Date(deps.now()).toISOString(),
    };
  }

  const secretMarker = (element: SandboxElement) => `<${element.env}_API_SECRET>`;

  return {
    providerFields: ['oauth_token', 'oauth_verifier', 'secret'],
    delegated: true,
    outagesAtInstance: false,
    legsOf: (token) => flows.get(token)?.legs ?? [],

    async requestToken(c: Context, element: SandboxElement) {
      const scenario = c.req.header(SCENARIO_HEADER);
      const missing = missingQuery(c.req.query(), ['apiKey', 'apiSecret', 'callbackUrl']);
      if (missing) return ceError(c, 400, missing);
      const { apiKey = '', apiSecret = '', callbackUrl = '', state } = c.req.query();
      if (!URL.canParse(callbackUrl))
        return ceError(c, 400, 'callbackUrl must be an absolute URL.');
      const played = providerOf(element);
      if (!played) return ceError(c, 404, `No provider for element '${element.key}'`);
      sweep();
      const oauthCallback = new URL(callbackUrl);
      if (state) oauthCallback.searchParams.set('state', state);
      const sent = await played.provider.signedPost({
        endpoint: 'request_token',
        consumerKey: apiKey,
        consumerSecret: apiSecret,
        extra: [['oauth_callback', oauthCallback.toString()]],
        scenario,
      });
      const reply = new URLSearchParams(sent.body);
      if (sent.status !== 200) {
        return ceError(
          c,
          400,
          `Failed to retrieve a request token from ${element.provider}`,
          sent.body,
        );
      }
      // An OAuth 1.0 (not 1.0a) provider would ignore the callback: refuse rather than be fixated.
      if (reply.get('oauth_callback_confirmed') !== 'true') {
        return ceError(
          c,
          502,
          `${element.provider} did not confirm the callback URL (oauth_callback_confirmed).`,
        );
      }
      const token = reply.get('oauth_token') ?? '';
      const secret = reply.get('oauth_token_secret') ?? '';
      flows.set(token, {
        apiKey,
        callbackUrl,
        scenario,
        createdAt: deps.now(),
        legs: [
          leg('request_token', sent, `${secretMarker(element)}&`, {
            oauth_token_secret: '<REQUEST_TOKEN_SECRET>',
          }),
        ],
      });
      return c.json({ token, secret }, 200);
    },

    async authorizeUrl(c: Context, element: SandboxElement) {
      const missing = missingQuery(c.req.query(), [
        'apiKey',
        'apiSecret',
        'callbackUrl',
        'requestToken',
      ]);
      if (missing) return ceError(c, 400, missing);
      const { apiKey, requestToken } = c.req.query();
      const flow = flows.get(requestToken ?? '');
      if (!flow || flow.apiKey !== apiKey) {
        return ceError(
          c,
          400,
          'The requestToken is invalid or has expired. Get a new one (step 1).',
        );
      }
      const path = element.consent?.paths[0] ?? '/oauth/authorize';
      const oauthUrl = `${providerOf(element)?.publicUrl}${path}?oauth_token=${encodeURIComponent(requestToken ?? '')}`;
      return c.json({ element: element.key, oauthUrl }, 200);
    },

    async createInstance({ c, element, name, tags, providerData, configuration }) {
      const flow = flows.get(String(providerData.oauth_token));
      const apiKey = String(configuration['oauth.api.key']);
      const apiSecret = String(configuration['oauth.api.secret']);
      const callbackUrl = String(configuration['oauth.callback.url']);
      const failed = `Failed to get the access token from ${element.provider}`;
      if (!flow) return ceError(c, 400, failed, 'Unknown or expired request token.');
      if (flow.apiKey !== apiKey) {
        return ceError(
          c,
          400,
          'oauth.api.key does not match the app that obtained the request token.',
        );
      }
      if (callbackUrl !== flow.callbackUrl) {
        return ceError(c, 400, 'oauth.callback.url must be the same callback URL used in step 2.');
      }
      // Failure lab, or a real clash: names are unique in an organization.
      if (deps.store.nameTaken(name, flow.scenario, String(providerData.oauth_token))) {
        return ceError(c, 409, nameTakenMessage(name));
      }
      const played = providerOf(element);
      if (!played) return ceError(c, 404, `No provider for element '${element.key}'`);
      const sent = await played.provider.signedPost({
        endpoint: 'access_token',
        consumerKey: apiKey,
        consumerSecret: apiSecret,
        token: { key: String(providerData.oauth_token), secret: String(providerData.secret) },
        extra: [['oauth_verifier', String(providerData.oauth_verifier)]],
      });
      flow.legs.push(
        // The access token is masked too: it is Cloud Elements' to hold, and who-holds-what says
        // no browser ever sees it.
        leg('access_token', sent, `${secretMarker(element)}&<REQUEST_TOKEN_SECRET>`, {
          oauth_token: '<ACCESS_TOKEN>',
          oauth_token_secret: '<ACCESS_TOKEN_SECRET>',
        }),
      );
      if (sent.status !== 200) return ceError(c, 400, failed, sent.body);
      const access = new URLSearchParams(sent.body);
      const instance = deps.store.add({
        element,
        name,
        tags,
        configuration: storedConfiguration(element, configuration, {
          'oauth.api.key': apiKey,
          'oauth.api.secret': apiSecret,
          'oauth.callback.url': callbackUrl,
          'oauth.user.token': access.get('oauth_token') ?? '',
          'oauth.user.token.secret': access.get('oauth_token_secret') ?? '',
          ...POLLING_EVENTS,
        }),
      });
      return instance;
    },
  };
}
