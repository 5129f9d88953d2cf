import { type OAuth1Dialect, type OAuth1Problem, SCENARIO_HEADER } from '@cew/shared';
import { type Context, Hono } from 'hono';
import { CONSENT_CSS, type ConsentLook, renderConsent, renderConsentError } from './consent-page';
import {
  authorizationHeader,
  type Param,
  parseAuthorizationHeader,
  sameSignature,
  sign,
} from './oauth1';
import { randomToken } from './random';

/** What the sandbox's OAuth 1.0a provider remembers of a request token. */
type RequestToken = {
  token: string;
  secret: string;
  consumerKey: string;
  /** The oauth_callback the consumer registered for this token. */
  callback: string;
  expiresAt: number;
  status: 'issued' | 'authorized' | 'denied' | 'used';
  verifier?: string;
  /** A failure-lab scenario that changes how this token's consent plays out. */
  scenario?: string;
};

export type OAuth1ProviderOptions = {
  /** Where this provider is reached, e.g. http://127.0.0.1:8787/sandbox/twitter. */
  baseUrl: string;
  /** Registered apps: consumer key → consumer secret. */
  apps: Record<string, string>;
  tokenTtlMs: number;
  /** How its consent page looks (from the element's descriptor). */
  look: ConsentLook;
  /** How it words its refusals and what its access token reply adds (an overlay's, else RFC's). */
  dialect?: OAuth1Dialect;
  now: () => number;
};

/** One input of a signed request a learner may change in the tampering lab. */
export type Tamper = 'signature' | 'timestamp' | 'nonce' | 'verifier';

/** A request whose timestamp is within this window of the provider's own clock is accepted. */
const TIMESTAMP_WINDOW_S = 300;

const problem = (name: string, status: 400 | 401 = 401, extra = '') => ({
  status,
  text: `oauth_problem=${name}${extra}`,
});
/**
 * How an OAuth 1.0a provider with no words of its own refuses a request: the OAuth Problem
 * Reporting extension's `oauth_problem`, form-encoded, as many 1.0a providers answer.
 */
export const PROBLEM_REPORTING: OAuth1Dialect = {
  errors: {
    'bad-request': problem('parameter_absent', 400, '&oauth_parameters_absent=oauth_signature'),
    consumer: problem('consumer_key_unknown'),
    'signature-method': problem('signature_method_rejected', 400),
    timestamp: problem('timestamp_refused'),
    nonce: problem('nonce_used'),
    token: problem('token_rejected'),
    signature: problem('signature_invalid'),
    callback: problem('parameter_rejected', 400, '&oauth_parameters_rejected=oauth_callback'),
    verifier: problem('verifier_invalid'),
  },
  account: 'learner@sandbox.example',
  accessExtras: {},
};

/**
 * The sandbox's OAuth 1.0a provider, for every 1.0a element: the three endpoints and the consent
 * page. Signed requests are verified for real: consumer key, signature (HMAC-SHA1 with the
 * consumer and token secrets), timestamp window and nonce reuse. Its words (error codes, the
 * account, what the access token reply adds) are its dialect: Twitter's from Twitter's overlay.
 */
export function createOAuth1Provider(options: OAuth1ProviderOptions) {
  const dialect = options.dialect ?? PROBLEM_REPORTING;
  /** The provider's refusal, as it words it. */
  const refusal = (name: OAuth1Problem) => dialect.errors[name];
  const refuse = (c: Context, name: OAuth1Problem) => {
    const { status, json, text } = refusal(name);
    return json !== undefined
      ? c.json(json, status)
      : c.body(text ?? '', status, { 'content-type': 'application/x-www-form-urlencoded' });
  };
  const tokens = new Map<string, RequestToken>();
  const nonces = new Map<string, number>();
  const app = new Hono();

  const invalidToken = () =>
    renderConsentError(options.look, ['This request token is invalid, expired or already used.']);

  function sweep() {
    const now = options.now();
    for (const [key, token] of tokens) if (token.expiresAt < now - 3_600_000) tokens.delete(key);
    for (const [nonce, at] of nonces)
      if (at < now - 2 * TIMESTAMP_WINDOW_S * 1000) nonces.delete(nonce);
  }

  const live = (token: string | undefined) => {
    const found = token ? tokens.get(token) : undefined;
    return found && found.expiresAt >= options.now() ? found : undefined;
  };

  /** Verifies an OAuth 1.0a signed POST; returns its parameters or the problem with it. */
  async function verify(
    url: string,
    header: string | undefined,
    tokenSecret: (params: Map<string, string>) => string | undefined,
  ): Promise<{ params: Map<string, string> } | { problem: OAuth1Problem }> {
    const oauth = parseAuthorizationHeader(header);
    if (!oauth) return { problem: 'bad-request' };
    const params = new Map(oauth);
    const consumerSecret = options.apps[params.get('oauth_consumer_key') ?? ''];
    if (consumerSecret === undefined) return { problem: 'consumer' };
    if (params.get('oauth_signature_method') !== 'HMAC-SHA1') {
      return { problem: 'signature-method' };
    }
    const timestamp = Number(params.get('oauth_timestamp'));
    if (
      !Number.isInteger(timestamp) ||
      Math.abs(timestamp - options.now() / 1000) > TIMESTAMP_WINDOW_S
    ) {
      return { problem: 'timestamp' };
    }
    const nonce = params.get('oauth_nonce');
    const nonceKey = `${params.get('oauth_consumer_key')}:${timestamp}:${nonce}`;
    if (!nonce || nonces.has(nonceKey)) {
      return { problem: 'nonce' };
    }
    const secret = tokenSecret(params);
    if (secret === undefined) return { problem: 'token' };
    const expected = sign({ method: 'POST', url, oauth, consumerSecret, tokenSecret: secret });
    if (!sameSignature(expected.signature, params.get('oauth_signature') ?? '')) {
      return { problem: 'signature' };
    }
    nonces.set(nonceKey, options.now());
    return { params };
  }

  app.post('/oauth/request_token', async (c) => {
    sweep();
    const result = await verify(
      `${options.baseUrl}/oauth/request_token`,
      c.req.header('authorization'),
      () => '',
    );
    if (!('params' in result)) return refuse(c, result.problem);
    const callback = result.params.get('oauth_callback');
    if (!callback || !URL.canParse(callback)) return refuse(c, 'callback');
    const token: RequestToken = {
      token: randomToken(24),
      secret: randomToken(24),
      consumerKey: result.params.get('oauth_consumer_key') ?? '',
      callback,
      expiresAt: options.now() + options.tokenTtlMs,
      status: 'issued',
      scenario: c.req.header(SCENARIO_HEADER),
    };
    tokens.set(token.token, token);
    const reply = new URLSearchParams({
      oauth_token: token.token,
      oauth_token_secret: token.secret,
      oauth_callback_confirmed: 'true',
    });
    return c.body(reply.toString(), 200, { 'content-type': 'application/x-www-form-urlencoded' });
  });

  // As real providers': the consent page may not be framed, so no other site can overlay or
  // click-jack the person's "Authorize app".
  app.use('/oauth/authorize', async (c, next) => {
    await next();
    c.header('content-security-policy', "frame-ancestors 'none'");
    c.header('x-frame-options', 'DENY');
  });

  app.get('/oauth/consent.css', (c) => c.body(CONSENT_CSS, 200, { 'content-type': 'text/css' }));

  app.get('/oauth/authorize', (c) => {
    const token = live(c.req.query('oauth_token'));
    if (token?.status !== 'issued') {
      return c.html(invalidToken(), 400);
    }
    return c.html(
      renderConsent(
        options.look,
        { oauth_token: token.token },
        { account: dialect.account, scenario: token.scenario },
      ),
      200,
    );
  });

  app.post('/oauth/authorize', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = live(typeof form.oauth_token === 'string' ? form.oauth_token : undefined);
    if (token?.status !== 'issued') {
      return c.html(invalidToken(), 400);
    }
    const back = new URL(token.callback);
    if (form.decision === 'allow') {
      token.status = 'authorized';
      token.verifier = randomToken(16);
      back.searchParams.set('oauth_token', token.token);
      // Failure lab: the verifier is altered on its way back, as by a broken proxy or an attacker.
      const sent =
        token.scenario === 'tampered-verifier'
          ? `${token.verifier.slice(0, -3)}XyZ`
          : token.verifier;
      back.searchParams.set('oauth_verifier', sent);
      // Failure lab: the token runs out before Cloud Elements exchanges it.
      if (token.scenario === 'expired-token') token.expiresAt = options.now() - 1;
    } else {
      token.status = 'denied';
      back.searchParams.set('denied', token.token);
    }
    return c.redirect(back.toString(), 302);
  });

  app.post('/oauth/access_token', async (c) => {
    // The token whose secret signed the request; found while verifying.
    const found: { token?: RequestToken } = {};
    const result = await verify(
      `${options.baseUrl}/oauth/access_token`,
      c.req.header('authorization'),
      (params) => {
        found.token = live(params.get('oauth_token'));
        return found.token?.secret;
      },
    );
    if (!('params' in result)) return refuse(c, result.problem);
    const token = found.token;
    if (
      token?.status !== 'authorized' ||
      token.consumerKey !== result.params.get('oauth_consumer_key')
    ) {
      return refuse(c, 'token');
    }
    if (result.params.get('oauth_verifier') !== token.verifier) return refuse(c, 'verifier');
    token.status = 'used';
    const reply = new URLSearchParams({
      oauth_token: `${dialect.accessTokenPrefix ?? ''}${randomToken(15)}`,
      oauth_token_secret: randomToken(30),
      ...dialect.accessExtras,
    });
    return c.body(reply.toString(), 200, { 'content-type': 'application/x-www-form-urlencoded' });
  });

  type Endpoint = 'request_token' | 'access_token';
  type Signing = {
    endpoint: Endpoint;
    consumerKey: string;
    consumerSecret: string;
    token?: { key: string; secret: string };
    extra: Param[];
    /** Seconds since the epoch; now unless the lab backdates it. */
    timestamp?: number;
  };

  /** A request to one of this provider's endpoints, signed as a consumer signs it (RFC 5849). */
  function signRequest(input: Signing) {
    const url = `${options.baseUrl}/oauth/${input.endpoint}`;
    const oauth: Param[] = [
      ['oauth_consumer_key', input.consumerKey],
      ['oauth_nonce', randomToken(16)],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', String(input.timestamp ?? Math.floor(options.now() / 1000))],
      ...(input.token ? ([['oauth_token', input.token.key]] as Param[]) : []),
      ['oauth_version', '1.0'],
      ...input.extra,
    ];
    const work = sign({
      method: 'POST',
      url,
      oauth,
      consumerSecret: input.consumerSecret,
      tokenSecret: input.token?.secret,
    });
    return { url, oauth, work };
  }

  /** Sends a signed request to this provider, in-process, as the sandbox's Cloud Elements does. */
  const post = (endpoint: Endpoint, signed: Param[], headers: Record<string, string> = {}) =>
    app.request(`/oauth/${endpoint}`, {
      method: 'POST',
      headers: { authorization: authorizationHeader(signed), ...headers },
    });

  return {
    app,
    /**
     * The tampering lab: a request signed as Cloud Elements would sign it (this sandbox knows
     * the app's and the token's secrets), with one input changed, sent to this provider for real.
     * A changed timestamp or verifier is signed with the change (the provider then judges the value
     * itself); a changed signature character is not; a reused nonce sends the same request
     * twice. `token` names the request token: needed for the verifier, which belongs to the
     * access token call; without it, a request token call is sent.
     */
    async tamper(input: { consumerKey: string; change: Tamper; token?: string }) {
      const consumerSecret = options.apps[input.consumerKey];
      if (consumerSecret === undefined) return { error: 'unknown consumer key' } as const;
      const requestToken = input.token ? tokens.get(input.token) : undefined;
      if (input.change === 'verifier' && requestToken?.status !== 'authorized') {
        return { error: 'the verifier can be changed only after consent, before step 4' } as const;
      }
      const endpoint: Endpoint = input.change === 'verifier' ? 'access_token' : 'request_token';
      const now = Math.floor(options.now() / 1000);
      const verifier = requestToken?.verifier ?? '';
      const changedVerifier = `${verifier.slice(0, -1)}${verifier.endsWith('x') ? 'y' : 'x'}`;
      const { oauth, work } = signRequest({
        endpoint,
        consumerKey: input.consumerKey,
        consumerSecret,
        ...(endpoint === 'access_token' && requestToken
          ? {
              token: { key: requestToken.token, secret: requestToken.secret },
              extra: [['oauth_verifier', changedVerifier]],
            }
          : { extra: [['oauth_callback', `${options.baseUrl}/lab-callback`]] }),
        timestamp: input.change === 'timestamp' ? now - 3600 : now,
      });
      // One character of the signature flipped: the rest of the request is exactly as signed.
      const signature =
        input.change === 'signature'
          ? `${work.signature[0] === 'A' ? 'B' : 'A'}${work.signature.slice(1)}`
          : work.signature;
      const signed: Param[] = [...oauth, ['oauth_signature', signature]];
      let res = await post(endpoint, signed);
      // A replay: the very same request (same nonce and timestamp) a second time.
      if (input.change === 'nonce') res = await post(endpoint, signed);
      const changed: Record<Tamper, [string, string, string]> = {
        signature: ['oauth_signature', work.signature, signature],
        timestamp: ['oauth_timestamp', String(now), String(now - 3600)],
        // Nothing changed: the same nonce, sent a second time.
        nonce: ['oauth_nonce', String(oauth[1]?.[1]), String(oauth[1]?.[1])],
        verifier: ['oauth_verifier', verifier, changedVerifier],
      };
      const [name, from, to] = changed[input.change];
      return {
        endpoint,
        sent: signed,
        change: { name, from, to },
        status: res.status,
        reply: await res.text(),
      } as const;
    },

    /** Signs and sends a request as a consumer would, returning the work for the inspector. */
    async signedPost(input: Omit<Signing, 'timestamp'> & { scenario?: string }) {
      const { url, oauth, work } = signRequest(input);
      const signed: Param[] = [...oauth, ['oauth_signature', work.signature]];
      const res = await post(
        input.endpoint,
        signed,
        input.scenario ? { [SCENARIO_HEADER]: input.scenario } : {},
      );
      return { url, oauth: signed, work, status: res.status, body: await res.text() };
    },
  };
}

export type SandboxOAuth1Provider = ReturnType<typeof createOAuth1Provider>;
