import { SCENARIO_HEADER, type TokenLeg } from '@cew/shared';
import type { Context } from 'hono';
import type { SandboxElement } from './catalog';
import { ceError, missingQuery, outage } from './ce-http';
import { type KindPlay, type KindPlayDeps, nameTakenMessage } from './ce-kind';
import { POLLING_EVENTS, storedConfiguration } from './ce-store';
import type { SandboxOAuth2Provider } from './oauth2-provider';

/** The OAuth 2.0 provider of one element, and where browsers reach it. */
export type OAuth2Provider = { provider: SandboxOAuth2Provider; publicUrl: string };

/**
 * OAuth 2.0 as the sandbox's Cloud Elements plays it, for every OAuth 2.0 element alike: the
 * provider's authorize URL (with the person's site, when the element has one), and at
 * `POST /instances` the code traded at the provider's token endpoint (the leg the inspector shows).
 */
export function createOAuth2Play(
  providers: Record<string, OAuth2Provider>,
  deps: KindPlayDeps,
): KindPlay & { tokenLegsOf: (code: string) => TokenLeg[] } {
  const tokenLegs = new Map<string, TokenLeg[]>();

  function tokenLeg(
    element: SandboxElement,
    sent: Awaited<ReturnType<SandboxOAuth2Provider['exchange']>>,
  ): TokenLeg {
    // The client secret as its marker; the code in clear, as every page shows it (the browser
    // carried it on the callback, and it is spent now).
    const masked: Record<string, string> = { client_secret: `<${element.env}_CLIENT_SECRET>` };
    const replyMarkers: Record<string, string> = {
      access_token: '<ACCESS_TOKEN>',
      refresh_token: '<REFRESH_TOKEN>',
    };
    return {
      name: 'token',
      method: 'POST',
      url: sent.url,
      form: sent.form.map(([name, value]) => [name, masked[name] ?? value]),
      status: sent.status,
      responseBody: JSON.stringify(
        Object.fromEntries(
          Object.entries(sent.body).map(([name, value]) => [name, replyMarkers[name] ?? value]),
        ),
        null,
        2,
      ),
      at: new Date(deps.now()).toISOString(),
    };
  }

  return {
    providerFields: ['code'],
    delegated: true,
    outagesAtInstance: false,
    tokenLegsOf: (code) => tokenLegs.get(code) ?? [],

    async authorizeUrl(c: Context, element: SandboxElement) {
      const down = await outage(c);
      if (down) return down;
      const siteField = element.fields.find((field) => field.urlParam === 'siteAddress');
      const required = [
        'apiKey',
        'apiSecret',
        'callbackUrl',
        ...(siteField ? ['siteAddress'] : []),
      ];
      const missing = missingQuery(c.req.query(), required);
      if (missing) return ceError(c, 400, missing);
      const { apiKey = '', apiSecret = '', callbackUrl = '', state, siteAddress } = c.req.query();
      const played = providers[element.key];
      if (!played) return ceError(c, 404, `No provider for element '${element.key}'`);
      const scenario = c.req.header(SCENARIO_HEADER);
      const site = siteField ? `/sites/${encodeURIComponent(siteAddress ?? '')}` : '';
      const url = new URL(`${played.publicUrl}${site}${element.sandbox.authorizePath}`);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', apiKey);
      // Cloud Elements' guide puts the client secret in this browser-bound URL; the lab does too.
      if (scenario === 'secret-in-url') url.searchParams.set('client_secret', apiSecret);
      // The scope asked for, else the one the element is configured with in Cloud Elements.
      const scope = c.req.query('scope') ?? element.sandbox.configuration['oauth.scope'];
      if (scope) url.searchParams.set('scope', scope);
      url.searchParams.set(
        'redirect_uri',
        scenario === 'redirect-mismatch' ? `${callbackUrl}/elsewhere` : callbackUrl,
      );
      if (state) url.searchParams.set('state', state);
      return c.json({ element: element.key, oauthUrl: url.toString() }, 200);
    },

    async createInstance({ c, element, name, tags, providerData, configuration, scenario }) {
      const code = String(providerData.code);
      const apiKey = String(configuration['oauth.api.key']);
      const apiSecret = String(configuration['oauth.api.secret']);
      const callbackUrl = String(configuration['oauth.callback.url']);
      if (deps.store.nameTaken(name, scenario, code))
        return ceError(c, 409, nameTakenMessage(name));
      const played = providers[element.key];
      if (!played) return ceError(c, 404, `No provider for element '${element.key}'`);
      // A provider with a site per customer (Zendesk) has its token endpoint on that site: the
      // instance's configured site, so a code consented on one site is refused on another.
      const siteField = element.fields.find((field) => field.urlParam === 'siteAddress');
      const site = siteField ? String(configuration[siteField.key] ?? '') : undefined;
      const exchange = () =>
        played.provider.exchange({
          code,
          clientId: apiKey,
          clientSecret: apiSecret,
          redirectUri: callbackUrl,
          ...(site ? { site } : {}),
        });
      // Failure lab: the code was already traded once (a retried request), or it ran out.
      if (scenario === 'code-reused') await exchange();
      if (scenario === 'code-expired') played.provider.expire(code);
      const sent = await exchange();
      const legs = tokenLegs.get(code) ?? [];
      legs.push(tokenLeg(element, sent));
      tokenLegs.set(code, legs);
      if (sent.status !== 200) {
        return ceError(
          c,
          400,
          `Failed to exchange the authorization code with ${element.provider}`,
          `${sent.body.error}: ${sent.body.error_description}`,
        );
      }
      return deps.store.add({
        element,
        name,
        tags,
        configuration: storedConfiguration(element, configuration, {
          'oauth.api.key': apiKey,
          'oauth.api.secret': apiSecret,
          'oauth.callback.url': callbackUrl,
          'oauth.user.token': sent.body.access_token ?? '',
          'oauth.user.refresh_token': sent.body.refresh_token ?? '',
          ...POLLING_EVENTS,
        }),
      });
    },
  };
}
