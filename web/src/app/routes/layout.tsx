import { lazy, Suspense, useDeferredValue, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useFlow } from '../../features/wizard/api/flow';
import { SignIn } from '../../features/wizard/components/sign-in';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { scenarioInfo } from '../../features/wizard/scenarios';
import { useWizard } from '../../features/wizard/steps';
import { ApiError } from '../../lib/api-client';

const LearnPanel = lazy(() => import('../../features/learn/components/learn-panel'));

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

/** The frame of every page: title, mode, the steps as a trail, and the current step. */
export default function Layout() {
  const { data: config, isPending: configPending, error: configError } = useConfig();
  const { data: flow, isPending, error } = useFlow();
  const wizard = useWizard();
  const { pathname } = useLocation();

  // Until mode and flow are known, keep index.html's boot view: the page then appears in one
  // piece instead of shifting as each part arrives. The page is rendered as a deferred value:
  // in short interruptible slices rather than one long task when the data lands.
  // Latched: once the page has shown, a refetch (after signing in, say) never brings back the
  // boot view, which would unmount the page and start its queries again.
  const shown = useRef(false);
  shown.current ||= !configPending && (!isPending || error !== null);
  const ready = useDeferredValue(shown.current);
  const mustSignIn = error instanceof ApiError && error.status === 401;
  // The sign-in, the element choice and the comparison stand above any one flow: no step bar,
  // no diagram.
  const overview = mustSignIn || pathname === '/start' || pathname === '/compare';
  if (!ready) {
    return (
      <div className="shell">
        <header className="top">
          <Title />
        </header>
        <p className="boot" aria-live="polite">
          Loading the wizard…
        </p>
      </div>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to the current step
      </a>
      <header className="top">
        <Title />
        <div className="top-actions">
          <Link to="/start">Elements</Link>
          <Link to="/compare">Compare OAuth 1.0a and 2.0</Link>
          <Link to="/timeline">Timeline</Link>
          <Link to="/instances">Your instances</Link>
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
        </div>
      </header>
      {config?.mode === 'sandbox' && (
        <p className="banner">
          Sandbox: a built-in emulator plays Cloud Elements, Twitter and Salesforce. No account is
          needed and nothing leaves this machine.
        </p>
      )}
      {!overview && (
        <nav aria-label="Steps">
          <p className="element-line" data-testid="element">
            {wizard.element.name} ·{' '}
            {wizard.element.authType === 'oauth2' ? 'OAuth 2.0' : 'OAuth 1.0a'}{' '}
            <Link to="/start">change</Link>
          </p>
          <ol className="stepper">
            {wizard.steps.map((step) => {
              const state =
                pathname === step.path ? 'current' : wizard.isDone(step.id) ? 'done' : 'todo';
              return (
                <li key={step.path} className={`stepper-item ${state}`}>
                  {wizard.isOpen(step.id) ? (
                    <NavLink to={step.path} aria-current={state === 'current' ? 'step' : undefined}>
                      <span className="stepper-number">{step.number}</span> {step.short}
                    </NavLink>
                  ) : (
                    <span aria-disabled="true">
                      <span className="stepper-number">{step.number}</span> {step.short}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      <div className="columns">
        <main id="main">
          {mustSignIn ? (
            <SignIn />
          ) : error || configError ? (
            <p className="error-notice" role="alert">
              The wizard's server did not answer: {(error ?? configError)?.message} Is it still
              running? Reload to try again.
            </p>
          ) : (
            <Outlet />
          )}
        </main>
        {!overview && (
          <Suspense fallback={null}>
            <LearnPanel />
          </Suspense>
        )}
      </div>
      <footer className="foot">
        <p>
          Secrets stay in the BFF: values such as <code>&lt;CE_USER_SECRET&gt;</code> mark where one
          was hidden before anything reached this page.
        </p>
      </footer>
    </div>
  );
}
