/**
 * What each notable field is, where it came from and where it goes next: shown on demand beside
 * the field in every exchange.
 */
import type { ElementKey } from '@cew/shared';

export type FieldNote = { what: string; from: string; next: string };

/** Twitter's flow (OAuth 1.0a, the guide's). */
const TWITTER_NOTES: Record<string, FieldNote> = {
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
    what: 'A random value bound to this browser’s flow: the callback must bring it back. This is the CSRF check (cross-site request forgery): another site cannot send your browser to the callback with a flow of its own.',
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
    next: 'Sealed by the BFF into the flow cookie (the browser carries it but cannot read it); sent on only as step 4’s providerData.secret.',
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
  'x-sandbox-scenario': {
    what: 'Not part of Cloud Elements’ API: the sandbox’s own header, naming the failure-lab scenario it should play.',
    from: 'The BFF, in sandbox mode only, when a scenario is chosen.',
    next: 'Read by the sandbox alone; left out of the curl command, which is what you would send to Cloud Elements.',
  },
};

/** Salesforce's flow (OAuth 2.0): the same names often mean something else here. */
const SALESFORCE_NOTES: Record<string, FieldNote> = {
  apiKey: {
    what: "Your connected app's consumer key (client id). Public in OAuth 2.0: it names the app.",
    from: 'The BFF’s configuration (SALESFORCE_API_KEY).',
    next: 'Sent in step 1 and as oauth.api.key in step 3; appears as client_id in the consent URL.',
  },
  apiSecret: {
    what: "Your connected app's consumer secret (client secret). Nothing is signed with it: it is sent as it is.",
    from: 'The BFF’s configuration (SALESFORCE_API_SECRET). Never in the browser.',
    next: 'Sent to Cloud Elements in step 1 and as oauth.api.secret in step 3; Cloud Elements sends it to Salesforce’s token endpoint.',
  },
  callbackUrl: {
    what: 'Where Salesforce sends the person back: it must be the connected app’s registered callback.',
    from: 'OAUTH_CALLBACK_URL, registered with the connected app.',
    next: 'Becomes redirect_uri in the consent URL and in the token request, and step 3’s oauth.callback.url.',
  },
  state: {
    what: 'A random value bound to this browser’s flow: in OAuth 2.0 it alone binds the callback. This is the CSRF check (cross-site request forgery): another site cannot send your browser to the callback with its own code.',
    from: 'Made by the BFF at step 1. The guide uses the element key, which anyone can guess.',
    next: 'In the consent URL; returns on the callback, where the BFF compares it.',
  },
  oauthUrl: {
    what: 'Salesforce’s consent page for this flow.',
    from: 'Cloud Elements, in step 1; checked by the BFF (host, path, state, no client secret).',
    next: 'Your browser goes there in step 2.',
  },
  client_id: {
    what: 'The connected app asking for access (your consumer key).',
    from: 'SALESFORCE_API_KEY, through Cloud Elements.',
    next: 'Salesforce checks it, and again with the client secret at the token endpoint.',
  },
  redirect_uri: {
    what: 'Where Salesforce sends the person back: it must match the registered callback exactly.',
    from: 'The callbackUrl of step 1.',
    next: 'Checked on the consent page, and again when the code is traded.',
  },
  response_type: {
    what: '"code": the authorization-code flow, where the browser only ever carries a code.',
    from: 'Cloud Elements.',
    next: 'Salesforce answers the callback with ?code=….',
  },
  scope: {
    what: 'What the app may do: full access, and a refresh token to keep access.',
    from: 'Cloud Elements.',
    next: 'Shown on the consent page; the tokens carry it.',
  },
  code: {
    what: 'The authorization code: single use, short-lived, worthless without the client secret.',
    from: 'Salesforce’s redirect to the callback URL.',
    next: 'Kept by the BFF; sent once, as step 3’s providerData.code; Cloud Elements trades it for tokens.',
  },
  error: {
    what: 'Salesforce’s refusal instead of a code, e.g. access_denied when the person pressed Deny.',
    from: 'Salesforce’s redirect to the callback URL.',
    next: 'Ends the flow: no code, so no instance.',
  },
  providerData: {
    what: 'What Cloud Elements needs to finish the OAuth 2.0 flow with Salesforce: just the code.',
    from: 'The callback (the code, held by the BFF).',
    next: 'Cloud Elements trades it at Salesforce’s /services/oauth2/token with the client secret.',
  },
  'oauth.user.token': {
    what: 'The Salesforce access token Cloud Elements uses for every call.',
    from: 'Salesforce’s token endpoint, called by Cloud Elements in step 3.',
    next: 'Stays in the instance; never returned in clear.',
  },
  'oauth.user.refresh_token': {
    what: 'The refresh token: it gets a new access token when the old one expires.',
    from: 'Salesforce’s token endpoint.',
    next: 'Stays with Cloud Elements; masked on the way back.',
  },
};

const NOTES: Record<ElementKey, Record<string, FieldNote>> = {
  twitter: TWITTER_NOTES,
  // What the two flows share (configuration, the Authorization header) reads the same.
  sfdc: {
    configuration: TWITTER_NOTES.configuration as FieldNote,
    authorization: TWITTER_NOTES.authorization as FieldNote,
    'x-sandbox-scenario': TWITTER_NOTES['x-sandbox-scenario'] as FieldNote,
    'oauth.callback.url': {
      what: 'The callback URL: the same redirect URI the code was issued for.',
      from: 'OAUTH_CALLBACK_URL.',
      next: 'Cloud Elements sends it as redirect_uri when it trades the code.',
    },
    ...SALESFORCE_NOTES,
  },
};

/** The note for a field as the element's flow uses it. */
export const noteOf = (key: string, element: ElementKey): FieldNote | undefined =>
  NOTES[element][key] ?? NOTES[element][key.toLowerCase()];
