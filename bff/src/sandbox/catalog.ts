import {
  type AuthType,
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

/**
 * A few of the objects each hub normalises, as `GET /hubs/{hub}/objects` lists them; the first is
 * the one try-it reads (sample records), for every hub the catalog names.
 */
const HUB_OBJECTS: Record<string, string[]> = {
  crm: ['contacts', 'accounts', 'leads', 'opportunities'],
  marketing: ['contacts', 'lists', 'campaigns'],
  documents: ['folders/contents', 'files'],
  helpdesk: ['incidents', 'contacts', 'agents'],
  ecommerce: ['orders', 'products', 'customers'],
  finance: ['customers', 'invoices', 'payments', 'vendors'],
  erp: ['customers', 'invoices', 'items'],
  payment: ['customers', 'charges', 'refunds'],
  humancapital: ['employees', 'departments'],
  employee: ['employees', 'departments'],
  social: ['statuses', 'users'],
  messaging: ['channels', 'messages'],
  scheduling: ['events', 'calendars'],
  esignature: ['agreements', 'users'],
  collaboration: ['channels', 'users'],
  conferencing: ['meetings', 'users'],
  expense: ['expenses', 'reports'],
  fsa: ['work-orders', 'technicians'],
  db: ['tables'],
  analytics: ['reports', 'dashboards'],
  ocr: ['documents'],
  screening: ['candidates', 'reports'],
  general: ['users'],
  sage: ['customers', 'invoices'],
};

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];
const PERSON_OBJECTS = new Set(['contacts', 'leads', 'customers', 'employees', 'users', 'agents']);

/**
 * Three sample records of a hub's object, in the shape Cloud Elements normalises to (an `id`,
 * then the object's common fields), made for one element so its try-it shows its own name.
 */
function sampleRecords(entry: DocumentedElement, object: string): Record<string, unknown>[] {
  return PEOPLE.map((person, i) => {
    const id = `${entry.key}-${object.replace(/\W+/g, '-')}-${i + 1}`;
    if (PERSON_OBJECTS.has(object)) {
      const [firstName, lastName] = person.split(' ');
      const email = `${(firstName ?? '').toLowerCase()}@${entry.key}.sandbox-provider.example`;
      return { id, firstName, lastName, email };
    }
    return {
      id,
      name: `Sample ${object.split('/')[0]?.replace(/s$/, '')} ${i + 1} in ${entry.name}`,
      owner: person,
      createdDate: new Date(Date.UTC(2026, 0, 5 + i * 7)).toISOString(),
    };
  });
}

/**
 * The consent page of an OAuth element: where the docs show one, else a stand-in the sandbox
 * names as such (the docs do not give it, and the sandbox must not pass one off as real).
 */
function authorizationUrl(entry: DocumentedElement): URL {
  const documentedUrl = entry.oauthAuthorizationUrl?.replace(/\{[^}]*\}|siteaddress\./gi, '');
  const url = documentedUrl?.startsWith('https://')
    ? new URL(documentedUrl)
    : new URL(`https://${entry.key}.sandbox-provider.example/oauth2/authorize`);
  url.search = '';
  return url;
}

const consentAt = (url: URL) => ({
  consent: { hosts: [url.hostname], paths: [url.pathname], allow: 'Allow', deny: 'Deny' },
  configuration: { 'oauth.authorization.url': url.toString() },
});

/** What each kind's play adds to a documented element: its consent page and its provider's paths. */
const PLAYED_AS: Record<
  AuthType,
  (entry: DocumentedElement) => {
    consent?: ElementDescriptor['consent'];
    play?: Pick<SandboxPlay, 'authorizePath' | 'tokenPath'>;
    configuration?: Record<string, string>;
  }
> = {
  oauth1(entry) {
    // Every OAuth 1.0a element is played by one signed provider, which serves `/oauth/authorize`.
    const url = authorizationUrl(entry);
    url.pathname = '/oauth/authorize';
    return consentAt(url);
  },
  oauth2(entry) {
    const url = authorizationUrl(entry);
    const tokenPath = entry.oauthTokenUrl?.startsWith('https://')
      ? new URL(entry.oauthTokenUrl).pathname
      : '/oauth2/token';
    return { ...consentAt(url), play: { authorizePath: url.pathname, tokenPath } };
  },
  // Cloud Elements' own name of the kind (basic, apiKey, custom) stays in the definition.
  basic: (entry) => ({ configuration: { 'authentication.type': entry.authType ?? 'basic' } }),
};

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
  const names = HUB_OBJECTS[hub] ?? ['objects'];
  const first = names[0] ?? 'objects';
  const records = `/hubs/${hub}/${first}`;
  const played = PLAYED_AS[authType](entry);
  return {
    key: entry.key,
    name: entry.name,
    provider: entry.name,
    hub,
    authType,
    env: envOf(entry.key),
    differs: '',
    fields,
    ...(played.consent ? { consent: played.consent } : {}),
    tryIt: {
      path: records,
      what: first,
      title: PERSON_OBJECTS.has(first) ? 'lastName' : 'name',
      detail: PERSON_OBJECTS.has(first) ? ['firstName', 'email'] : ['owner', 'createdDate'],
    },
    resources: [
      { path: records, what: first },
      { path: objects, what: 'objects' },
    ],
    sandbox: {
      id,
      description: `${entry.name}, as Cloud Elements documented it (${entry.docs}); played by the sandbox from its kind.`,
      brand: `◇ Sandbox ${entry.name}`,
      grants: [`Read your ${entry.name} data.`],
      ...played.play,
      configuration: {
        'base.url': `https://api.${entry.key}.sandbox-provider.example`,
        ...played.configuration,
      },
      samples: { [records]: sampleRecords(entry, first), [objects]: names },
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
