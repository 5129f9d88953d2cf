/**
 * What each notable field is, where it came from and where it goes next: shown on demand beside
 * the field in every exchange.
 */
export type FieldNote = { what: string; from: string; next: string };

export const FIELD_NOTES: Record<string, FieldNote> = {
  apiKey: {
    what: "Your Twitter app's consumer key, which identifies the app to Twitter.",
    from: 'The BFF’s configuration (TWITTER_API_KEY).',
    next: 'Sent in steps 1 and 2, and as oauth.api.key in step 4. Cloud Elements signs with it.',
  },
  apiSecret: {
    what: "Your Twitter app's consumer secret: half of every OAuth 1.0a signing key.",
    from: 'The BFF’s configuration (TWITTER_API_SECRET). Never in the browser.',
    next: 'Sent to Cloud Elements in steps 1 and 2 and as oauth.api.secret in step 4.',
  },
  callbackUrl: {
    what: 'Where Twitter sends the person back after the consent page.',
    from: 'OAUTH_CALLBACK_URL, registered with the Twitter app.',
    next: 'Becomes the oauth_callback Twitter redirects to, and step 4’s oauth.callback.url.',
  },
  state: {
    what: 'A random value bound to this browser’s flow: the callback must bring it back (CSRF check).',
    from: 'Made by the BFF at step 1.',
    next: 'Sent in steps 1 and 2; returns on the callback, where the BFF compares it.',
  },
  token: {
    what: 'The request token: a temporary credential naming this authorization attempt.',
    from: 'Twitter, via Cloud Elements, in step 1.',
    next: 'Step 2’s requestToken, the oauth_token on the consent page and callback, and step 4’s providerData.oauth_token.',
  },
  secret: {
    what: 'The request token’s secret: the second half of the signing key for the access token exchange.',
    from: 'Twitter, via Cloud Elements, in step 1.',
    next: 'Stays in the BFF’s encrypted cookie; sent back only as step 4’s providerData.secret.',
  },
  requestToken: {
    what: 'The request token from step 1.',
    from: 'Step 1’s token.',
    next: 'Cloud Elements builds the consent page address for it.',
  },
  oauthUrl: {
    what: 'Twitter’s consent page for this request token.',
    from: 'Cloud Elements, in step 2; checked by the BFF before you see it.',
    next: 'Your browser goes there in step 3.',
  },
  oauth_token: {
    what: 'The request token, travelling with the person.',
    from: 'Step 1; Twitter echoes it on the callback.',
    next: 'The BFF checks it matches this flow; step 4 sends it as providerData.oauth_token.',
  },
  oauth_verifier: {
    what: 'Proof that the person approved: Twitter issues it on the callback.',
    from: 'Twitter’s redirect to the callback URL.',
    next: 'Kept by the BFF; sent once, as step 4’s providerData.oauth_verifier.',
  },
  denied: {
    what: 'Twitter’s signal that the person pressed Cancel; it carries the request token.',
    from: 'Twitter’s redirect to the callback URL.',
    next: 'Ends the flow: no verifier, so no instance.',
  },
  providerData: {
    what: 'What Cloud Elements needs to finish the OAuth dance with Twitter.',
    from: 'The token (step 1), the verifier (callback) and the token secret (held by the BFF).',
    next: 'Cloud Elements trades them at Twitter’s /oauth/access_token.',
  },
  configuration: {
    what: 'The instance’s settings: the app credentials, the callback and optional event settings.',
    from: 'The BFF’s configuration and the form.',
    next: 'Stored in the instance; secrets come back masked.',
  },
  'oauth.callback.url': {
    what: 'The callback URL: it must be the one used in step 2.',
    from: 'OAUTH_CALLBACK_URL.',
    next: 'Cloud Elements checks it against the request token’s.',
  },
  'oauth.user.token': {
    what: 'The person’s Twitter access token, which Cloud Elements uses for every call.',
    from: 'Twitter’s /oauth/access_token, called by Cloud Elements in step 4.',
    next: 'Stays in the instance; its secret is never returned in clear.',
  },
  'oauth.user.token.secret': {
    what: 'The access token’s secret.',
    from: 'Twitter’s /oauth/access_token.',
    next: 'Stays with Cloud Elements; masked or hidden on the way back.',
  },
  authorization: {
    what: 'Your Cloud Elements credentials (and, through an instance, its token).',
    from: 'CE_USER_SECRET and CE_ORG_SECRET in the BFF.',
    next: 'Every platform call carries it; the browser only sees markers.',
  },
};

export const noteOf = (key: string): FieldNote | undefined =>
  FIELD_NOTES[key] ?? FIELD_NOTES[key.toLowerCase()];
