import { KINDS } from '../auth';
import type { AuthType } from '../flow';

/**
 * One field a person types for an element, as Cloud Elements' own `configuration[]` describes it:
 * the configuration key it fills, and what a form needs to ask for it well.
 */
export type FieldDescriptor = {
  /** The Cloud Elements configuration key it fills, e.g. `acme.subdomain`. */
  key: string;
  title: string;
  /** One or two sentences: what it is and where the person finds it. */
  help: string;
  /** A secret is a marker everywhere once typed, and is never kept by the BFF. */
  secret: boolean;
  required: boolean;
  /** A regular expression the whole value must match (checked before any upstream call). */
  pattern?: string;
  /** What the pattern asks for, in words, for the error message. */
  patternHelp?: string;
  example?: string;
  /** Also sent to `GET /elements/{key}/oauth/url` under this name (a customer's subdomain). */
  urlParam?: 'siteAddress';
  /** Sandbox mode: the value its emulator accepts (published in the README: no secret). */
  sandboxValue?: string;
  /** How a form asks for it: a checkbox, or masked; plain text when absent. */
  type?: 'boolean' | 'password';
  /** At most this many characters (Cloud Elements' `TEXTFIELD_n`). */
  maxLength?: number;
  /** The definition's default value, offered in the form. */
  default?: string;
  /** The definition does not say whether it is required: treated as optional, and said so. */
  requiredUnknown?: boolean;
};

/** One readable resource of the element's hub, for calls of your own through the instance. */
export type HubResource = { path: string; what: string };

/**
 * Everything that differs between elements, in one place, checked at start and in tests
 * (`checkDescriptor`). Code branches on `authType`, never on the element.
 */
export type ElementDescriptor = {
  /** Cloud Elements' element key: the path segment of every element call. */
  key: string;
  /** The element's name on screen, and the provider whose account it connects. */
  name: string;
  provider: string;
  /** Cloud Elements' hub, the first segment of every call through an instance. */
  hub: string;
  authType: AuthType;
  /**
   * The prefix of the server variables that configure this element's provider app
   * (`{env}_API_KEY`, `{env}_API_SECRET`) and of its markers (`<{env}_API_SECRET>`).
   */
  env: string;
  /** The one line on the element choice screen: what is different about this element. */
  differs: string;
  /** What the person types (the app's own keys are server configuration, never fields). */
  fields: FieldDescriptor[];
  /** Configuration entries sent as fixed values, never typed (a patch's: Close.io's blank password). */
  fixed?: Record<string, string>;
  /** Extra `oauth/url` parameters this element needs, beside the ones every element sends. */
  oauthUrl?: { scope?: string };
  /**
   * OAuth kinds: where the authorization URL may point. A host may be templated by a field, as
   * `{acme.subdomain}.provider.example`; on the provider's own hosts the path must be one of these.
   */
  consent?: {
    hosts: string[];
    paths: string[];
    /** The consent page's two buttons, as the provider words them. */
    allow: string;
    deny: string;
  };
  /** The call that proves a new instance works, and how to show what it returns. */
  tryIt: HubResource & { title: string; detail: string[] };
  /** The hub's resources a person may read through the instance. */
  resources: HubResource[];
  /** How the sandbox plays this element and its provider (overlays and the sandbox's catalog). */
  sandbox?: SandboxPlay;
};

/** What an OAuth 1.0a provider may refuse a signed request for. */
export type OAuth1Problem =
  | 'bad-request'
  | 'consumer'
  | 'signature-method'
  | 'timestamp'
  | 'nonce'
  | 'token'
  | 'signature'
  | 'callback'
  | 'verifier';

/** An OAuth 1.0a provider's own words, for the sandbox to play it (Twitter's, in its overlay). */
export type OAuth1Dialect = {
  /** Each refusal: its HTTP status, and its body as JSON or as text. */
  errors: Record<OAuth1Problem, { status: 400 | 401 | 403; json?: unknown; text?: string }>;
  /** The account its consent page shows as signed in. */
  account: string;
  /** What its access token reply adds beside `oauth_token` and `oauth_token_secret`. */
  accessExtras: Record<string, string>;
  /** How its access tokens begin (Twitter's, with the user's id). */
  accessTokenPrefix?: string;
};

/** How the sandbox plays an element and its provider. */
export type SandboxPlay = {
  /** OAuth 1.0a: the provider's own words; without, the OAuth Problem Reporting extension's. */
  oauth1?: OAuth1Dialect;
  /** Cloud Elements' element id (they differ between environments: always call by key). */
  id: number;
  description: string;
  /** The provider's brand line on its consent page. */
  brand: string;
  /** What the consent page says the app may do. */
  grants: string[];
  /** OAuth 2.0: the provider's authorize and token paths (the sandbox serves both). */
  authorizePath?: string;
  tokenPath?: string;
  /**
   * OAuth 2.0: what the provider's token reply adds to the standard fields, and whether it signs
   * `id` + `issued_at` with the client secret (Salesforce's `signature`).
   */
  tokenReply?: { extra: Record<string, string>; signed?: boolean };
  /** Configuration entries Cloud Elements fills in itself, echoed in the instance. */
  configuration: Record<string, string>;
  /** What each resource answers: records, or (a hub's `objects`) a list of names. */
  samples: Record<string, unknown[]>;
};

/** A field's pattern as a RegExp matching the whole value. */
export const fieldPattern = (field: FieldDescriptor) =>
  field.pattern ? new RegExp(`^(?:${field.pattern})$`) : undefined;

/**
 * What is wrong with the values a person typed for an element, one message per field, in words
 * a person can act on; an empty list when all is well. Unknown fields are refused too.
 */
export function checkFields(
  element: Pick<ElementDescriptor, 'fields'>,
  values: Record<string, string | undefined>,
): string[] {
  const problems: string[] = [];
  for (const field of element.fields) {
    const value = values[field.key]?.trim() ?? '';
    if (!value) {
      if (field.required) problems.push(`${field.key}: ${field.title} is required.`);
      continue;
    }
    const max = field.maxLength ?? 256;
    if (value.length > max) problems.push(`${field.key}: keep it under ${max + 1} characters.`);
    else if (!fieldPattern(field)?.test(value) && field.pattern) {
      problems.push(`${field.key}: ${field.patternHelp ?? `must match ${field.pattern}`}.`);
    }
  }
  const known = new Set(element.fields.map((field) => field.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push(`${key}: this element has no such field.`);
  }
  return problems;
}

/** `{acme.subdomain}.provider.example` with the flow's fields filled in; null if one is missing. */
export function fillTemplate(template: string, values: Record<string, string>): string | null {
  let missing = false;
  const filled = template.replace(/\{([^}]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) missing = true;
    return (value ?? '').toLowerCase();
  });
  return missing ? null : filled;
}

/** The placeholder that replaces a secret field's value, e.g. `<ACME_API_KEY>` (env, title). */
export const fieldMarker = (element: Pick<ElementDescriptor, 'env'>, field: FieldDescriptor) =>
  `<${element.env}_${field.title.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}>`;

/**
 * What is wrong with a descriptor as data: the checks a new element must pass before the wizard
 * starts (and in tests), each naming the element and the entry.
 */
export function checkDescriptor(element: ElementDescriptor): string[] {
  // The overlay's own file: a problem names where to mend it.
  const where = `element ${element.key} (shared/src/elements/${element.key}.ts)`;
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${where}: ${message}`);
  };
  expect(/^[a-z0-9]+$/.test(element.key), 'key must be lowercase letters and digits');
  expect(/^[A-Z][A-Z0-9_]*$/.test(element.env), 'env must be an upper-case variable prefix');
  expect(/^[a-z]+$/.test(element.hub), 'hub must be lowercase letters');
  const keys = element.fields.map((field) => field.key);
  expect(new Set(keys).size === keys.length, 'field keys must be unique');
  for (const field of element.fields) {
    if (field.pattern) {
      let pattern: RegExp | undefined;
      try {
        pattern = fieldPattern(field);
      } catch {
        expect(false, `field ${field.key}: pattern is not a regular expression`);
      }
      for (const value of [field.example, field.sandboxValue]) {
        if (value !== undefined && pattern) {
          expect(pattern.test(value), `field ${field.key}: ${value} does not match its pattern`);
        }
      }
    }
  }
  for (const problem of KINDS[element.authType].checkElement(element)) expect(false, problem);
  if (element.consent) {
    expect(element.consent.hosts.length > 0, 'consent needs at least one host');
    expect(element.consent.paths.length > 0, 'consent needs at least one path');
    for (const host of element.consent.hosts) {
      for (const [, key] of host.matchAll(/\{([^}]+)\}/g)) {
        expect(keys.includes(key ?? ''), `consent host ${host} names no field ${key}`);
      }
    }
    for (const path of element.consent.paths) expect(path.startsWith('/'), `path ${path}`);
  }
  const hubPath = `/hubs/${element.hub}/`;
  for (const resource of [element.tryIt, ...element.resources]) {
    expect(resource.path.startsWith(hubPath), `${resource.path} is not under ${hubPath}`);
  }
  expect(
    element.resources.some((resource) => resource.path === element.tryIt.path),
    'try-it must be one of the hub resources',
  );
  for (const resource of element.resources) {
    expect(
      (element.sandbox?.samples[resource.path.split('?')[0] ?? '']?.length ?? 0) > 0,
      `the sandbox has no sample ${resource.path}`,
    );
  }
  return problems;
}
