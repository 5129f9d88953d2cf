import type { AuthType } from './flow';

/** The elements this wizard can provision, by Cloud Elements key. */
export type ElementKey = 'twitter' | 'sfdc';

export type ElementDef = {
  key: ElementKey;
  /** The element's name, and the provider the person consents at. */
  name: string;
  provider: string;
  authType: AuthType;
  /** The one line on the element choice screen: what is different about this flow. */
  differs: string;
  /** The hub call "try it" makes through a new instance. */
  hub: string;
  tryPath: string;
  /** What that call lists, e.g. "statuses". */
  tryWhat: string;
};

/** Each element's facts, as data: the flow module gives its steps by `authType`. */
export const ELEMENTS: Record<ElementKey, ElementDef> = {
  twitter: {
    key: 'twitter',
    name: 'Twitter',
    provider: 'Twitter',
    authType: 'oauth1',
    differs:
      'OAuth 1.0a, the guide’s flow: a request token first, and every call to Twitter signed with two secrets.',
    hub: 'social',
    tryPath: '/hubs/social/statuses',
    tryWhat: 'statuses',
  },
  sfdc: {
    key: 'sfdc',
    name: 'Salesforce',
    provider: 'Salesforce',
    authType: 'oauth2',
    differs:
      'OAuth 2.0: no request token and no signatures; the callback brings a code, traded with the client secret.',
    hub: 'crm',
    tryPath: '/hubs/crm/accounts',
    tryWhat: 'accounts',
  },
};

export const isElementKey = (value: unknown): value is ElementKey =>
  typeof value === 'string' && value in ELEMENTS;
