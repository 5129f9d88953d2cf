import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useWizard } from './steps';

/** The address's mark of presenter mode: `?present`, so a trainer can bookmark it. */
const PARAM = 'present';

/** Keys typed into a field are the field's, not the presenter's. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Presenter mode, for a projector: large type, the diagram always beside the step, and the
 * keyboard to move (→ next step, ← previous, P on and off). It lives in the address (`?present`)
 * and follows every navigation, so a bookmark opens it and a reload keeps it.
 */
export function usePresenter() {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const wizard = useWizard();
  const on = new URLSearchParams(search).has(PARAM);

  const setOn = (value: boolean) =>
    navigate({ pathname, search: value ? `?${PARAM}` : '' }, { replace: true });

  // Links inside the app drop the query: put the mark back after each move.
  useEffect(() => {
    if (sessionStorage.getItem(PARAM) === '1' && !new URLSearchParams(search).has(PARAM)) {
      navigate({ pathname, search: `?${PARAM}` }, { replace: true });
    }
  }, [pathname, search, navigate]);
  useEffect(() => {
    if (on) sessionStorage.setItem(PARAM, '1');
  }, [on]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      if (event.key === 'p' || event.key === 'P') {
        if (on) sessionStorage.removeItem(PARAM);
        navigate({ pathname, search: on ? '' : `?${PARAM}` }, { replace: true });
        return;
      }
      if (!on || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      const index = wizard.steps.findIndex((step) => step.path === pathname);
      const target = wizard.steps[index + (event.key === 'ArrowRight' ? 1 : -1)];
      if (index < 0 || !target || !wizard.isOpen(target.id)) return;
      event.preventDefault();
      navigate({ pathname: target.path, search: `?${PARAM}` });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on, pathname, navigate, wizard]);

  return {
    on,
    toggle: () => {
      if (on) sessionStorage.removeItem(PARAM);
      setOn(!on);
    },
  };
}
