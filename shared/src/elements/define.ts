import type { ElementDescriptor, FieldDescriptor, HubResource } from './descriptor';

/** A descriptor whose key stays a literal type, so the registry can derive `ElementKey`. */
export const defineElement = <K extends string>(
  descriptor: ElementDescriptor & { key: K },
): ElementDescriptor & { key: K } => descriptor;

/**
 * A provider account's own subdomain (acme for acme.zendesk.com): the field shape every
 * per-account element shares, so the DNS-label rule is written once. The caller adds its
 * key, help and any URL parameter.
 */
export const SUBDOMAIN_FIELD = {
  title: 'Subdomain',
  secret: false,
  required: true,
  pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
  patternHelp:
    'must be a DNS label: lowercase letters, digits and dashes (not first or last), 1 to 63 of them',
  example: 'acme',
  sandboxValue: 'sandbox-learner',
} as const satisfies Omit<FieldDescriptor, 'key' | 'help'>;

/** The Helpdesk hub's incidents: the same normalized resource whichever provider is behind it. */
export const HELPDESK_INCIDENTS = {
  path: '/hubs/helpdesk/incidents',
  what: 'incidents',
} as const satisfies HubResource;
