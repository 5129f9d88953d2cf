import { ELEMENTS, type ElementDef, type ElementKey, isElementKey } from '@cew/shared';
import { useSyncExternalStore } from 'react';
import { useConfig } from './api/config';
import { useFlow } from './api/flow';

/**
 * The element the person chose on the first screen, kept in this tab (sessionStorage) so the
 * return from the provider's consent page and a reload find it again. A new tab follows the flow.
 */
const KEY = 'cew-element';
const listeners = new Set<() => void>();

const read = (): ElementKey | null => {
  const value = sessionStorage.getItem(KEY);
  return isElementKey(value) ? value : null;
};

export function chooseElement(element: ElementKey) {
  sessionStorage.setItem(KEY, element);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The element the wizard shows: the one chosen in this tab, else the flow's, else the only one
 * this server offers, else Twitter (the guide's).
 */
export function useElement(): ElementDef {
  const chosen = useSyncExternalStore(subscribe, read, () => null);
  const { data: flow } = useFlow();
  const { data: config } = useConfig();
  const only = config?.elements.length === 1 ? config.elements[0]?.key : undefined;
  return ELEMENTS[chosen ?? flow?.element ?? only ?? 'twitter'];
}

/** Whether this tab has chosen an element yet (the first screen asks). */
export const useHasChosen = () => useSyncExternalStore(subscribe, read, () => null) !== null;
