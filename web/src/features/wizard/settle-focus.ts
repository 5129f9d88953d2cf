import { type RefObject, useEffect, useRef } from 'react';

/** Focus on `target` (made focusable), brought to the top of the screen. */
export function focusAtTop(target: HTMLElement) {
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

/**
 * When a call started by a button settles, focus moves to what it brought (`selector` inside
 * `container`: a result or a failure, focusable with tabIndex -1) and brings it to the top of the
 * screen: a keyboard, a screen reader and a projector all go on from there, instead of from the
 * page's top or the button that was pressed.
 */
export function useFocusOnSettle(
  pending: boolean,
  container: RefObject<HTMLElement | null>,
  selector: string,
) {
  const waited = useRef(false);
  useEffect(() => {
    if (pending) {
      waited.current = true;
      return;
    }
    if (!waited.current) return;
    waited.current = false;
    const target = container.current?.querySelector<HTMLElement>(selector);
    if (target) focusAtTop(target);
  }, [pending, container, selector]);
}
