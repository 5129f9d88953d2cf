import { type ProviderLeg, SCENARIO_HEADER, type TokenLeg } from '@cew/shared';
import { type Context, Hono } from 'hono';
import { ceError } from './cloud-elements-error';
import { salesforceConfiguration, toInstanceReply, twitterConfiguration } from './instance-reply';
import { randomToken } from './random';
import type { SandboxSalesforce } from './salesforce';
import type { SandboxTwitter } from './twitter';

export type SandboxElement = 'twitter' | 'sfdc';

export type StoredInstance = {
  id: number;
  element: SandboxElement;
  name: string;
  token: string;
  tags: string[];
  createdDate: string;
  configuration: Record<string, string | null>;
};

/** What Cloud Elements remembers of a flow it started with Twitter. */
type CeFlow = {
  apiKey: string;
  callbackUrl: string;
  scenario?: string;
  legs: ProviderLeg[];
  createdAt: number;
};

export type CloudElementsOptions = {
  userSecret: string;
  orgSecret: string;
  twitter: Pick<SandboxTwitter, 'app' | 'signedPost'>;
  /** Where browsers reach the sandbox's Twitter, for the oauthUrl. */
  twitterPublicUrl: string;
  salesforce: SandboxSalesforce;
  /** Where browsers reach the sandbox's Salesforce, for the oauthUrl. */
  salesforcePublicUrl: string;
  now: () => number;
};

/** Each element by its key and its id, as Cloud Elements accepts either. */
const ELEMENTS: Record<string, SandboxElement> = {
  twitter: 'twitter',
  '1359': 'twitter',
  sfdc: 'sfdc',
  '39': 'sfdc',
};
const REQUIRED_CONFIGURATION = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'];
/** Common configuration entries a caller may set; the rest of the configuration is the element's. */
const OPTIONAL_CONFIGURATION = [
  'event.notification.enabled',
  'event.vendor.type',
  'event.notification.callback.url',
  'event.poller.refresh_interval',
  'filter.response.nulls',
];
const BAD_SECRETS = 'Invalid Organization or User secret, or invalid Element token provided.';

/** Cloud Elements' message naming every missing query parameter, or null when none is. */
function missingQuery(query: Record<string, string>, names: string[]): string | null {
  const missing = names.filter((name) => !query[name]);
  return missing.length ? `Missing required query parameter(s): ${missing.join(', ')}` : null;
}

/** "User x, Organization y[, Element z]" in any order → { User: x, Organization: y, … }. */
function parseCeAuthorization(header: string | undefined): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*(User|Organization|Element)\s+(\S+)\s*$/.exec(part);
    if (match?.[1] && match[2]) parts[match[1]] = match[2];
  }
  return parts;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** `a=1&oauth_token_secret=x` with each secret value replaced by its marker, for the inspector. */
function maskFormBody(body: string, markers: Record<string, string>): string {
  return body
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      return name in markers ? `${name}=${markers[name]}` : pair;
    })
    .join('&');
}

/** The sandbox's Cloud Elements: the three instance calls, instance read/list/delete, and its leg to Twitter. */
export function createCloudElements(options: CloudElementsOptions) {
  const flows = new Map<string, CeFlow>();
  const tokenLegs = new Map<string, TokenLeg[]>();
  const instances = new Map<number, StoredInstance>();
  /** The failure lab's name clash, per flow (its token or code): the name it found taken. */
  const labTaken = new Map<string, string>();

  /**
   * Whether `name` is taken. Names are unique in an organization; the "name-taken" scenario plays
   * a colleague's instance holding the first name a flow tries, so another name succeeds with the
   * same token or code, as with a real 409.
   */
  const nameTaken = (name: string, scenario: string | undefined, flowKey: string) => {
    if ([...instances.values()].some((i) => i.name === name)) return true;
    if (scenario !== 'name-taken') return false;
    if (!labTaken.has(flowKey)) {
      if (labTaken.size >= 1000) labTaken.delete(labTaken.keys().next().value as string);
      labTaken.set(flowKey, name);
    }
    return labTaken.get(flowKey) === name;
  };
  let nextInstanceId = 1000;
  const ce = new Hono();

  const authorized = (header: string | undefined, scenario?: string) => {
    const auth = parseCeAuthorization(header);
    // Failure lab: Cloud Elements does not recognise the secrets it was sent.
    if (scenario === 'wrong-secret') return false;
    return auth.User === options.userSecret && auth.Organization === options.orgSecret;
  };

  function sweep() {
    for (const [token, flow] of flows)
      if (flow.createdAt < options.now() - 3_600_000) flows.delete(token);
  }

  function leg(
    name: ProviderLeg['name'],
    sent: Awaited<ReturnType<SandboxTwitter['signedPost']>>,
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
      at: new Date(options.now()).toISOString(),
    };
  }

  ce.use('/elements/:key/*', async (c, next) => {
    if (!ELEMENTS[c.req.param('key')]) {
      return ceError(c, 404, `No element found with key or id '${c.req.param('key')}'`);
    }
    await next();
  });

  /** The failure lab's "Cloud Elements is down / slow", for the first call of either flow. */
  async function outage(c: Context) {
    const scenario = c.req.header(SCENARIO_HEADER);
    if (scenario === 'ce-down')
      return ceError(c, 500, 'Internal Server Error. Please try again later.');
    if (scenario === 'ce-slow') {
      // Far longer than any sensible client timeout; ends early when the client gives up.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 120_000);
        c.req.raw.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return ceError(c, 500, 'The request took too long.');
    }
    return null;
  }

  ce.get('/elements/:key/oauth/token', async (c) => {
    const scenario = c.req.header(SCENARIO_HEADER);
    if (ELEMENTS[c.req.param('key')] === 'sfdc') {
      return ceError(
        c,
        400,
        'Salesforce uses OAuth 2.0: there is no request token. Get the OAuth URL (/oauth/url) instead.',
      );
    }
    const down = await outage(c);
    if (down) return down;
    const missing = missingQuery(c.req.query(), ['apiKey', 'apiSecret', 'callbackUrl']);
    if (missing) return ceError(c, 400, missing);
    const { apiKey = '', apiSecret = '', callbackUrl = '', state } = c.req.query();
    if (!URL.canParse(callbackUrl)) return ceError(c, 400, 'callbackUrl must be an absolute URL.');
    sweep();
    const oauthCallback = new URL(callbackUrl);
    if (state) oauthCallback.searchParams.set('state', state);
    const sent = await options.twitter.signedPost({
      endpoint: 'request_token',
      consumerKey: apiKey,
      consumerSecret: apiSecret,
      extra: [['oauth_callback', oauthCallback.toString()]],
      scenario,
    });
    const reply = new URLSearchParams(sent.body);
    if (sent.status !== 200) {
      return ceError(c, 400, 'Failed to retrieve a request token from Twitter', sent.body);
    }
    // An OAuth 1.0 (not 1.0a) provider would ignore the callback: refuse rather than be fixated.
    if (reply.get('oauth_callback_confirmed') !== 'true') {
      return ceError(
        c,
        502,
        'Twitter did not confirm the callback URL (oauth_callback_confirmed).',
      );
    }
    const token = reply.get('oauth_token') ?? '';
    const secret = reply.get('oauth_token_secret') ?? '';
    flows.set(token, {
      apiKey,
      callbackUrl,
      scenario,
      createdAt: options.now(),
      legs: [
        leg('request_token', sent, '<TWITTER_API_SECRET>&', {
          oauth_token_secret: '<REQUEST_TOKEN_SECRET>',
        }),
      ],
    });
    return c.json({ token, secret }, 200);
  });

  ce.get('/elements/:key/oauth/url', async (c) => {
    if (ELEMENTS[c.req.param('key')] === 'sfdc') return salesforceUrl(c);
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
      return ceError(c, 400, 'The requestToken is invalid or has expired. Get a new one (step 1).');
    }
    const oauthUrl = `${options.twitterPublicUrl}/oauth/authorize?oauth_token=${encodeURIComponent(requestToken ?? '')}`;
    return c.json({ element: 'twitter', oauthUrl }, 200);
  });

  /** OAuth 2.0: the authorize URL of the sandbox's Salesforce for this app, as the guide's. */
  async function salesforceUrl(c: Context) {
    const down = await outage(c);
    if (down) return down;
    const missing = missingQuery(c.req.query(), ['apiKey', 'apiSecret', 'callbackUrl']);
    if (missing) return ceError(c, 400, missing);
    const { apiKey = '', apiSecret = '', callbackUrl = '', state } = c.req.query();
    const scenario = c.req.header(SCENARIO_HEADER);
    const url = new URL(`${options.salesforcePublicUrl}/services/oauth2/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', apiKey);
    // The guide's sample puts the client secret in this browser-bound URL; the lab does too.
    if (scenario === 'secret-in-url') url.searchParams.set('client_secret', apiSecret);
    url.searchParams.set('scope', 'full refresh_token');
    url.searchParams.set(
      'redirect_uri',
      scenario === 'redirect-mismatch' ? `${callbackUrl}/elsewhere` : callbackUrl,
    );
    if (state) url.searchParams.set('state', state);
    return c.json({ element: 'sfdc', oauthUrl: url.toString() }, 200);
  }

  /** OAuth 2.0: Cloud Elements trades the code at Salesforce's token endpoint for the instance. */
  async function createSalesforceInstance(
    c: Context,
    input: { name: string; code: string; configuration: Record<string, unknown>; tags: string[] },
  ) {
    const scenario = c.req.header(SCENARIO_HEADER);
    const apiKey = String(input.configuration['oauth.api.key']);
    const apiSecret = String(input.configuration['oauth.api.secret']);
    const callbackUrl = String(input.configuration['oauth.callback.url']);
    if (nameTaken(input.name, scenario, input.code)) {
      return ceError(
        c,
        409,
        `An instance named '${input.name}' already exists. Choose another name.`,
      );
    }
    const exchange = () =>
      options.salesforce.exchange({
        code: input.code,
        clientId: apiKey,
        clientSecret: apiSecret,
        redirectUri: callbackUrl,
      });
    // Failure lab: the code was already traded once (a retried request), or it ran out.
    if (scenario === 'code-reused') await exchange();
    if (scenario === 'code-expired') options.salesforce.expire(input.code);
    const sent = await exchange();
    const legs = tokenLegs.get(input.code) ?? [];
    legs.push(tokenLeg(sent));
    tokenLegs.set(input.code, legs);
    if (sent.status !== 200) {
      return ceError(
        c,
        400,
        'Failed to exchange the authorization code with Salesforce',
        `${sent.body.error}: ${sent.body.error_description}`,
      );
    }
    const instance: StoredInstance = {
      id: nextInstanceId++,
      element: 'sfdc',
      name: input.name,
      token: randomToken(21).replace(/-/g, '+').replace(/_/g, '/').concat('='),
      tags: input.tags,
      createdDate: new Date(options.now()).toISOString(),
      configuration: {
        ...salesforceConfiguration({
          apiKey,
          apiSecret,
          callbackUrl,
          accessToken: sent.body.access_token ?? '',
          refreshToken: sent.body.refresh_token ?? '',
          instanceUrl: sent.body.instance_url ?? '',
        }),
        ...optionalConfiguration(input.configuration),
      },
    };
    instances.set(instance.id, instance);
    return c.json(toInstanceReply(instance), 200);
  }

  function tokenLeg(sent: Awaited<ReturnType<SandboxSalesforce['exchange']>>): TokenLeg {
    const masked: Record<string, string> = {
      client_secret: '<SALESFORCE_CLIENT_SECRET>',
      code: '<AUTHORIZATION_CODE>',
    };
    const replyMarkers: Record<string, string> = {
      access_token: '<ACCESS_TOKEN>',
      refresh_token: '<REFRESH_TOKEN>',
      signature: '<SIGNATURE>',
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
      at: new Date(options.now()).toISOString(),
    };
  }

  ce.post('/instances', async (c) => {
    const auth = parseCeAuthorization(c.req.header('authorization'));
    if (!auth.User || !auth.Organization) {
      return ceError(
        c,
        401,
        'The Authorization header must be "User <user secret>, Organization <organization secret>".',
      );
    }
    const body = await c.req.json<unknown>().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return ceError(c, 400, 'The request body must be a JSON object describing the instance.');
    }
    const input = body as Record<string, unknown>;
    const providerData = record(input.providerData);
    const flow = flows.get(String(providerData.oauth_token ?? ''));
    const scenario = flow?.scenario ?? c.req.header(SCENARIO_HEADER);
    if (!authorized(c.req.header('authorization'), scenario)) return ceError(c, 401, BAD_SECRETS);
    const element = record(input.element);
    const configuration = record(input.configuration);
    const kind = ELEMENTS[String(element.key)];
    const problems: string[] = [];
    if (typeof element.key !== 'string') problems.push('element.key is required');
    if (typeof input.name !== 'string' || input.name.trim() === '')
      problems.push('name is required');
    const providerFields = kind === 'sfdc' ? ['code'] : ['oauth_token', 'oauth_verifier', 'secret'];
    for (const field of providerFields) {
      if (typeof providerData[field] !== 'string' || providerData[field] === '') {
        problems.push(`providerData.${field} is required`);
      }
    }
    if (problems.length) return ceError(c, 400, `${problems.join('; ')}.`);
    if (!kind) {
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
    const tags = Array.isArray(input.tags)
      ? input.tags.filter((t): t is string => typeof t === 'string')
      : [];
    if (kind === 'sfdc') {
      return createSalesforceInstance(c, {
        name,
        code: String(providerData.code),
        configuration,
        tags,
      });
    }
    const apiKey = String(configuration['oauth.api.key']);
    const apiSecret = String(configuration['oauth.api.secret']);
    const callbackUrl = String(configuration['oauth.callback.url']);
    if (!flow)
      return ceError(
        c,
        400,
        'Failed to get the access token from Twitter',
        'Unknown or expired request token.',
      );
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
    if (nameTaken(name, flow.scenario, String(providerData.oauth_token))) {
      return ceError(c, 409, `An instance named '${name}' already exists. Choose another name.`);
    }
    const sent = await options.twitter.signedPost({
      endpoint: 'access_token',
      consumerKey: apiKey,
      consumerSecret: apiSecret,
      token: { key: String(providerData.oauth_token), secret: String(providerData.secret) },
      extra: [['oauth_verifier', String(providerData.oauth_verifier)]],
    });
    flow.legs.push(
      // The access token is masked too: it is Cloud Elements' to hold, and who-holds-what says
      // no browser ever sees it.
      leg('access_token', sent, '<TWITTER_API_SECRET>&<REQUEST_TOKEN_SECRET>', {
        oauth_token: '<ACCESS_TOKEN>',
        oauth_token_secret: '<ACCESS_TOKEN_SECRET>',
      }),
    );
    if (sent.status !== 200) {
      return ceError(c, 400, 'Failed to get the access token from Twitter', sent.body);
    }
    const access = new URLSearchParams(sent.body);
    const instance: StoredInstance = {
      id: nextInstanceId++,
      element: 'twitter',
      name,
      token: randomToken(21).replace(/-/g, '+').replace(/_/g, '/').concat('='),
      tags,
      createdDate: new Date(options.now()).toISOString(),
      configuration: {
        ...twitterConfiguration({
          apiKey,
          apiSecret,
          callbackUrl,
          userToken: access.get('oauth_token') ?? '',
          userTokenSecret: access.get('oauth_token_secret') ?? '',
        }),
        ...optionalConfiguration(configuration),
      },
    };
    instances.set(instance.id, instance);
    return c.json(toInstanceReply(instance), 200);
  });

  /** A call through an instance: the Element token picks the instance, of the hub's element. */
  function throughInstance(c: Context, element: SandboxElement, hub: string) {
    const auth = parseCeAuthorization(c.req.header('authorization'));
    if (!authorized(c.req.header('authorization'))) return { error: ceError(c, 401, BAD_SECRETS) };
    const instance = [...instances.values()].find((i) => i.token === auth.Element);
    if (!instance) {
      return {
        error: ceError(
          c,
          401,
          'Invalid Element token: no instance has this token (it may have been deleted).',
        ),
      };
    }
    if (instance.element !== element) {
      return {
        error: ceError(
          c,
          400,
          `Instance ${instance.id} is a ${instance.element} instance, not in the ${hub} hub.`,
        ),
      };
    }
    return { instance };
  }

  // The social hub answers through a Twitter instance…
  ce.get('/hubs/social/statuses', (c) => {
    const found = throughInstance(c, 'twitter', 'social');
    return found.error ?? c.json(sampleStatuses(found.instance, options.now()), 200);
  });

  // …and the CRM hub through a Salesforce one.
  ce.get('/hubs/crm/accounts', (c) => {
    const found = throughInstance(c, 'sfdc', 'crm');
    return found.error ?? c.json(sampleAccounts(found.instance, options.now()), 200);
  });

  ce.get('/instances', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    return c.json([...instances.values()].map(toInstanceReply), 200);
  });

  ce.get('/instances/:id', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    const instance = instances.get(Number(c.req.param('id')));
    if (!instance) return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    return c.json(toInstanceReply(instance), 200);
  });

  ce.delete('/instances/:id', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    if (!instances.delete(Number(c.req.param('id')))) {
      return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    }
    return c.body(null, 200);
  });

  return {
    app: ce,
    /** What Cloud Elements did with Twitter for one request token: the sandbox's inspector. */
    legsOf: (token: string) => flows.get(token)?.legs ?? [],
    /** What Cloud Elements did with Salesforce for one authorization code. */
    tokenLegsOf: (code: string) => tokenLegs.get(code) ?? [],
    findInstanceByToken: (token: string) => [...instances.values()].find((i) => i.token === token),
  };
}

/** The common configuration entries a caller set, kept as strings. */
function optionalConfiguration(configuration: Record<string, unknown>) {
  return Object.fromEntries(
    OPTIONAL_CONFIGURATION.filter((key) => typeof configuration[key] === 'string').map((key) => [
      key,
      String(configuration[key]),
    ]),
  );
}

/** Accounts as the CRM hub returns them through a Salesforce instance. */
function sampleAccounts(instance: StoredInstance, now: number) {
  const names = ['Acme Corporation', 'Globex', 'Initech', 'Umbrella Learning', 'Hooli'];
  return names.map((name, i) => ({
    Id: `0015g00000SANDBOX${instance.id}${i}`,
    Name: name,
    Industry: ['Manufacturing', 'Energy', 'Technology', 'Education', 'Technology'][i],
    BillingCountry: ['USA', 'USA', 'USA', 'UK', 'USA'][i],
    CreatedDate: new Date(now - (i + 1) * 86_400_000).toISOString(),
  }));
}

/** A timeline that looks like Twitter's, as the social hub returns it. */
function sampleStatuses(instance: StoredInstance, now: number) {
  const texts = [
    'Just connected my account through a Cloud Elements instance. Hello, social hub!',
    'OAuth 1.0a in one sentence: sign every request with two secrets, and never send either.',
    'Reminder: a request token is single use. Start over rather than retry.',
    `Provisioned "${instance.name}" with the Instance Wizard sandbox.`,
    'The callback must carry the same state you sent. That is your CSRF check.',
  ];
  return texts.map((text, i) => ({
    id: String(1_790_000_000_000_000_000n + BigInt(instance.id * 10 + i)),
    text,
    created_at: new Date(now - i * 3_600_000).toUTCString(),
    favorite_count: (i * 7) % 13,
    retweet_count: (i * 3) % 5,
    user: { id: '794566698309472260', screen_name: 'sandbox_learner', name: 'Sandbox Learner' },
  }));
}
