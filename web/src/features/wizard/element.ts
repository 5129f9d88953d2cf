import type { ElementKey, ElementView } from '@cew/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { useElements } from './api/elements';
import { useFlow } from './api/flow';
import { readChosenElement, subscribeToChosenElement, writeChosenElement } from './chosen-element';

export const chooseElement = (element: ElementKey) => writeChosenElement(element);

/** A step's address for an element: the element rides in it, so a link or a reload lands there. */
export const stepUrl = (path: string, element: ElementKey) =>
  `${path}?element=${encodeURIComponent(element)}`;

/**
 * The element the wizard shows: the one the address names (`?element=`, a trainer's link, Start
 * over, a reload), else the one chosen in this tab, else the flow's, else the first this server
 * offers (the guide's Twitter, when offered). Undefined until the list has loaded. The address's
 * element becomes this tab's choice, so the steps' own links keep it.
 */
export function useElement(): ElementView | undefined {
  const chosen = useSyncExternalStore(subscribeToChosenElement, readChosenElement, () => null);
  const { search } = useLocation();
  const named = new URLSearchParams(search).get('element');
  const { data: flow } = useFlow();
  const { data: elements } = useElements();
  const find = (key: string | null | undefined) => elements?.find((e) => e.key === key);
  const fromUrl = find(named);
  useEffect(() => {
    if (fromUrl && fromUrl.key !== chosen) writeChosenElement(fromUrl.key);
  }, [fromUrl, chosen]);
  return fromUrl ?? find(chosen) ?? find(flow?.element) ?? elements?.[0];
}

/** Whether this tab has chosen an element yet (the first screen asks). */
export const useHasChosen = () =>
  useSyncExternalStore(subscribeToChosenElement, readChosenElement, () => null) !== null;
