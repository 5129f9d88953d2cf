import type { AuthType } from '../flow';
import { basic } from './basic';
import type { AuthKind } from './kind';
import { oauth1 } from './oauth1';
import { oauth2 } from './oauth2';

export * from './kind';

/** Every kind of authentication, by its type: a new kind fails to build until it has its row. */
export const KINDS: Record<AuthType, AuthKind> = { oauth1, oauth2, basic };

/**
 * Cloud Elements' names for kinds of authentication, and the kind that walks each: every kind
 * where the person types the credential (basic, apiKey, custom) is one module, the typed one.
 */
export const KIND_OF_CE_AUTH: Record<string, AuthType> = {
  oauth1: 'oauth1',
  oauth2: 'oauth2',
  basic: 'basic',
  apiKey: 'basic',
  custom: 'basic',
};
