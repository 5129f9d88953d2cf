import type { ElementKey, ElementView } from '@cew/shared';
import { useSyncExternalStore } from 'react';
import { useElements } from './api/elements';
import { useFlow } from './api/flow';

/**
 * The element the person chose on the first screen, kept in this tab (sessionStorage) so the
 * return from the provider's consent page and a reload find it again. A new tab follows the flow.
 */
const KEY = 'cew-element';
const listeners = new Set<() => void>();

const read = (): string | null => sessionStorage.getItem(KEY);

export function chooseElement(element: ElementKey) {
  sessionStorage.setItem(KEY, element);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The element the wizard shows: the one chosen in this tab, else the flow's, else the first this
 * server offers (the guide's Twitter, when offered). Undefined until the list has loaded.
 */
export function useElement(): ElementView | undefined {
  const chosen = useSyncExternalStore(subscribe, read, () => null);
  const { data: flow } = useFlow();
  const { data: elements } = useElements();
  const find = (key: string | null | undefined) => elements?.find((e) => e.key === key);
  return find(chosen) ?? find(flow?.element) ?? elements?.[0];
}

/** Whether this tab has chosen an element yet (the first screen asks). */
export const useHasChosen = () => useSyncExternalStore(subscribe, read, () => null) !== null;
