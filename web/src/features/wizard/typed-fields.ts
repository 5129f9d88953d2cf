import type { ElementKey } from '@cew/shared';

/**
 * What the person typed into an element's fields, kept in this page's memory only: never in
 * sessionStorage, the history or a cookie, so a typed key is gone with the tab (or a reload) and
 * travels only in the one call that needs it.
 */
const typed = new Map<ElementKey, Record<string, string>>();

export const typedFieldsOf = (element: ElementKey): Record<string, string> =>
  typed.get(element) ?? {};

export function keepTypedFields(element: ElementKey, values: Record<string, string>) {
  typed.set(element, values);
}

export function forgetTypedFields(element: ElementKey) {
  typed.delete(element);
}
