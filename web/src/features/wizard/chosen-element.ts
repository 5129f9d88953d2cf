/**
 * The element the person chose on the first screen, kept in this tab (sessionStorage) so the
 * return from the provider's consent page and a reload find it again. A new tab follows the flow.
 */
const KEY = 'cew-element';
const listeners = new Set<() => void>();

export const readChosenElement = (): string | null => sessionStorage.getItem(KEY);

export function writeChosenElement(element: string) {
  sessionStorage.setItem(KEY, element);
  for (const listener of listeners) listener();
}

export const subscribeToChosenElement = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
