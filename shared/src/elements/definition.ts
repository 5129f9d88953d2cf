import { z } from 'zod';
import { KIND_OF_CE_AUTH, KINDS } from '../auth';
import type { AuthType } from '../flow';
import type { ElementDescriptor, FieldDescriptor, HubResource } from './descriptor';
import { patchFields, patchOf } from './patches';

/**
 * An element as Cloud Elements defines it (`GET /elements/{key}`), and what the wizard derives
 * from it. A definition is input from the network: every size and count is bounded, and one that
 * fails these checks is refused for that element alone, with the reason, while the rest of the
 * catalog stays usable.
 */

/** WHATWG URL, as Node and browsers have it (shared compiles without either's types). */
declare const URL: new (
  input: string,
) => Record<
  'protocol' | 'port' | 'username' | 'password' | 'hostname' | 'pathname' | 'origin',
  string
>;

export const ELEMENT_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const text = (max: number) => z.string().max(max);
/** Cloud Elements writes `null` for an absent value as often as it leaves the key out. */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const ConfigurationItemSchema = z.looseObject({
  key: z.string().min(1).max(200),
  name: maybe(text(200)),
  type: maybe(text(40)),
  required: maybe(z.boolean()),
  hideFromConsole: maybe(z.boolean()),
  internal: maybe(z.boolean()),
  defaultValue: maybe(z.union([text(2000), z.number(), z.boolean()]).transform(String)),
  displayOrder: maybe(z.number()),
  description: maybe(text(2000)),
});
export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;

const ResourceSchema = z.looseObject({
  path: text(500),
  method: maybe(text(10)),
  type: maybe(text(40)),
});

/** The one-line summary `GET /elements` lists. */
export const ElementSummarySchema = z.looseObject({
  id: maybe(z.number()),
  key: z.string().regex(ELEMENT_KEY, 'a key of lowercase letters, digits, - or _'),
  name: z.string().trim().min(1).max(200),
  hub: maybe(text(60)),
  description: maybe(text(2000)),
  authentication: maybe(z.looseObject({ type: maybe(text(40)) })),
});
export type ElementSummary = z.infer<typeof ElementSummarySchema>;

export const ElementDefinitionSchema = ElementSummarySchema.extend({
  configuration: maybe(z.array(ConfigurationItemSchema).max(400)),
  resources: maybe(z.array(ResourceSchema).max(3000)),
});
export type ElementDefinition = z.infer<typeof ElementDefinitionSchema>;

/** Where a definition fails the schema, in words: the first few problems with their paths. */
export const definitionProblems = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'the definition'}: ${issue.message}`)
    .join('; ');

/**
 * The variable prefix of an element with no overlay (its app's `{ENV}_API_KEY`, its markers): its
 * key in capitals, `HUBSPOTCRM`; a key starting with a digit gets `E_` (variables start so).
 */
export function envOf(key: string): string {
  const env = key.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return /^[A-Z]/.test(env) ? env : `E_${env}`;
}

/** The kind Cloud Elements names, as the wizard walks it; undefined for one it does not know. */
export const kindOf = (ceAuthType: string | undefined): AuthType | undefined =>
  ceAuthType ? KIND_OF_CE_AUTH[ceAuthType] : undefined;

const HUB = /^[a-z][a-z0-9]{0,39}$/;
/** Keys or labels that name a secret: err towards secret. */
const SECRET_WORDS =
  /secret|passw|passwd|token|private|api[\s._-]?key|access[\s._-]?key|signature/i;
/** The app's own key and secret, known by name whatever their flags. */
export const APP_KEY = 'oauth.api.key';
export const APP_SECRET = 'oauth.api.secret';
/** Fields naming the account's own site: sent to `oauth/url` as `siteAddress`. */
const SITE_FIELD = /(?:^|\.)(?:site\.?address|subdomain)$/i;

/** Whether a configuration entry is one the person types (the app's keys are asked by name). */
function isPersonFacing(item: ConfigurationItem): boolean {
  const key = item.key;
  return (
    !item.internal &&
    !item.hideFromConsole &&
    !key.startsWith('event.') &&
    !key.startsWith('oauth.') &&
    key !== 'authentication.type'
  );
}

/** A configuration entry as a field the person types, with what the definition says of it. */
function toField(item: ConfigurationItem, secret: boolean): FieldDescriptor {
  const type = (item.type ?? '').toUpperCase();
  const maxLength = Number(/^TEXTFIELD_(\d+)$/.exec(type)?.[1]) || undefined;
  const boolean = type === 'BOOLEAN';
  const requiredKnown = item.required !== undefined;
  const title = item.name?.trim() || item.key;
  const help = [
    item.description?.trim() || `Cloud Elements' configuration entry ${item.key}.`,
    requiredKnown ? '' : "Cloud Elements' definition does not say whether it is required.",
  ]
    .filter(Boolean)
    .join(' ');
  return {
    key: item.key,
    title,
    help,
    secret,
    required: item.required === true,
    ...(requiredKnown ? {} : { requiredUnknown: true }),
    ...(boolean
      ? { type: 'boolean' as const, pattern: 'true|false', patternHelp: 'true or false' }
      : {}),
    ...(secret && !boolean ? { type: 'password' as const } : {}),
    ...(maxLength ? { maxLength: Math.min(maxLength, 1000) } : {}),
    ...(item.defaultValue !== undefined && !secret ? { default: item.defaultValue } : {}),
    ...(SITE_FIELD.test(item.key) ? { urlParam: 'siteAddress' as const } : {}),
  };
}

/** The app's key and secret as fields, for a server with no app of its own for the element. */
export function appFields(authType: AuthType, callbackUrl: string): FieldDescriptor[] {
  const app = KINDS[authType].app;
  if (!app) return [];
  return [
    {
      key: APP_KEY,
      title: `Your app's ${app.keyName}`,
      help: `This server has no app for this element: register one with the provider (callback URL ${callbackUrl}) and type its ${app.keyName} here.`,
      secret: !app.keyPublic,
      required: true,
      ...(app.keyPublic ? {} : { type: 'password' as const }),
    },
    {
      key: APP_SECRET,
      title: `Your app's ${app.secretName}`,
      help: `The ${app.secretName} of the same app. It is sealed in this flow's cookie until the instance is made, and a marker everywhere the wizard shows.`,
      secret: true,
      required: true,
      type: 'password',
    },
  ];
}

/** A definition's consent page: an https URL on the definition's own authorization host. */
function consentOf(
  definition: ElementDefinition,
): { hosts: string[]; paths: string[] } | { refused: string } {
  const raw = definition.configuration?.find((i) => i.key === 'oauth.authorization.url');
  if (!raw?.defaultValue) {
    return { refused: 'its definition names no consent page (oauth.authorization.url)' };
  }
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(raw.defaultValue);
  } catch {
    return { refused: 'its consent page (oauth.authorization.url) is not a URL' };
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) {
    return {
      refused: `its consent page ${url.origin} is not https on the default port, so no browser is sent there`,
    };
  }
  return { hosts: [url.hostname.toLowerCase()], paths: [url.pathname] };
}

/** The first GET of the hub with no path parameter, else the hub's `objects`. */
function tryItOf(definition: ElementDefinition, hub: string): HubResource {
  const prefix = `/hubs/${hub}/`;
  const read = definition.resources?.find(
    (r) =>
      (r.type ?? 'api') === 'api' &&
      (r.method ?? '').toUpperCase() === 'GET' &&
      r.path.startsWith(prefix) &&
      /^[A-Za-z0-9/_-]+$/.test(r.path),
  );
  const path = read?.path ?? `${prefix}objects`;
  return { path, what: path.slice(prefix.length) };
}

export type Derived =
  | { offered: true; element: ElementDescriptor; fromDefinition: string[] }
  | { offered: false; reason: string };

/**
 * What the wizard needs of an element, from Cloud Elements' definition: its kind, the fields the
 * person types, the consent host, try-it. `hasApp` says whether this server holds an app for it
 * (else the person types the app's key and secret as fields).
 */
export function deriveElement(
  definition: ElementDefinition,
  options: { hasApp: boolean; callbackUrl: string },
): Derived {
  const ceType = definition.authentication?.type ?? undefined;
  const authType = kindOf(ceType);
  if (!authType) {
    return {
      offered: false,
      reason: ceType
        ? `Cloud Elements names its authentication "${ceType}", which the wizard does not walk (it walks OAuth 1.0a, OAuth 2.0, and typed credentials: basic, apiKey, custom).`
        : 'Its definition does not say how it authenticates (authentication.type).',
    };
  }
  const hub = definition.hub ?? '';
  if (!HUB.test(hub)) {
    return {
      offered: false,
      reason: 'Its definition names no hub, so no call could go through it.',
    };
  }
  // In the definition's order; entries that give none after those that do.
  const order = (item: ConfigurationItem) => item.displayOrder ?? Number.MAX_SAFE_INTEGER;
  const items = [...(definition.configuration ?? [])].sort((a, b) => order(a) - order(b));
  const patch = patchOf(definition.key);
  const typed = patchFields(
    definition.key,
    items
      .filter(isPersonFacing)
      .map((item) =>
        toField(
          item,
          item.type?.toUpperCase() === 'PASSWORD' ||
            SECRET_WORDS.test(`${item.key} ${item.name ?? ''}`),
        ),
      ),
  );
  const fields = [...(options.hasApp ? [] : appFields(authType, options.callbackUrl)), ...typed];
  const kind = KINDS[authType];
  let consent: ElementDescriptor['consent'];
  if (kind.callback) {
    const found = consentOf(definition);
    if ('refused' in found) return { offered: false, reason: `Not offered: ${found.refused}.` };
    consent = { ...found, allow: 'Allow', deny: 'Deny' };
  }
  if (!kind.callback && !typed.some((field) => field.secret)) {
    return {
      offered: false,
      reason: 'Its definition names no credential for a person to type (no secret field).',
    };
  }
  const tryIt = tryItOf(definition, hub);
  return {
    offered: true,
    element: {
      key: definition.key,
      name: definition.name,
      provider: definition.name,
      hub,
      authType,
      env: envOf(definition.key),
      differs: `${kind.label}, from Cloud Elements' definition alone: no one wrote teaching for it.`,
      fields,
      ...(patch?.fixed ? { fixed: patch.fixed } : {}),
      ...(consent ? { consent } : {}),
      tryIt: { ...tryIt, title: 'name', detail: [] },
      resources: [tryIt],
    },
    fromDefinition: [
      `the kind (authentication.type "${ceType}")`,
      `the ${typed.length} field${typed.length === 1 ? '' : 's'} you type, with labels, types and whether they are required`,
      ...(consent ? [`the consent host ${consent.hosts[0]}`] : []),
      tryIt.path.endsWith('/objects')
        ? `try-it (${tryIt.path}: the definition lists no GET resource, so the hub's own list of objects)`
        : `try-it (${tryIt.path}, its first GET resource)`,
    ],
  };
}
