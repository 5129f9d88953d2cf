import type { SandboxElement } from './catalog';
import { randomToken } from './random';

export type StoredInstance = {
  id: number;
  element: SandboxElement;
  name: string;
  token: string;
  tags: string[];
  createdDate: string;
  configuration: Record<string, string | null>;
};

/**
 * Configuration keys Cloud Elements masks when it returns an instance. Others it echoes, the
 * user's access token and a basic element's key among them: the BFF must hide those itself.
 */
const MASKED_KEYS = new Set([
  'oauth.api.secret',
  'oauth.user.token.secret',
  'oauth.user.refresh_token',
  'password',
]);

/** Common configuration entries a caller may set; the rest of the configuration is the element's. */
const OPTIONAL_CONFIGURATION = [
  'event.notification.enabled',
  'event.vendor.type',
  'event.notification.callback.url',
  'event.poller.refresh_interval',
  'filter.response.nulls',
];

/** The element's own fields as the caller set them in `configuration`, kept as strings. */
function fieldsOf(element: SandboxElement, configuration: Record<string, unknown>) {
  return Object.fromEntries(
    element.fields.map((field) => [field.key, String(configuration[field.key] ?? '')]),
  );
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

/** The event settings Cloud Elements gives an OAuth instance when the caller sets none: polling. */
export const POLLING_EVENTS = {
  'event.vendor.type': 'polling',
  'event.poller.refresh_interval': '15',
  'event.notification.callback.url': null,
} as const;

/**
 * An instance's configuration as the sandbox stores it: the element's own entries, the fields the
 * caller set, what the kind adds (the app's credentials, the provider's tokens, its event
 * settings), notifications off, then the common entries the caller set, which win.
 */
export function storedConfiguration(
  element: SandboxElement,
  sent: Record<string, unknown>,
  kindEntries: Record<string, string | null> = {},
) {
  return {
    ...element.sandbox.configuration,
    ...fieldsOf(element, sent),
    ...kindEntries,
    'event.notification.enabled': 'false',
    ...optionalConfiguration(sent),
  };
}

/** The element as Cloud Elements defines it (`GET /elements/{key}`), from its descriptor. */
export function elementJson(element: SandboxElement, appConfiguration: readonly string[]) {
  const app = appConfiguration.map((key, i) => ({
    key,
    name: key,
    type: key.endsWith('secret') ? 'PASSWORD' : 'TEXTFIELD_128',
    required: true,
    hideFromConsole: false,
    internal: false,
    displayOrder: i,
  }));
  const fields = element.fields.map((field, i) => ({
    key: field.key,
    name: field.title,
    type: field.type === 'boolean' ? 'BOOLEAN' : field.secret ? 'PASSWORD' : 'TEXTFIELD_128',
    // Where the docs do not say, neither does the definition.
    ...(field.requiredUnknown ? {} : { required: field.required }),
    hideFromConsole: false,
    internal: false,
    displayOrder: app.length + i,
    description: field.help,
  }));
  const hidden = Object.entries(element.sandbox.configuration).map(([key, value], i) => ({
    key,
    name: key,
    type: 'TEXTFIELD_1000',
    required: true,
    hideFromConsole: true,
    internal: true,
    defaultValue: value,
    displayOrder: 100 + i,
  }));
  const authType = element.sandbox.configuration['authentication.type'] ?? element.authType;
  return {
    ...elementSummary(element),
    configuration: [...app, ...fields, ...hidden],
    resources: element.resources.map((resource) => ({
      path: resource.path,
      method: 'GET',
      type: 'api',
    })),
    authentication: { type: authType },
  };
}

/** The element as `GET /elements` lists it: its definition without configuration or resources. */
export function elementSummary(element: SandboxElement) {
  const authType = element.sandbox.configuration['authentication.type'] ?? element.authType;
  return {
    id: element.sandbox.id,
    name: element.name,
    key: element.key,
    description: element.sandbox.description,
    // As in Cloud Elements' own payloads, typeOauth does not always agree with
    // authentication.type: clients should read the latter.
    typeOauth: authType === 'oauth2',
    authentication: { type: authType },
    hub: element.hub,
    active: true,
    deleted: false,
    trialAccount: false,
    protocolType: 'http',
    private: false,
  };
}

/** An instance as Cloud Elements returns it: shaped like the guide's sample, secrets masked. */
export function toInstanceReply(instance: StoredInstance) {
  const element = elementSummary(instance.element);
  return {
    id: instance.id,
    name: instance.name,
    token: instance.token,
    createdDate: instance.createdDate,
    element,
    provisionInteractions: [],
    valid: true,
    disabled: false,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    configuration: Object.fromEntries(
      Object.entries(instance.configuration).map(([key, value]) => [
        key,
        MASKED_KEYS.has(key) && value !== null ? '********' : value,
      ]),
    ),
    tags: instance.tags,
    eventsEnabled: false,
    traceLoggingEnabled: false,
    cachingEnabled: false,
    externalAuthentication: 'none',
    user: { id: 9723 },
  };
}

/**
 * The organization's instances. Names are unique in an organization; the "name-taken" lab plays
 * a colleague's instance holding the first name a flow tries, so another name succeeds with the
 * same grant, as with a real 409.
 */
export function createInstanceStore(now: () => number) {
  const instances = new Map<number, StoredInstance>();
  /** The failure lab's name clash, per flow (its token, code or key): the name it found taken. */
  const labTaken = new Map<string, string>();
  let nextId = 1000;
  return {
    instances,
    nameTaken(name: string, scenario: string | undefined, flowKey: string) {
      if ([...instances.values()].some((i) => i.name === name)) return true;
      if (scenario !== 'name-taken') return false;
      if (!labTaken.has(flowKey)) {
        if (labTaken.size >= 1000) labTaken.delete(labTaken.keys().next().value as string);
        labTaken.set(flowKey, name);
      }
      return labTaken.get(flowKey) === name;
    },
    add(input: Omit<StoredInstance, 'id' | 'token' | 'createdDate'>): StoredInstance {
      const instance: StoredInstance = {
        ...input,
        id: nextId++,
        token: randomToken(21).replace(/-/g, '+').replace(/_/g, '/').concat('='),
        createdDate: new Date(now()).toISOString(),
      };
      instances.set(instance.id, instance);
      return instance;
    },
  };
}
export type InstanceStore = ReturnType<typeof createInstanceStore>;
