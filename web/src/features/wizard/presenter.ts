import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useWizardFrame } from './steps';

/** The address's mark of presenter mode: `?present`, so a trainer can bookmark it. */
const PARAM = 'present';

/** The provider's redirect lands here; its query must reach the callback page untouched. */
const CALLBACK_PATH = '/oauth/callback';

/** Keys typed into a field are the field's, not the presenter's. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Whether presenter mode is on: the address says so, or this tab turned it on and a link has
 * just dropped the mark (it is put back at once, below).
 */
const isOn = (search: string) =>
  new URLSearchParams(search).has(PARAM) || sessionStorage.getItem(PARAM) === '1';

/** Whether presenter mode is on, for the parts that show less on a projector (no navigation). */
export function useIsPresenter() {
  return isOn(useLocation().search);
}

/**
 * Presenter mode, for a projector: large type, the diagram always beside the step, and the
 * keyboard to move (→ next step, ← previous, P on and off). It lives in the address (`?present`)
 * and follows every navigation, so a bookmark opens it and a reload keeps it.
 */
export function usePresenter() {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const wizard = useWizardFrame();
  const on = isOn(search);

  const set = (value: boolean) => {
    if (value) sessionStorage.setItem(PARAM, '1');
    else sessionStorage.removeItem(PARAM);
    // The rest of the address (the element it names) stays.
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(PARAM, '');
    else params.delete(PARAM);
    const rest = params.toString().replace(/=(&|$)/g, '$1');
    navigate(
      { pathname: window.location.pathname, search: rest ? `?${rest}` : '' },
      { replace: true },
    );
  };

  // A bookmark turns it on for the tab; links inside the app drop the query, so the mark is put
  // back after each move. Never on the callback, whose query is the provider's answer.
  useEffect(() => {
    const params = new URLSearchParams(search);
    if (params.has(PARAM)) sessionStorage.setItem(PARAM, '1');
    else if (on && pathname !== CALLBACK_PATH) {
      navigate(
        { pathname, search: search ? `${search}&${PARAM}` : `?${PARAM}` },
        { replace: true },
      );
    }
  }, [on, pathname, search, navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      // Read where the page is now, not where it was at the last render.
      const now = isOn(window.location.search);
      if (event.key === 'p' || event.key === 'P') return set(!now);
      if (!now || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      const index = wizard.steps.findIndex((step) => step.path === window.location.pathname);
      const target = wizard.steps[index + (event.key === 'ArrowRight' ? 1 : -1)];
      if (index < 0 || !target || !wizard.isOpen(target.id)) return;
      event.preventDefault();
      // The element stays in the address, as every step link keeps it.
      const element = wizard.element ? `element=${encodeURIComponent(wizard.element.key)}&` : '';
      navigate({ pathname: target.path, search: `?${element}${PARAM}` });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return { on, toggle: () => set(!on) };
}
