/**
 * What each notable field is, where it came from and where it goes next: shown on demand beside
 * the field in every exchange. Written per kind of authentication, with the element's provider,
 * variables and step numbers filled in, so a note never names another element's steps.
 */
import { type AuthType, type ElementView, STEP_ORDER, type StepId } from '@cew/shared';

export type FieldNote = { what: string; from: string; next: string };

type Notes = Record<string, FieldNote>;
/** What a kind's notes are written from: the element, and a step's number in its flow. */
type Context = { element: ElementView; p: string; step: (id: StepId) => string };

/** What every kind's exchanges share: the platform's header, the configuration, the lab. */
const shared = ({ step }: Context): Notes => ({
  configuration: {
    what: 'The instance’s settings: the app credentials or your own fields, the callback, and optional event settings.',
    from: 'The BFF’s configuration and the form.',
    next: 'Stored in the instance; Cloud Elements masks some secrets on the way back, the BFF hides the rest.',
  },
  authorization: {
    what: 'Your Cloud Elements credentials (and, through an instance, its token). The User and Organization secrets are on your Cloud Elements profile page.',
    from: 'CE_USER_SECRET and CE_ORG_SECRET in the BFF.',
    next: `Every platform call carries it (${step('create-instance')} and after); the browser only sees markers.`,
  },
  typeOauth: {
    what: 'Whether Cloud Elements files this element as OAuth. Not used by the wizard, and it can disagree with the element’s authentication type: read that instead.',
    from: 'Cloud Elements’ record of the element.',
    next: 'Nowhere: shown as Cloud Elements returned it.',
  },
  provisionInteractions: {
    what: 'The calls Cloud Elements made while provisioning this instance, when it keeps them. Not used by the wizard.',
    from: 'Cloud Elements, after it created the instance.',
    next: 'Nowhere: shown as Cloud Elements returned it.',
  },
  maxCacheSize: {
    what: 'How many of the provider’s replies Cloud Elements may cache for this instance (0: none). Not used by the wizard.',
    from: 'Cloud Elements’ default for an instance.',
    next: 'Nowhere: shown as Cloud Elements returned it.',
  },
  cacheTimeToLive: {
    what: 'How long a cached reply stays fresh, for this instance (0: no cache). Not used by the wizard.',
    from: 'Cloud Elements’ default for an instance.',
    next: 'Nowhere: shown as Cloud Elements returned it.',
  },
  externalAuthentication: {
    what: 'Whether someone other than Cloud Elements manages this account’s tokens (`none` here: Cloud Elements does).',
    from: 'Cloud Elements’ default for an instance.',
    next: 'Nowhere: shown as Cloud Elements returned it.',
  },
  'x-sandbox-scenario': {
    what: 'Not part of Cloud Elements’ API: the sandbox’s own header, naming the failure-lab scenario it should play.',
    from: 'The BFF, in sandbox mode only, when a scenario is chosen.',
    next: 'Read by the sandbox alone; left out of the curl command, which is what you would send to Cloud Elements.',
  },
});

/** What the two OAuth kinds share: the app's callback and the state. */
const oauthShared = ({ element, p, step }: Context): Notes => ({
  callbackUrl: {
    what: `Where ${p} sends the person back after the consent page: it must be the app’s registered callback.`,
    from: `OAUTH_CALLBACK_URL, registered with the ${p} app.`,
    next: `Becomes the redirect ${p} sends the browser to, and ${step('create-instance')}’s oauth.callback.url.`,
  },
  state: {
    what: 'A random value bound to this browser’s flow: the callback must bring it back. This is the CSRF check (cross-site request forgery): another site cannot send your browser to the callback with a flow of its own.',
    from: `Made by the BFF at ${step(element.steps[0] ?? 'authorize-url')}. The guide uses the element key, which anyone can guess.`,
    next: 'Returns on the callback, where the BFF compares it.',
  },
  oauthUrl: {
    what: `${p}’s consent page for this flow.`,
    from: `Cloud Elements, in ${step('authorize-url')}; checked by the BFF (host, path, binding, no app secret) before you see it.`,
    next: `Your browser goes there in ${step('callback')}.`,
  },
  'oauth.callback.url': {
    what: 'The callback URL: the same one the flow started with.',
    from: 'OAUTH_CALLBACK_URL.',
    next: 'Cloud Elements checks it against the flow’s.',
  },
});

const KIND_NOTES: Record<AuthType, (context: Context) => Notes> = {
  oauth1: (context) => {
    const { element, p, step } = context;
    return {
      ...oauthShared(context),
      apiKey: {
        what: `Your ${p} app's consumer key, which identifies the app to ${p}.`,
        from: `The BFF’s configuration (${element.env}_API_KEY).`,
        next: `Sent in ${step('request-token')} and ${step('authorize-url')}, and as oauth.api.key in ${step('create-instance')}. Cloud Elements signs with it.`,
      },
      apiSecret: {
        what: `Your ${p} app's consumer secret: half of every OAuth 1.0a signing key.`,
        from: `The BFF’s configuration (${element.env}_API_SECRET). Never in the browser.`,
        next: `Sent to Cloud Elements in ${step('request-token')} and ${step('authorize-url')}, and as oauth.api.secret in ${step('create-instance')}. Cloud Elements signs with it; the secret itself never travels to ${p}.`,
      },
      token: {
        what: 'The request token: a temporary credential naming this authorization attempt.',
        from: `${p}, via Cloud Elements, in ${step('request-token')}.`,
        next: `${step('authorize-url')}’s requestToken, the oauth_token on the consent page and callback, and ${step('create-instance')}’s providerData.oauth_token.`,
      },
      secret: {
        what: 'The request token’s secret: the second half of the signing key for the access token exchange.',
        from: `${p}, via Cloud Elements, in ${step('request-token')}.`,
        next: `Sealed by the BFF into the flow cookie (the browser carries it but cannot read it); sent back to Cloud Elements only as ${step('create-instance')}’s providerData.secret.`,
      },
      requestToken: {
        what: `The request token from ${step('request-token')}.`,
        from: `${step('request-token')}’s token.`,
        next: 'Cloud Elements builds the consent page address for it.',
      },
      oauth_token: {
        what: 'The request token, travelling with the person.',
        from: `${step('request-token')}; ${p} echoes it on the callback.`,
        next: `The BFF checks it matches this flow; ${step('create-instance')} sends it as providerData.oauth_token.`,
      },
      oauth_verifier: {
        what: `Proof that the person approved: ${p} issues it on the callback.`,
        from: `${p}’s redirect to the callback URL.`,
        next: `Kept by the BFF; sent once, as ${step('create-instance')}’s providerData.oauth_verifier.`,
      },
      denied: {
        what: `${p}’s signal that the person pressed ${element.consent?.deny ?? 'Cancel'}. Its value is the request token, so the BFF can tell which attempt was refused.`,
        from: `${p}’s redirect to the callback URL.`,
        next: 'Ends the flow: no verifier, so no instance.',
      },
      providerData: {
        what: `What Cloud Elements needs to finish the OAuth 1.0a exchange with ${p}.`,
        from: `The token (${step('request-token')}), the verifier (callback) and the token secret (sealed in the flow cookie).`,
        next: `Cloud Elements trades them at ${p}’s /oauth/access_token.`,
      },
      'oauth.user.token': {
        what: `The person’s ${p} access token, which Cloud Elements uses for every call.`,
        from: `${p}’s /oauth/access_token, called by Cloud Elements in ${step('create-instance')}.`,
        next: 'Stays in the instance; the BFF hides it on the way back.',
      },
      'oauth.user.token.secret': {
        what: 'The access token’s secret.',
        from: `${p}’s /oauth/access_token.`,
        next: 'Stays with Cloud Elements; masked or hidden on the way back.',
      },
    };
  },
  oauth2: (context) => {
    const { element, p, step } = context;
    return {
      ...oauthShared(context),
      apiKey: {
        what: `Your ${p} app's client id. Public in OAuth 2.0: it names the app.`,
        from: `The BFF’s configuration (${element.env}_API_KEY).`,
        next: `Sent in ${step('authorize-url')} and as oauth.api.key in ${step('create-instance')}; appears as client_id in the consent URL.`,
      },
      apiSecret: {
        what: `Your ${p} app's client secret. Nothing is signed with it: it is sent as it is.`,
        from: `The BFF’s configuration (${element.env}_API_SECRET). Never in the browser.`,
        next: `Sent to Cloud Elements in ${step('authorize-url')} and as oauth.api.secret in ${step('create-instance')}; Cloud Elements sends it to ${p}’s token endpoint.`,
      },
      siteAddress: {
        what: `Your ${p} site (subdomain): Cloud Elements puts the consent page there.`,
        from: 'The form, as you typed it.',
        next: `The BFF checks the consent page is on that host before sending you there.`,
      },
      client_id: {
        what: 'The app asking for access (your client id).',
        from: `${element.env}_API_KEY, through Cloud Elements.`,
        next: `${p} checks it, and again with the client secret at the token endpoint.`,
      },
      redirect_uri: {
        what: `Where ${p} sends the person back: it must match the registered callback exactly.`,
        from: `The callbackUrl of ${step('authorize-url')}.`,
        next: 'Checked on the consent page, and again when the code is traded.',
      },
      response_type: {
        what: '"code": the authorization-code flow, where the browser only ever carries a code.',
        from: 'Cloud Elements.',
        next: `${p} answers the callback with ?code=….`,
      },
      scope: {
        what: 'What the app may do, as the consent page lists it.',
        from: 'Cloud Elements.',
        next: 'Shown on the consent page; the tokens carry it.',
      },
      code: {
        what: 'The authorization code: single use, short-lived, worthless without the client secret.',
        from: `${p}’s redirect to the callback URL.`,
        next: `Sealed in the flow cookie; sent once, as ${step('create-instance')}’s providerData.code; Cloud Elements trades it for tokens.`,
      },
      error: {
        what: `${p}’s refusal instead of a code, e.g. access_denied when the person pressed ${element.consent?.deny ?? 'Deny'}.`,
        from: `${p}’s redirect to the callback URL.`,
        next: 'Ends the flow: no code, so no instance.',
      },
      providerData: {
        what: `What Cloud Elements needs to finish the OAuth 2.0 flow with ${p}: just the code.`,
        from: 'The callback (the code, sealed in the flow cookie).',
        next: `Cloud Elements trades it at ${p}’s token endpoint with the client secret.`,
      },
      'oauth.user.token': {
        what: `The ${p} access token Cloud Elements uses for every call.`,
        from: `${p}’s token endpoint, called by Cloud Elements in ${step('create-instance')}.`,
        next: 'Stays in the instance; the BFF hides it on the way back.',
      },
      'oauth.user.refresh_token': {
        what: 'The refresh token: it gets a new access token when the old one expires.',
        from: `${p}’s token endpoint.`,
        next: 'Stays with Cloud Elements; masked on the way back.',
      },
    };
  },
  basic: ({ element, p, step }) =>
    Object.fromEntries(
      element.fields.map((field) => [
        field.key,
        {
          what: field.help,
          from: field.secret
            ? `You typed it in ${step('credentials')}. ${p} issued it to you.`
            : `You typed it in ${step('credentials')}.`,
          next: field.secret
            ? `Sent once, browser → BFF → Cloud Elements, in ${step('create-instance')}; the BFF keeps it sealed in the flow cookie and shows it as a marker for the life of the flow. Cloud Elements keeps it and sends it to ${p} with every call.`
            : `Sent in ${step('create-instance')}’s configuration; Cloud Elements uses it to reach your ${p} account.`,
        },
      ]),
    ),
};

/** The note for a field as the element's flow uses it. */
export function noteOf(key: string, element: ElementView): FieldNote | undefined {
  const order = STEP_ORDER[element.authType];
  const step = (id: StepId) => {
    const index = order.indexOf(id);
    return index < 0 ? 'an earlier step' : `step ${index + 1}`;
  };
  const context = { element, p: element.provider, step };
  const notes = { ...shared(context), ...KIND_NOTES[element.authType](context) };
  return notes[key] ?? notes[key.toLowerCase()];
}
