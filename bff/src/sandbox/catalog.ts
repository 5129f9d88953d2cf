import {
  ELEMENTS,
  type ElementDescriptor,
  type FieldDescriptor,
  KIND_OF_CE_AUTH,
  patchFields,
  type SandboxPlay,
} from '@cew/shared';
import { envOf } from '@cew/shared/definition';
import { demoFieldValue } from '@cew/shared/sandbox-credentials';
import documented from './catalog/elements.json' with { type: 'json' };

/** An element as the sandbox plays it: its descriptor, with the sandbox's play always there. */
export type SandboxElement = ElementDescriptor & { sandbox: SandboxPlay };

/** One entry of the documented catalog (see its README in `catalog/`). */
type DocumentedElement = {
  key: string;
  name: string;
  hub: string | null;
  authType: string | null;
  fields: { key: string; name?: string; type: string; required?: boolean; secretGuess: boolean }[];
  oauthAuthorizationUrl?: string;
  oauthTokenUrl?: string;
  docs: string;
};

/** Configuration entries no person types: the app's, the events', the kind chooser. */
const notTyped = (key: string) =>
  key.startsWith('oauth.') || key.startsWith('event.') || key === 'authentication.type';
const SITE_FIELD = /(?:^|\.)(?:site\.?address|subdomain)$/i;

/** A few of the objects each hub normalises, as `GET /hubs/{hub}/objects` lists them. */
const HUB_OBJECTS: Record<string, string[]> = {
  crm: ['accounts', 'contacts', 'leads', 'opportunities'],
  marketing: ['contacts', 'lists', 'campaigns'],
  documents: [],
  helpdesk: ['incidents', 'contacts', 'agents'],
  ecommerce: ['orders', 'products', 'customers'],
  finance: ['customers', 'invoices', 'payments', 'vendors'],
  erp: ['customers', 'invoices', 'items'],
  payment: ['customers', 'charges', 'refunds'],
  humancapital: ['employees', 'departments'],
  social: ['statuses', 'users'],
  messaging: ['channels', 'messages'],
};

/**
 * The consent page of an OAuth element: where the docs show one, else a stand-in the sandbox
 * names as such (the docs do not give it, and the sandbox must not pass one off as real). OAuth
 * 1.0a elements are all played by one signed provider, which serves `/oauth/authorize`.
 */
function authorizationUrl(entry: DocumentedElement, kind: 'oauth1' | 'oauth2'): URL {
  const documentedUrl = entry.oauthAuthorizationUrl?.replace(/\{[^}]*\}|siteaddress\./gi, '');
  const url = documentedUrl?.startsWith('https://')
    ? new URL(documentedUrl)
    : new URL(`https://${entry.key}.sandbox-provider.example/oauth2/authorize`);
  if (kind === 'oauth1') url.pathname = '/oauth/authorize';
  url.search = '';
  return url;
}

function fieldOf(entry: DocumentedElement, field: DocumentedElement['fields'][number]) {
  const boolean = field.type === 'boolean';
  const typed: FieldDescriptor = {
    key: field.key,
    title: field.name ?? field.key,
    help: `From ${entry.name}'s page in Cloud Elements' docs.`,
    secret: field.secretGuess && !boolean,
    required: field.required === true,
    ...(field.required === undefined ? { requiredUnknown: true } : {}),
    ...(boolean ? { type: 'boolean' as const } : {}),
    ...(SITE_FIELD.test(field.key) ? { urlParam: 'siteAddress' as const } : {}),
    sandboxValue: demoFieldValue(
      { key: entry.key, env: envOf(entry.key) },
      { key: field.key, ...(boolean ? { type: 'boolean' } : {}) },
    ),
  };
  return typed;
}

/** A documented element as the sandbox plays it: by its kind, with sample data for its hub. */
function toSandboxElement(entry: DocumentedElement, id: number): SandboxElement | undefined {
  const authType = entry.authType ? KIND_OF_CE_AUTH[entry.authType] : undefined;
  if (!authType || !entry.hub) return undefined;
  const hub = entry.hub;
  // The same patch the BFF applies: a fixed entry is not the credential, a patched field is.
  const fields = patchFields(
    entry.key,
    entry.fields.filter((field) => !notTyped(field.key)).map((f) => fieldOf(entry, f)),
  );
  const objects = `/hubs/${hub}/objects`;
  const consentUrl = authType === 'basic' ? undefined : authorizationUrl(entry, authType);
  const tokenPath = entry.oauthTokenUrl?.startsWith('https://')
    ? new URL(entry.oauthTokenUrl).pathname
    : '/oauth2/token';
  return {
    key: entry.key,
    name: entry.name,
    provider: entry.name,
    hub,
    authType,
    env: envOf(entry.key),
    differs: '',
    fields,
    ...(consentUrl
      ? {
          consent: {
            hosts: [consentUrl.hostname],
            paths: [consentUrl.pathname],
            allow: 'Allow',
            deny: 'Deny',
          },
        }
      : {}),
    tryIt: { path: objects, what: 'objects', title: 'name', detail: [] },
    resources: [{ path: objects, what: 'objects' }],
    sandbox: {
      id,
      description: `${entry.name}, as Cloud Elements documented it (${entry.docs}); played by the sandbox from its kind.`,
      brand: `◇ Sandbox ${entry.name}`,
      grants: [`Read your ${entry.name} data.`],
      ...(authType === 'oauth2'
        ? { authorizePath: consentUrl?.pathname ?? '/oauth2/authorize', tokenPath }
        : {}),
      configuration: {
        'base.url': `https://api.${entry.key}.sandbox-provider.example`,
        ...(consentUrl ? { 'oauth.authorization.url': consentUrl.toString() } : {}),
        ...(authType === 'basic' ? { 'authentication.type': entry.authType ?? 'basic' } : {}),
      },
      samples: { [objects]: HUB_OBJECTS[hub] ?? ['objects'] },
    },
  };
}

/** The overlays' elements, with their play. */
const guided = Object.values(ELEMENTS) as SandboxElement[];

/**
 * Every element the sandbox plays: the five written ones, then every documented element of a kind
 * the wizard walks (the catalog's own order). Ids are unique: a clash names both elements.
 */
export function sandboxElements(): SandboxElement[] {
  const keys = new Set(guided.map((element) => element.key));
  const played = [...guided];
  (documented.elements as DocumentedElement[]).forEach((entry, i) => {
    if (keys.has(entry.key)) return;
    const element = toSandboxElement(entry, 900_000 + i);
    if (element) played.push(element);
  });
  const ids = new Map<number, string>();
  for (const element of played) {
    const other = ids.get(element.sandbox.id);
    if (other) {
      throw new Error(
        `sandbox: elements ${other} and ${element.key} share the id ${element.sandbox.id} (shared/src/elements/${element.key}.ts, sandbox.id)`,
      );
    }
    ids.set(element.sandbox.id, element.key);
  }
  return played;
}

/**
 * Every documented element, as `GET /elements` lists it: the ones the sandbox plays, and the
 * others (a kind the docs do not say, or none of the wizard's) with what the docs say of them.
 */
export function documentedSummaries(): {
  key: string;
  name: string;
  hub?: string;
  authType?: string;
}[] {
  return (documented.elements as DocumentedElement[]).map((entry) => ({
    key: entry.key,
    name: entry.name,
    ...(entry.hub ? { hub: entry.hub } : {}),
    ...(entry.authType ? { authType: entry.authType } : {}),
  }));
}
