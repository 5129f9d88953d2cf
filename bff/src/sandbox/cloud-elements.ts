import { type AuthType, KINDS, SCENARIO_HEADER } from '@cew/shared';
import { type Context, Hono } from 'hono';
import type { SandboxElement } from './catalog';
import { createBasicPlay } from './ce-basic';
import { BAD_SECRETS, ceError, outage, parseCeAuthorization, record } from './ce-http';
import type { KindPlay } from './ce-kind';
import { createOAuth1Play, type OAuth1Provider } from './ce-oauth1';
import { createOAuth2Play, type OAuth2Provider } from './ce-oauth2';
import {
  createInstanceStore,
  elementJson,
  elementSummary,
  type StoredInstance,
  toInstanceReply,
} from './ce-store';

export type CloudElementsOptions = {
  userSecret: string;
  orgSecret: string;
  /** Every element it plays, as descriptors. */
  elements: SandboxElement[];
  /** Every element Cloud Elements documented, played or not, as `GET /elements` lists it. */
  documented: { key: string; name: string; hub?: string; authType?: string }[];
  /** The provider of each OAuth element, by key. */
  oauth1: Record<string, OAuth1Provider>;
  oauth2: Record<string, OAuth2Provider>;
  now: () => number;
};

/**
 * One page of a list, as Cloud Elements pages lists: `pageSize` (at most 200) and `nextPage`, the
 * token the previous page's `Elements-Next-Page-Token` header gave (here: where the next page starts).
 */
function paged(c: Context, all: unknown[]) {
  const size = Math.min(200, Math.max(1, Number(c.req.query('pageSize')) || 200));
  const from = Number(c.req.query('nextPage') ?? 0) || 0;
  if (from + size < all.length) c.header('elements-next-page-token', String(from + size));
  return c.json(all.slice(from, from + size), 200);
}

/**
 * The sandbox's Cloud Elements: elements by key or id, the OAuth calls of each kind, instances
 * (create, read, list, delete), and each hub's readable resources through an instance. The
 * element is data (its descriptor); what differs between kinds is one `KindPlay` each.
 */
export function createCloudElements(options: CloudElementsOptions) {
  const store = createInstanceStore(options.now);
  const deps = { store, now: options.now };
  const oauth1 = createOAuth1Play(options.oauth1, deps);
  const oauth2 = createOAuth2Play(options.oauth2, deps);
  const plays: Record<AuthType, KindPlay> = { oauth1, oauth2, basic: createBasicPlay(deps) };
  const byKeyOrId = new Map<string, SandboxElement>(
    options.elements.flatMap((element) => [
      [element.key, element],
      [String(element.sandbox.id), element],
    ]),
  );
  const ce = new Hono<{ Variables: { element: SandboxElement } }>();

  const authorized = (header: string | undefined, scenario?: string) => {
    const auth = parseCeAuthorization(header);
    // Failure lab: Cloud Elements does not recognise the secrets it was sent.
    if (scenario === 'wrong-secret') return false;
    return auth.User === options.userSecret && auth.Organization === options.orgSecret;
  };

  const notFound = (c: Context, key: string) =>
    ceError(c, 404, `No element found with key or id '${key}'`);

  // The catalog: the elements it plays, then the documented ones it cannot (no kind the docs name,
  // or one the wizard does not walk), as summaries. Paged as Cloud Elements pages lists.
  const played = new Set(options.elements.map((element) => element.key));
  const catalog = [
    ...options.elements.map(elementSummary),
    ...options.documented
      .filter((entry) => !played.has(entry.key))
      .map((entry) => ({
        name: entry.name,
        key: entry.key,
        ...(entry.hub ? { hub: entry.hub } : {}),
        ...(entry.authType ? { authentication: { type: entry.authType } } : {}),
        active: true,
      })),
  ];
  const unplayed = new Map(catalog.filter((e) => !played.has(e.key)).map((e) => [e.key, e]));
  ce.get('/elements', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    return paged(c, catalog);
  });

  ce.get('/elements/:key', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    const element = byKeyOrId.get(c.req.param('key'));
    if (!element) {
      const summary = unplayed.get(c.req.param('key'));
      return summary ? c.json(summary, 200) : notFound(c, c.req.param('key'));
    }
    return c.json(elementJson(element, KINDS[element.authType].appConfiguration), 200);
  });

  // Registered after the definition's own route, which answers unplayed elements too.
  ce.use('/elements/:key/*', async (c, next) => {
    const element = byKeyOrId.get(c.req.param('key'));
    if (!element) return notFound(c, c.req.param('key'));
    c.set('element', element);
    await next();
  });

  ce.get('/elements/:key/oauth/token', async (c) => {
    const element = c.get('element');
    const play = plays[element.authType];
    if (!play.requestToken) {
      return ceError(
        c,
        400,
        `${element.name} uses ${KINDS[element.authType].label}: there is no request token.${play.authorizeUrl ? ' Get the OAuth URL (/oauth/url) instead.' : ''}`,
      );
    }
    return (await outage(c)) ?? play.requestToken(c, element);
  });

  ce.get('/elements/:key/oauth/url', async (c) => {
    const element = c.get('element');
    const play = plays[element.authType];
    if (!play.authorizeUrl) {
      return ceError(
        c,
        400,
        `${element.name} uses ${KINDS[element.authType].label}: there is no OAuth URL.`,
      );
    }
    return play.authorizeUrl(c, element);
  });

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
    // An OAuth 1.0a flow carries the scenario it started with; others send it with this call.
    const scenario = c.req.header(SCENARIO_HEADER);
    if (!authorized(c.req.header('authorization'), scenario)) return ceError(c, 401, BAD_SECRETS);
    const key = record(input.element).key;
    const element = typeof key === 'string' ? byKeyOrId.get(key) : undefined;
    const problems: string[] = [];
    if (typeof key !== 'string') problems.push('element.key is required');
    if (typeof input.name !== 'string' || input.name.trim() === '')
      problems.push('name is required');
    for (const field of element ? plays[element.authType].providerFields : []) {
      if (typeof providerData[field] !== 'string' || providerData[field] === '') {
        problems.push(`providerData.${field} is required`);
      }
    }
    if (problems.length) return ceError(c, 400, `${problems.join('; ')}.`);
    if (!element) return notFound(c, String(key));
    const play = plays[element.authType];
    if (play.delegated && Object.keys(providerData).length === 0) {
      return ceError(
        c,
        400,
        'You must provide an OAuth code in order to create an instance of this element',
      );
    }
    // A flow whose only call this is meets the failure lab's outages here.
    if (play.outagesAtInstance) {
      const down = await outage(c);
      if (down) return down;
    }
    const configuration = record(input.configuration);
    const required = [
      ...KINDS[element.authType].appConfiguration,
      ...element.fields.filter((field) => field.required).map((field) => field.key),
    ];
    const missing = required.filter(
      (entry) => typeof configuration[entry] !== 'string' || configuration[entry] === '',
    );
    if (missing.length) {
      return ceError(
        c,
        400,
        `Missing required configuration entries: ${missing.join(', ')}. Add them to "configuration".`,
      );
    }
    const created = await play.createInstance({
      c,
      element,
      name: String(input.name),
      tags: Array.isArray(input.tags)
        ? input.tags.filter((t): t is string => typeof t === 'string')
        : [],
      providerData,
      configuration,
      scenario,
    });
    return created instanceof Response ? created : c.json(toInstanceReply(created), 200);
  });

  /** A call through an instance: the Element token picks the instance; its element, the hub. */
  function throughInstance(
    c: Context,
    hub: string,
  ): { instance: StoredInstance } | { error: Response } {
    const auth = parseCeAuthorization(c.req.header('authorization'));
    if (!authorized(c.req.header('authorization'))) return { error: ceError(c, 401, BAD_SECRETS) };
    const instance = [...store.instances.values()].find((i) => i.token === auth.Element);
    if (!instance) {
      return {
        error: ceError(
          c,
          401,
          'Invalid Element token: no instance has this token (it may have been deleted).',
        ),
      };
    }
    if (instance.element.hub !== hub) {
      return {
        error: ceError(
          c,
          400,
          `Instance ${instance.id} is a ${instance.element.name} instance, in the ${instance.element.hub} hub, not the ${hub} hub.`,
        ),
      };
    }
    return { instance };
  }

  // Each hub's resources, answered with the instance's element's sample records.
  ce.get('/hubs/:hub/*', (c) => {
    const found = throughInstance(c, c.req.param('hub'));
    if ('error' in found) return found.error;
    const path = new URL(c.req.url).pathname.replace(/^.*?(\/hubs\/)/, '$1');
    const sample = found.instance.element.sandbox.samples[path];
    if (!sample) return ceError(c, 404, `No resource ${path} in the ${c.req.param('hub')} hub.`);
    return c.json(sample, 200);
  });

  ce.get('/instances', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    return paged(c, [...store.instances.values()].map(toInstanceReply));
  });

  ce.get('/instances/:id', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    const instance = store.instances.get(Number(c.req.param('id')));
    if (!instance) return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    return c.json(toInstanceReply(instance), 200);
  });

  ce.delete('/instances/:id', (c) => {
    if (!authorized(c.req.header('authorization'))) return ceError(c, 401, BAD_SECRETS);
    if (!store.instances.delete(Number(c.req.param('id')))) {
      return ceError(c, 404, `No instance found with id ${c.req.param('id')}`);
    }
    return c.body(null, 200);
  });

  return {
    app: ce,
    /** What Cloud Elements did with the OAuth 1.0a provider for one request token. */
    legsOf: oauth1.legsOf,
    /** What Cloud Elements did with an OAuth 2.0 provider for one authorization code. */
    tokenLegsOf: oauth2.tokenLegsOf,
  };
}
