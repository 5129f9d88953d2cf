import type { Exchange, StepId } from '@cew/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useWizard } from '../steps';
import { ErrorNotice } from './error-notice';
import { ExchangeView } from './exchange-view';

type Action = {
  label: string;
  pendingLabel: string;
  run: () => void;
  pending: boolean;
  disabled?: boolean;
};

type Props = {
  /** Which step this page is; the element shown numbers and titles it. */
  id: StepId;
  /** What is about to happen and why, in a sentence or two. */
  intro: ReactNode;
  /** What will be sent, before it is sent. */
  preview?: ReactNode;
  action?: Action;
  /** The step's latest exchange, as the BFF remembers it. */
  exchange?: Exchange;
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
};

/** The frame every step shares: explanation, preview, one button, the exchange, the result. */
export function StepFrame({
  id,
  intro,
  preview,
  action,
  exchange,
  error,
  result,
  ready = true,
  note,
  behindTheScenes,
}: Props) {
  const wizard = useWizard();
  const step = wizard.step(id);
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
          {wizard.element.name} uses{' '}
          {wizard.element.authType === 'oauth2' ? 'OAuth 2.0' : 'OAuth 1.0a'}, whose flow has no
          such step. <Link to="/">Go to the step you are on</Link>.
        </p>
      ) : !open ? (
        <p className="notice">
          This step needs the earlier ones first. <Link to="/">Go to the step you are on</Link>.
        </p>
      ) : (
        <>
          {preview && (
            <section className="preview" aria-label="What will be sent">
              <h3>What will be sent</h3>
              {preview}
            </section>
          )}
          {action && (
            <p className="actions">
              <button
                type="button"
                className="primary"
                onClick={action.run}
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
              </button>
            </p>
          )}
          {error !== null && error !== undefined && <ErrorNotice error={error} />}
          {result && (
            <section className="result" aria-label="Result">
              {result}
            </section>
          )}
          {note}
          {showExchange && (
            <section aria-label="What happened">
              <h3>The exchange</h3>
              <ExchangeView exchange={exchange} />
            </section>
          )}
          {behindTheScenes}
        </>
      )}
    </article>
  );
}
