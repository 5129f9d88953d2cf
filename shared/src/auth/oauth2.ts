import { type AuthKind, consentHops, INSTANCE_TOKEN, instanceHops, PLATFORM_SECRETS } from './kind';

/**
 * OAuth 2.0's authorization code: no request token and no signatures; the callback brings a
 * single-use code that Cloud Elements trades, with the client secret, at the provider.
 */
export const oauth2: AuthKind = {
  authType: 'oauth2',
  label: 'OAuth 2.0',
  app: {
    keyName: 'client id',
    secretName: 'client secret',
    keyPublic: true,
    secretMarker: 'CLIENT_SECRET',
    secretUse: 'trade the code at the provider’s token endpoint, server to server',
  },
  instanceLeg: 'token',
  appConfiguration: ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'],
  labOmits: () => 'oauth.callback.url',
  keeps: ['state'],
  urlBinding: 'state',
  signed: false,
  // The sandbox files a 2.0 flow's calls behind the scenes by the code the callback brought.
  legsBy: (flow) => (flow.grant ? { code: flow.grant } : null),
  scenarios: [
    'ce-down',
    'ce-slow',
    'secret-in-url',
    'cancel',
    'redirect-mismatch',
    'wrong-secret',
    'missing-config',
    'name-taken',
    'code-reused',
    'code-expired',
  ],
  checkElement: (element) => [
    ...(element.consent ? [] : ['an OAuth 2.0 element needs a consent']),
    ...(element.sandbox?.authorizePath !== undefined && element.sandbox?.tokenPath !== undefined
      ? []
      : ['an OAuth 2.0 element needs the sandbox authorize and token paths']),
  ],
  callback: {
    granted: 'code, state',
    refused: 'error=access_denied',
    grantName: 'code',
    grantParam: 'code',
    accepted: (query) => query.error === undefined,
    check(query, flow) {
      if (query.state !== flow.state) {
        return {
          refused:
            "The callback's state does not match this flow's state (a possible cross-site request), so it is refused; the flow is unchanged.",
        };
      }
      if (query.error !== undefined) return { accepted: false };
      if (!query.code) {
        return {
          refused: 'The callback carries no code, so it is refused; the flow is unchanged.',
        };
      }
      return { accepted: true, grant: query.code };
    },
  },
  providerData: (flow) => (flow.grant ? { code: flow.grant } : null),
  hops: (element) => [
    ...consentHops(element, 'code&state', 'code'),
    ...instanceHops(
      element,
      ['POST token endpoint (code, client secret)', 'access_token, refresh_token'],
      'Bearer access token',
    ),
  ],
  holds: (element) => [
    {
      what: `${element.provider} client secret (apiSecret)`,
      seen: { BFF: 'start', 'Cloud Elements': 'authorize-url', Provider: 'start' },
      why: 'Proves the app at the token endpoint, sent as it is (no signature): server to server only.',
    },
    PLATFORM_SECRETS,
    {
      what: 'Client id (apiKey)',
      seen: {
        BFF: 'start',
        Provider: 'start',
        'Cloud Elements': 'authorize-url',
        Browser: 'authorize-url',
      },
      why: 'Public by design in OAuth 2.0: it names the app in the consent URL the browser visits.',
    },
    {
      what: 'state',
      seen: {
        BFF: 'authorize-url',
        'Cloud Elements': 'authorize-url',
        Browser: 'authorize-url',
        Provider: 'callback',
      },
      why: 'Random, bound to this browser: the callback must bring it back. It rides in the URL.',
    },
    {
      what: 'Authorization code',
      seen: {
        Provider: 'callback',
        Browser: 'callback',
        BFF: 'callback',
        'Cloud Elements': 'create-instance',
      },
      why: 'Single use and short-lived; worthless without the client secret, which the browser never has.',
    },
    {
      what: `${element.provider} access and refresh tokens`,
      seen: { Provider: 'create-instance', 'Cloud Elements': 'create-instance' },
      why: 'Stay with Cloud Elements, which makes the calls and refreshes the access token.',
    },
    INSTANCE_TOKEN,
  ],
  compare: (element) => ({
    'before-consent': 'Nothing: the authorization URL is the first call',
    signing:
      'Nothing is signed: Cloud Elements sends the client secret itself to the token endpoint, and TLS protects it',
    'through-browser': `The client id, redirect_uri, state${element.fields.length ? `, ${element.fields.map((f) => f.title.toLowerCase()).join(', ')}` : ''}, then the code`,
    callback: 'code, state (or error=access_denied when refused)',
    binding: 'state alone: the random value this browser’s flow sent',
    'provider-data': 'code',
    'bff-holds':
      'Cloud Elements user and organization secrets, the client secret; the code passes through it (sealed in the flow cookie)',
    'ce-keeps': 'The client secret, the access token and the refresh token',
  }),
};
