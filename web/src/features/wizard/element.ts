import type { ElementKey, ElementView } from '@cew/shared';
import { useSyncExternalStore } from 'react';
import { useElements } from './api/elements';
import { useFlow } from './api/flow';
import { readChosenElement, subscribeToChosenElement, writeChosenElement } from './chosen-element';

export const chooseElement = (element: ElementKey) => writeChosenElement(element);

/**
 * The element the wizard shows: the one chosen in this tab, else the flow's, else the first this
 * server offers (the guide's Twitter, when offered). Undefined until the list has loaded.
 */
export function useElement(): ElementView | undefined {
  const chosen = useSyncExternalStore(subscribeToChosenElement, readChosenElement, () => null);
  const { data: flow } = useFlow();
  const { data: elements } = useElements();
  const find = (key: string | null | undefined) => elements?.find((e) => e.key === key);
  return find(chosen) ?? find(flow?.element) ?? elements?.[0];
}

/** Whether this tab has chosen an element yet (the first screen asks). */
export const useHasChosen = () =>
  useSyncExternalStore(subscribeToChosenElement, readChosenElement, () => null) !== null;
