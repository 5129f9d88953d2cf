import {
  type AuthKind,
  call,
  consentHops,
  INSTANCE_TOKEN,
  instanceHops,
  PLATFORM_SECRETS,
  reply,
} from './kind';

/**
 * OAuth 1.0a, the seed guide's flow: a request token first, a verifier back from the consent
 * page, and every call to the provider signed with the consumer secret and a token secret.
 */
export const oauth1: AuthKind = {
  authType: 'oauth1',
  label: 'OAuth 1.0a',
  app: {
    keyName: 'consumer key',
    secretName: 'consumer secret',
    keyPublic: false,
    secretMarker: 'API_SECRET',
    secretUse: 'sign its requests to the provider (the secret itself never travels to it)',
  },
  instanceLeg: 'access_token',
  appConfiguration: ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'],
  labOmits: () => 'oauth.callback.url',
  keeps: ['state', 'requestToken', 'tokenSecret', 'issuedAt'],
  urlBinding: 'oauth_token',
  signed: true,
  // The sandbox files a 1.0a flow's calls behind the scenes by its request token.
  legsBy: (flow) => (flow.requestToken ? { oauth_token: flow.requestToken } : null),
  // In the order of the steps where they show.
  scenarios: [
    'ce-down',
    'ce-slow',
    'cancel',
    'expired-token',
    'tampered-verifier',
    'wrong-secret',
    'missing-config',
    'name-taken',
  ],
  checkElement: (element) => (element.consent ? [] : ['an OAuth 1.0a element needs a consent']),
  callback: {
    granted: 'oauth_token, oauth_verifier, state',
    refused: 'denied=<request token>',
    grantName: 'verifier',
    grantParam: 'oauth_verifier',
    accepted: (query) => query.denied === undefined,
    check(query, flow) {
      if ((query.denied ?? query.oauth_token) !== flow.requestToken) {
        return {
          refused:
            "The callback's oauth_token is not this flow's request token, so it is refused; the flow is unchanged.",
        };
      }
      if (query.state !== flow.state) {
        return {
          refused:
            "The callback's state does not match this flow's state (a possible cross-site request), so it is refused; the flow is unchanged.",
        };
      }
      if (query.denied !== undefined) return { accepted: false };
      if (!query.oauth_verifier) {
        return {
          refused:
            'The callback carries no oauth_verifier, so it is refused; the flow is unchanged.',
        };
      }
      return { accepted: true, grant: query.oauth_verifier };
    },
  },
  providerData: (flow) =>
    flow.requestToken && flow.grant && flow.tokenSecret
      ? { oauth_token: flow.requestToken, oauth_verifier: flow.grant, secret: flow.tokenSecret }
      : null,
  hops: (element) => [
    call('Browser', 'BFF', 'POST /api/flow/request-token', 'request-token'),
    call('BFF', 'Cloud Elements', `GET /elements/${element.key}/oauth/token`, 'request-token'),
    call('Cloud Elements', 'Provider', 'POST /oauth/request_token (signed)', 'request-token'),
    reply('Provider', 'Cloud Elements', 'oauth_token, oauth_token_secret', 'request-token'),
    reply(
      'Cloud Elements',
      'BFF',
      '200 { token, secret: <REQUEST_TOKEN_SECRET> }',
      'request-token',
    ),
    reply('BFF', 'Browser', '200 { requestToken } (secret sealed in the cookie)', 'request-token'),
    ...consentHops(element, 'oauth_token&oauth_verifier&state', 'verifier'),
    ...instanceHops(
      element,
      ['POST /oauth/access_token (signed)', 'access token and its secret'],
      'signed with the access token',
    ),
  ],
  holds: (element) => [
    {
      what: `${element.provider} consumer secret (apiSecret)`,
      seen: { BFF: 'start', 'Cloud Elements': 'request-token', Provider: 'start' },
      why: `The BFF sends it to Cloud Elements in each call's query, never to the browser. Cloud Elements signs with it; it never travels to ${element.provider}, which has its own copy.`,
    },
    PLATFORM_SECRETS,
    {
      what: 'Request token',
      seen: {
        Provider: 'request-token',
        'Cloud Elements': 'request-token',
        BFF: 'request-token',
        Browser: 'request-token',
      },
      why: `Not a secret alone: it names the attempt, and travels through the browser to ${element.provider}.`,
    },
    {
      what: 'Request token secret',
      seen: { Provider: 'request-token', 'Cloud Elements': 'request-token', BFF: 'request-token' },
      why: 'With the consumer secret it signs the access token exchange. The BFF seals it into the flow cookie: the browser carries that sealed blob but cannot read it. The BFF sends it back to Cloud Elements in step 4.',
    },
    {
      what: 'state',
      seen: {
        BFF: 'request-token',
        'Cloud Elements': 'request-token',
        Provider: 'request-token',
        Browser: 'request-token',
      },
      why: 'Random, bound to this browser: the callback must bring it back. Not a secret: this page shows it from step 1, in the callback URL Cloud Elements passes on.',
    },
    {
      what: 'oauth_verifier',
      seen: {
        Provider: 'callback',
        Browser: 'callback',
        BFF: 'callback',
        'Cloud Elements': 'create-instance',
      },
      why: 'Proof of consent. Single use; removed from the address bar at once.',
    },
    {
      what: `${element.provider} access token and secret`,
      seen: { Provider: 'create-instance', 'Cloud Elements': 'create-instance' },
      why: 'Stay with Cloud Elements, which makes the calls; returned masked.',
    },
    INSTANCE_TOKEN,
  ],
  compare: (element) => ({
    'before-consent': `A request token and its secret from ${element.provider} (GET /elements/${element.key}/oauth/token)`,
    signing: `Cloud Elements signs every call to ${element.provider} with HMAC-SHA1, keyed by the consumer secret and the token secret; the signatures travel, the secrets do not`,
    'through-browser': 'The request token (oauth_token), the verifier, state',
    callback: 'oauth_token, oauth_verifier, state (or denied=<token> when refused)',
    binding: 'The request token must be this flow’s, and state must match',
    'provider-data': 'oauth_token, oauth_verifier, secret (the request token secret)',
    'bff-holds':
      'Cloud Elements user and organization secrets, the consumer secret, the request token secret (sealed in the flow cookie)',
    'ce-keeps': 'The consumer secret, the user’s access token and its secret',
  }),
};
