import type { ElementDescriptor } from './descriptor';
import { dropbox } from './dropbox';
import { freshdeskv2 } from './freshdeskv2';
import { sfdc } from './sfdc';
import { twitter } from './twitter';
import { zendesk } from './zendesk';

export * from './descriptor';
export * from './patches';

/**
 * Every element this wizard can provision, in the order the choice screen lists them. A new
 * element is a descriptor file and one line here; everything else derives from it.
 */
const LIST = [twitter, sfdc, dropbox, zendesk, freshdeskv2] as const;

/** Cloud Elements' key of an element: any element its catalog offers, not only these. */
export type ElementKey = string;
/** The elements someone wrote teaching for (overlays), by key. */
export type GuidedKey = (typeof LIST)[number]['key'];

export const GUIDED_KEYS = LIST.map((element) => element.key) as [GuidedKey, ...GuidedKey[]];

/**
 * The overlays: what a definition does not say of these five (teaching, demo data, consent
 * words, provider specifics the sandbox plays). Every other element is its definition alone.
 */
export const ELEMENTS = Object.fromEntries(LIST.map((element) => [element.key, element])) as Record<
  GuidedKey,
  ElementDescriptor
>;

/** The overlay of an element, if someone wrote one. */
export const overlayOf = (key: string): ElementDescriptor | undefined =>
  Object.hasOwn(ELEMENTS, key) ? ELEMENTS[key as GuidedKey] : undefined;
