import { AUTH_LABEL } from '@cew/shared';
import { Suspense, useDeferredValue, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useElements } from '../../features/wizard/api/elements';
import { useFlow } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { SignIn } from '../../features/wizard/components/sign-in';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { TokenClock } from '../../features/wizard/components/token-clock';
import { stepUrl } from '../../features/wizard/element';
import { usePresenter } from '../../features/wizard/presenter';
import { scenarioInfo } from '../../features/wizard/scenarios';
import { focusAtTop } from '../../features/wizard/settle-focus';
import { useWizardFrame } from '../../features/wizard/steps';
import { ApiError } from '../../lib/api-client';
import { lazyPart } from '../../lib/lazy-part';
import { SANDBOX_NOTE } from '../sandbox-note';

const LearnPanel = lazyPart(
  () => import('../../features/learn/components/learn-panel'),
  'The diagram',
);

/** The product's name and promise; index.html paints the same before the script runs. */
function Title() {
  return (
    <div>
      <h1>Cloud Elements Instance Wizard</h1>
      <p className="tagline">
        Provision a Cloud Elements instance over OAuth, one visible call at a time.
      </p>
    </div>
  );
}

const APP_NAME = 'Cloud Elements Instance Wizard';

/**
 * After each navigation, once the new page's heading is there: the tab's title names the page,
 * and focus moves to the heading, so a keyboard or screen-reader user starts at the new page
 * rather than at the top of the document. The first page load keeps focus where the browser put it.
 */
function useAnnouncePage(pathname: string, ready: boolean, toHeading: boolean) {
  const first = useRef(true);
  useEffect(() => {
    if (!ready) return;
    const main = document.getElementById('main');
    if (!main) return;
    const moveFocus = !first.current;
    first.current = false;
    const announce = () => {
      const heading = main.querySelector<HTMLElement>('h2');
      if (!heading?.textContent) return false;
      document.title = `${heading.textContent} · ${APP_NAME}`;
      // Back from the provider, the step's result is what the person came back for.
      const arrival = main.querySelector<HTMLElement>('[data-arrival]');
      if (arrival) {
        focusAtTop(arrival);
      } else if (moveFocus) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: toHeading });
      }
      // On a projector each step opens at its heading: the step, its button and then its result
      // fill the screen, not the wizard's title and links above them.
      if (!arrival && toHeading) (heading.closest('article') ?? heading).scrollIntoView();
      return true;
    };
    if (announce()) return;
    // The page's code may still be loading: wait for its heading.
    const observer = new MutationObserver(() => {
      if (announce()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, ready, toHeading]);
}

/**
 * index.html's first paint (title, sandbox banner, "Loading the wizard…") stays on screen, outside
 * React, until the first page is ready to replace it in the same frame: the page appears in one
 * piece, and nothing painted first is drawn twice.
 */
function useBootViewGone(gone: boolean) {
  useLayoutEffect(() => {
    if (gone) document.getElementById('boot')?.remove();
  }, [gone]);
}

/**
 * When the page failed while rendering: say so and offer a reload, instead of a blank page.
 */
export function RouteError() {
  useBootViewGone(true);
  return (
    <div className="shell">
      <header className="top">
        <Title />
      </header>
      <div className="error-notice" role="alert">
        <p className="error-title">This page could not be shown.</p>
        <p>
          <strong>What you can do:</strong> check that this device is online and the wizard's server
          is running, then reload. Your flow is kept: it resumes where it was.
        </p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </div>
  );
}

/**
 * The diagram and who-holds-what. Beside the step (1024 px and up) they are drawn at once; on a
 * narrower screen they sit below the step, so they are drawn when the reader scrolls near them:
 * a phone's first screen, and its first tap, do not wait for them.
 */
function LearnBeside() {
  const [wide] = useState(() => window.matchMedia('(min-width: 1024px)').matches);
  const [near, setNear] = useState(false);
  const marker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = marker.current;
    if (wide || near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [wide, near]);
  if (!wide && !near) return <div ref={marker} className="learn-marker" />;
  return (
    <Suspense fallback={null}>
      <LearnPanel />
    </Suspense>
  );
}

/** The frame of every page: title, mode, the steps as a trail, and the current step. */
export default function Layout() {
  const { data: config, isPending: configPending, error: configError } = useConfig();
  const { data: flow, isPending, error } = useFlow();
  const { isPending: elementsPending, error: elementsError } = useElements();
  const wizard = useWizardFrame();
  // Every step link names the element, so a copied link or a reload lands on the same one.
  const stepLink = (path: string) => (wizard.element ? stepUrl(path, wizard.element.key) : path);
  const { pathname } = useLocation();

  // Until mode, flow and the elements offered are known, index.html's boot view stays: the page then appears in one
  // piece instead of shifting as each part arrives. The page is rendered as a deferred value:
  // in short interruptible slices rather than one long task when the data lands.
  // Latched: once the page has shown, a refetch (after signing in, say) never brings back the
  // boot view, which would unmount the page and start its queries again.
  const shown = useRef(false);
  shown.current ||=
    !configPending &&
    (!isPending || error !== null) &&
    (!elementsPending || elementsError !== null);
  const ready = useDeferredValue(shown.current);
  const mustSignIn = error instanceof ApiError && error.status === 401;
  // The sign-in, the element choice and the comparison stand above any one flow: no step bar,
  // no diagram.
  const overview = mustSignIn || ['/start', '/compare', '/glossary', '/handout'].includes(pathname);
  const presenter = usePresenter();
  useAnnouncePage(pathname, ready, presenter.on);
  useBootViewGone(ready);
  if (!ready) return null;
  return (
    <div className={presenter.on ? 'shell presenter' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to the current step
      </a>
      <header className="top">
        <Title />
        <div className="top-actions">
          <Link to="/start">Elements</Link>
          <Link to="/compare">Compare the kinds</Link>
          <Link to="/timeline">Timeline</Link>
          <Link to="/handout">Handout</Link>
          <Link to="/instances">Your instances</Link>
          <Link to="/glossary">Glossary</Link>
          {config && (
            <span className={`mode mode-${config.mode}`} data-testid="mode">
              {config.mode === 'sandbox' ? 'Sandbox mode' : 'Live mode'}
            </span>
          )}
          {flow && flow.scenario !== 'none' && (
            <span className="mode mode-lab" data-testid="scenario-badge">
              Failure lab: {scenarioInfo(flow.scenario)?.label}
            </span>
          )}
          {flow?.done && <StartOverButton />}
          <button
            type="button"
            aria-pressed={presenter.on}
            onClick={presenter.toggle}
            title="P toggles it; → and ← move between steps"
          >
            {presenter.on ? 'Leave presenter mode' : 'Presenter mode'}
          </button>
        </div>
      </header>
      {config?.mode === 'sandbox' && <p className="banner">{SANDBOX_NOTE}</p>}
      {presenter.on && !overview && (
        <p className="presenter-keys muted">
          Presenter mode: <kbd>→</kbd> next step, <kbd>←</kbd> previous, <kbd>P</kbd> to leave.
        </p>
      )}
      {!overview && wizard.element && (
        <nav aria-label="Steps">
          <p className="element-line" data-testid="element">
            {wizard.element.name} · {AUTH_LABEL[wizard.element.authType]}{' '}
            <Link to="/start">change</Link>
          </p>
          <ol className="stepper">
            {wizard.steps.map((step) => {
              const state =
                pathname === step.path ? 'current' : wizard.isDone(step.id) ? 'done' : 'todo';
              return (
                <li key={step.path} className={`stepper-item ${state}`}>
                  {wizard.isOpen(step.id) ? (
                    <NavLink
                      to={stepLink(step.path)}
                      aria-current={state === 'current' ? 'step' : undefined}
                    >
                      <span className="stepper-number">{step.number}</span>{' '}
                      <span className="stepper-label">{step.short}</span>
                    </NavLink>
                  ) : (
                    <span aria-disabled="true">
                      <span className="stepper-number">{step.number}</span>{' '}
                      <span className="stepper-label">{step.short}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <TokenClock />
        </nav>
      )}
      {/* The pages above any one flow have no diagram beside them: their content takes the width. */}
      <div className={overview ? 'columns columns-single' : 'columns'}>
        <main id="main">
          {mustSignIn ? (
            <SignIn />
          ) : (error && !flow) || (configError && !config) || (elementsError && !wizard.element) ? (
            // Only when there is nothing to show: a failed refresh (offline, say) keeps the page,
            // and the step's own error says what happened.
            <ErrorNotice error={error ?? configError ?? elementsError} />
          ) : elementsPending ? (
            // The list is loading again (just after signing in, it was refused before): every
            // page below names an element, so it waits for the list instead of failing.
            <p className="muted" role="status">
              Loading the elements…
            </p>
          ) : (
            <Outlet />
          )}
        </main>
        {!overview && <LearnBeside />}
      </div>
      <footer className="foot">
        <p>
          Secrets stay with the <Link to="/glossary#bff">BFF</Link> (the server beside this page,
          and the cookie it seals): values such as <code>&lt;CE_USER_SECRET&gt;</code> mark where
          one was hidden before anything reached this page. <Link to="/glossary">Glossary</Link>.
        </p>
      </footer>
    </div>
  );
}
