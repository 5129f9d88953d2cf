import { AUTH_LABEL, type Exchange, type StepId } from '@cew/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Term } from '../../../components/term';
import { ApiError } from '../../../lib/api-client';
import { InfoIcon } from '../../inspector/components/field-note';
import { useConfig } from '../api/config';
import { useIsPresenter } from '../presenter';
import { useFocusOnSettle } from '../settle-focus';
import { useWizard } from '../steps';
import { ElementCheck } from './element-check';
import { ErrorNotice } from './error-notice';
import { ExchangeView } from './exchange-view';

type Action = {
  label: string;
  pendingLabel: string;
  run: () => void;
  pending: boolean;
  disabled?: boolean;
  /**
   * Running it again starts a new flow, forgetting this one (and any instance token it holds):
   * it is then a secondary button after the result, and asks before it acts.
   */
  restarts?: boolean;
};

/** A step's one button; one that restarts the flow asks first, in place. */
function ActionButton({ action }: { action: Action }) {
  const [confirming, setConfirming] = useState(false);
  if (action.restarts && confirming && !action.pending) {
    return (
      <section className="restart-confirm" aria-label="Start a new flow?">
        <p>
          This starts a new flow. The current one is forgotten: its tokens, its exchanges and, if it
          got that far, its instance token (the instance itself stays in Cloud Elements).
        </p>
        <p className="actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              action.run();
            }}
          >
            Yes, start a new flow
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep this flow
          </button>
        </p>
      </section>
    );
  }
  return (
    <p className="actions">
      <button
        type="button"
        className={action.restarts ? undefined : 'primary'}
        onClick={action.restarts ? () => setConfirming(true) : action.run}
        disabled={action.pending || action.disabled}
        aria-busy={action.pending}
      >
        {action.pending ? (
          <>
            <span className="spinner" aria-hidden="true" /> {action.pendingLabel}
          </>
        ) : (
          action.label
        )}
      </button>{' '}
      {action.pending && <PendingClock />}
    </p>
  );
}

type Props = {
  /** Which step this page is; the element shown numbers and titles it. */
  id: StepId;
  /** What is about to happen and why, in a sentence or two. */
  intro: ReactNode;
  /** What will be sent, before it is sent. */
  preview?: ReactNode;
  /** The preview's heading, where the step sends nothing itself. */
  previewTitle?: string;
  action?: Action;
  /** The step's latest exchange, as its reply brought it. */
  exchange?: Exchange;
  /**
   * What the browser saw before that call in the same attempt (step 3: the provider's redirect,
   * and any callback refused meanwhile), shown first, in order.
   */
  earlier?: Exchange[];
  error?: unknown;
  /** What the step produced, shown once it succeeded. */
  result?: ReactNode;
  /**
   * Anything else this step needs besides the earlier steps being done (the flow decides those);
   * until both hold, the page links to the step to do first.
   */
  ready?: boolean;
  /** An explanation shown under the outcome (the failure lab's). */
  note?: ReactNode;
  /** Shown after the exchange: what happened behind it (the sandbox's hidden leg). */
  behindTheScenes?: ReactNode;
  /**
   * The failure lab's scenario picker, on a flow's first step: with the preview before the first
   * call, and after it beside the restarting button (a new scenario starts a new flow, which that
   * button asks about first), so it stays reachable.
   */
  lab?: ReactNode;
};

/**
 * While a call runs: how long it has taken, and how long the BFF will wait for Cloud Elements,
 * so a slow call reads as slow rather than stuck.
 */
function PendingClock() {
  const { data: config } = useConfig();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, []);
  if (seconds < 1) return null;
  const limit = config ? Math.round(config.upstreamTimeoutMs / 1000) : undefined;
  return (
    <span className="muted pending-clock" data-testid="pending-clock">
      {seconds} s{limit !== undefined && ` — the BFF waits up to ${limit} s for Cloud Elements`}
    </span>
  );
}

/** The frame every step shares: explanation, preview, one button, the exchange, the result. */
export function StepFrame({
  id,
  intro,
  preview,
  previewTitle = 'What will be sent',
  action,
  exchange,
  earlier = [],
  error,
  result,
  ready = true,
  note,
  behindTheScenes,
  lab,
}: Props) {
  const wizard = useWizard();
  const { data: config } = useConfig();
  const presenter = useIsPresenter();
  // Arrived from the callback (back from the provider): the layout focuses the result.
  const arrival = (useLocation().state as { arrival?: string } | null)?.arrival === 'result';
  const step = wizard.step(id);
  // When the step's call settles, focus moves to what it brought: the result or the failure.
  const outcome = useRef<HTMLDivElement>(null);
  useFocusOnSettle(action?.pending ?? false, outcome, '.error-notice, .result');
  const open = ready && wizard.isOpen(id);
  const errorExchange = error instanceof ApiError ? error.exchange : undefined;
  // A failure brings its own exchange; don't show the same one twice.
  const showExchange = exchange && exchange.startedAt !== errorExchange?.startedAt;
  return (
    <article className="step" aria-labelledby="step-title">
      <p className="step-number">
        {step ? `Step ${step.number} of ${wizard.steps.length}` : wizard.element.name}
      </p>
      <h2 id="step-title" tabIndex={-1}>
        {step?.title ?? `${wizard.element.name} has no such step`}
      </h2>
      <div className="intro">{intro}</div>
      {!step ? (
        <p className="notice">
          {wizard.element.name} uses {AUTH_LABEL[wizard.element.authType]}, whose flow has no such
          step. <Link to="/">Go to the step you are on</Link>.
        </p>
      ) : !open ? (
        <p className="notice">
          This step needs the earlier ones first. <Link to="/">Go to the step you are on</Link>.
        </p>
      ) : (
        <>
          {config?.mode === 'live' && wizard.steps[0]?.id === id && (
            <ElementCheck element={wizard.element} />
          )}
          {/* On a projector the button comes first, so it and then its result are on the first
              screen; the preview follows it until the call is made. */}
          {presenter && action && !action.restarts && <ActionButton action={action} />}
          {/* Once sent, the exchange below shows what was sent: the preview would say it twice. */}
          {preview && !wizard.isDone(id) && (
            <section className="preview" aria-label={previewTitle}>
              <h3>{previewTitle}</h3>
              {preview}
              {!presenter && lab}
            </section>
          )}
          {!presenter && action && !action.restarts && <ActionButton action={action} />}
          {/* On a projector the lab comes after the button, which stays on the first screen. */}
          {presenter && !wizard.isDone(id) && lab}
          <div ref={outcome}>
            {error !== null && error !== undefined && <ErrorNotice error={error} step={id} />}
            {result && (
              <section
                className="result"
                aria-label="Result"
                tabIndex={-1}
                data-arrival={arrival ? '' : undefined}
              >
                {result}
              </section>
            )}
          </div>
          {action?.restarts && (
            <>
              {wizard.isDone(id) && lab}
              <ActionButton action={action} />
            </>
          )}
          {note}
          {showExchange && (
            <section aria-label="What happened">
              <h3>{earlier.length > 0 ? 'The exchanges' : 'The exchange'}</h3>
              <p className="muted exchange-note">
                <Term id="exchange-card">How to read a card</Term>: its badge, its time, a field's{' '}
                <InfoIcon /> note and the highlights.
              </p>
              {earlier.map((hop) => (
                <ExchangeView key={hop.startedAt + hop.status} exchange={hop} />
              ))}
              <ExchangeView exchange={exchange} />
            </section>
          )}
          {behindTheScenes}
        </>
      )}
    </article>
  );
}
