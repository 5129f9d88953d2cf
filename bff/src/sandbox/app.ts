import { Hono } from 'hono';
import { ceError } from './cloud-elements-error';
import { CONSENT_CSS, renderConsentError, renderConsentPage } from './consent-page';
import { toInstanceReply, twitterConfiguration } from './instance-reply';
import { createStore, randomToken } from './store';

export type SandboxOptions = {
  /** Where browsers reach this sandbox, e.g. http://127.0.0.1:8787/sandbox (no trailing slash). */
  publicUrl: string;
  /** The Cloud Elements user and organization secrets it accepts. */
  userSecret: string;
  orgSecret: string;
  /** Twitter apps registered with the sandbox's Twitter: consumer key → consumer secret. */
  apps: Record<string, string>;
  tokenTtlMs?: number;
  now?: () => number;
};

const ELEMENT_KEYS = new Set(['twitter', '1359']);
const REQUIRED_CONFIGURATION = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'];
const APP_NAME = 'Cloud Elements Instance Wizard';

/**
 * The sandbox: Cloud Elements' three instance calls (plus instance read and delete) and Twitter's
 * consent page, emulated with the same rules and error shapes, so the BFF talks to it over HTTP
 * exactly as it talks to the real API. Imports nothing from the rest of the BFF.
 */
export function createSandboxApp(options: SandboxOptions) {
  const now = options.now ?? Date.now;
  const store = createStore({ tokenTtlMs: options.tokenTtlMs ?? 10 * 60 * 1000, now });
  const ce = new Hono();

  /** Twitter's check of the app credentials, which Cloud Elements relays. */
  function checkApp(apiKey: string, apiSecret: string): string | null {
    if (options.apps[apiKey] === apiSecret) return null;
    return 'Could not authenticate you. (Twitter did not recognise the apiKey and apiSecret.)';
  }

  function missingQuery(query: Record<string, string>, names: string[]): string | null {
    const missing = names.filter((name) => !query[name]);
    return missing.length ? `Missing required query parameter(s): ${missing.join(', ')}` : null;
  }

  ce.get('/elements/:key/oauth/token', (c) => {
    if (!ELEMENT_KEYS.has(c.req.param('key'))) {
      return ceError(c, 404, `No element found with key or id '${c.req.param('key')}'`);
    }
    const query = c.req.query();
    const missing = missingQuery(query, ['apiKey', 'apiSecret', 'callbackUrl']);
    if (missing) return ceError(c, 400, missing);
    const { apiKey = '', apiSecret = '', callbackUrl = '', state } = query;
    const refused = checkApp(apiKey, apiSecret);
    if (refused) return ceError(c, 400, 'Failed to retrieve a request token from Twitter', refused);
    const issued = store.issueToken(apiKey, callbackUrl, state);
    return c.json({ token: issued.token, secret: issued.secret }, 200);
  });

  ce.get('/elements/:key/oauth/url', (c) => {
    if (!ELEMENT_KEYS.has(c.req.param('key'))) {
      return ceError(c, 404, `No element found with key or id '${c.req.param('key')}'`);
    }
    const query = c.req.query();
    const missing = missingQuery(query, ['apiKey', 'apiSecret', 'callbackUrl', 'requestToken']);
    if (missing) return ceError(c, 400, missing);
    const { apiKey = '', apiSecret = '', requestToken = '' } = query;
    const refused = checkApp(apiKey, apiSecret);
    if (refused) return ceError(c, 400, 'Failed to build the authorization URL', refused);
    const token = store.findToken(requestToken);
    if (!token || token.apiKey !== apiKey) {
      return ceError(c, 400, 'The requestToken is invalid or has expired. Get a new one (step 1).');
    }
    const oauthUrl = `${options.publicUrl}/twitter/oauth/authorize?oauth_token=${encodeURIComponent(token.token)}`;
    return c.json({ element: 'twitter', oauthUrl }, 200);
  });

  ce.post('/instances', async (c) => {
    const auth = parseAuthorization(c.req.header('authorization'));
    if (!auth.User || !auth.Organization) {
      return ceError(
        c,
        401,
        'The Authorization header must be "User <user secret>, Organization <organization secret>".',
      );
    }
    if (auth.User !== options.userSecret || auth.Organization !== options.orgSecret) {
      return ceError(
        c,
        401,
        'Invalid Organization or User secret, or invalid Element token provided.',
      );
    }
    if (!c.req.header('content-type')?.startsWith('application/json')) {
      return ceError(c, 415, 'Content-Type must be application/json.');
    }
    const body = await c.req.json<unknown>().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return ceError(c, 400, 'The request body must be a JSON object describing the instance.');
    }
    const input = body as Record<string, unknown>;
    const element = record(input.element);
    const providerData = record(input.providerData);
    const configuration = record(input.configuration);
    const problems: string[] = [];
    if (typeof element.key !== 'string') problems.push('element.key is required');
    if (typeof input.name !== 'string' || input.name.trim() === '')
      problems.push('name is required');
    for (const field of ['oauth_token', 'oauth_verifier', 'secret']) {
      if (typeof providerData[field] !== 'string' || providerData[field] === '') {
        problems.push(`providerData.${field} is required`);
      }
    }
    if (problems.length) return ceError(c, 400, `${problems.join('; ')}.`);
    if (typeof element.key !== 'string' || !ELEMENT_KEYS.has(element.key)) {
      return ceError(c, 404, `No element found with key or id '${String(element.key)}'`);
    }
    const missingConfig = REQUIRED_CONFIGURATION.filter(
      (key) => typeof configuration[key] !== 'string' || configuration[key] === '',
    );
    if (missingConfig.length) {
      return ceError(
        c,
        400,
        `Missing required configuration entries: ${missingConfig.join(', ')}. Add them to "configuration".`,
      );
    }
    const name = String(input.name);
    const oauthToken = String(providerData.oauth_token);
    const apiKey = String(configuration['oauth.api.key']);
    const apiSecret = String(configuration['oauth.api.secret']);
    const callbackUrl = String(configuration['oauth.callback.url']);

    const refused = checkApp(apiKey, apiSecret);
    if (refused)
      return ceError(c, 400, 'Twitter refused the app credentials in configuration', refused);
    const token = store.findToken(oauthToken);
    if (!token) {
      return ceError(
        c,
        400,
        'Failed to get the access token from Twitter',
        'Invalid or expired request token.',
      );
    }
    if (token.status === 'used') {
      return ceError(
        c,
        400,
        'Failed to get the access token from Twitter',
        'This request token has already been used.',
      );
    }
    if (token.status !== 'authorized') {
      return ceError(
        c,
        400,
        'Failed to get the access token from Twitter',
        'The user has not authorized this request token.',
      );
    }
    if (token.apiKey !== apiKey) {
      return ceError(
        c,
        400,
        'oauth.api.key does not match the app that obtained the request token.',
      );
    }
    if (providerData.oauth_verifier !== token.verifier || providerData.secret !== token.secret) {
      return ceError(
        c,
        400,
        'Failed to get the access token from Twitter',
        'Invalid oauth_verifier or token secret.',
      );
    }
    if (callbackUrl !== token.callbackUrl) {
      return ceError(c, 400, 'oauth.callback.url must be the same callback URL used in step 2.');
    }
    if (store.findInstanceByName(name)) {
      return ceError(c, 409, `An instance named '${name}' already exists. Choose another name.`);
    }
    // One use per token, as Twitter's access token exchange.
    token.status = 'used';
    const instance = store.addInstance({
      name,
      token: randomToken(21).replace(/-/g, '+').replace(/_/g, '/').concat('='),
      tags: Array.isArray(input.tags)
        ? input.tags.filter((t): t is string => typeof t === 'string')
        : [],
      createdDate: new Date(now()).toISOString(),
      configuration: twitterConfiguration({
        apiKey,
        apiSecret,
        callbackUrl,
        userToken: `794566698309472260-${randomToken(12)}`,
        userTokenSecret: randomToken(24),
      }),
    });
    return c.json(toInstanceReply(instance), 200);
  });

  ce.get('/instances/:id', (c) => {
    const auth = parseAuthorization(c.req.header('authorization'));
    if (auth.User !== options.userSecret || auth.Organization !== options.orgSecret) {
      return ceError(
        c,
        401,
        'Invalid Organization or User secret, or invalid Element token provided.',
      );
    }
    const instance = store.findInstance(Number(c.req.param('id')));
    if (!instance) return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    return c.json(toInstanceReply(instance), 200);
  });

  ce.delete('/instances/:id', (c) => {
    const auth = parseAuthorization(c.req.header('authorization'));
    if (auth.User !== options.userSecret || auth.Organization !== options.orgSecret) {
      return ceError(
        c,
        401,
        'Invalid Organization or User secret, or invalid Element token provided.',
      );
    }
    if (!store.deleteInstance(Number(c.req.param('id')))) {
      return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    }
    return c.body(null, 200);
  });

  const twitter = new Hono();
  twitter.get('/oauth/consent.css', (c) =>
    c.body(CONSENT_CSS, 200, { 'content-type': 'text/css' }),
  );
  twitter.get('/oauth/authorize', (c) => {
    const token = store.findToken(c.req.query('oauth_token') ?? '');
    if (token?.status !== 'issued') {
      return c.html(
        renderConsentError('This request token is invalid, expired or already used.'),
        400,
      );
    }
    return c.html(renderConsentPage(token.token, APP_NAME), 200);
  });
  twitter.post('/oauth/authorize', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = store.findToken(typeof form.oauth_token === 'string' ? form.oauth_token : '');
    if (token?.status !== 'issued') {
      return c.html(
        renderConsentError('This request token is invalid, expired or already used.'),
        400,
      );
    }
    const back = new URL(token.callbackUrl);
    if (token.state !== undefined) back.searchParams.set('state', token.state);
    if (form.decision === 'allow') {
      token.status = 'authorized';
      token.verifier = randomToken(16);
      back.searchParams.set('oauth_token', token.token);
      back.searchParams.set('oauth_verifier', token.verifier);
    } else {
      token.status = 'denied';
      back.searchParams.set('denied', token.token);
    }
    return c.redirect(back.toString(), 302);
  });

  return new Hono().route('/elements/api-v2', ce).route('/twitter', twitter);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** "User x, Organization y[, Element z]" in any order → { User: x, Organization: y, … }. */
function parseAuthorization(header: string | undefined): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*(User|Organization|Element)\s+(\S+)\s*$/.exec(part);
    if (match?.[1] && match[2]) parts[match[1]] = match[2];
  }
  return parts;
}
