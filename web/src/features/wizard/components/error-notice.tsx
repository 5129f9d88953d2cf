import type { StepId } from '@cew/shared';
import { ApiError } from '../../../lib/api-client';
import { adviceFor } from '../advice';
import { useFlow } from '../api/flow';
import { ExchangeView } from './exchange-view';

/** An error, inline where it happened, with what to do about it and the exchange that caused it. */
export function ErrorNotice({
  error,
  step,
  callbackHeld,
}: {
  error: unknown;
  step?: StepId;
  /** The callback lab held the callback: a refusal leaves values to put back, not a restart. */
  callbackHeld?: boolean;
}) {
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const { data: flow } = useFlow();
  const advice = apiError
    ? adviceFor(apiError, step, { scenario: flow?.scenario, callbackHeld })
    : undefined;
  return (
    <div className="error-notice" role="alert" tabIndex={-1}>
      <p className="error-title">
        {apiError && apiError.status > 0 ? `Failed (${apiError.status})` : 'Failed'}: {message}
      </p>
      {apiError?.providerMessage && <p>Provider says: {apiError.providerMessage}</p>}
      {apiError?.requestId && (
        <p className="muted">
          Cloud Elements request id: <code>{apiError.requestId}</code>
        </p>
      )}
      {advice && (
        <p data-testid="advice">
          <strong>What you can do:</strong> {advice}
        </p>
      )}
      {apiError?.exchange && <ExchangeView exchange={apiError.exchange} />}
    </div>
  );
}
