import type { ElementDescriptor } from './descriptor';
import { dropbox } from './dropbox';
import { freshdeskv2 } from './freshdeskv2';
import { sfdc } from './sfdc';
import { twitter } from './twitter';
import { zendesk } from './zendesk';

export * from './descriptor';

/**
 * Every element this wizard can provision, in the order the choice screen lists them. A new
 * element is a descriptor file and one line here; everything else derives from it.
 */
const LIST = [twitter, sfdc, dropbox, zendesk, freshdeskv2] as const;

export type ElementKey = (typeof LIST)[number]['key'];

export const ELEMENT_KEYS = LIST.map((element) => element.key) as [ElementKey, ...ElementKey[]];

export const ELEMENTS = Object.fromEntries(LIST.map((element) => [element.key, element])) as Record<
  ElementKey,
  ElementDescriptor
>;
