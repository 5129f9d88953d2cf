import { ApiError } from '../../../lib/api-client';
import { ExchangeView } from './exchange-view';

/** What a person can do about each kind of failure. */
const ADVICE: Record<string, string> = {
  upstream_timeout: 'Wait a moment and press the button again.',
  upstream_unreachable: 'Check that Cloud Elements (or the sandbox) is reachable, then try again.',
  upstream_error:
    'Read Cloud Elements’ message above; fix what it names, or start over for a fresh token.',
  upstream_bad_reply:
    'The exchange below shows what came back. Check CE_BASE_URL points at Cloud Elements.',
  unsafe_oauth_url:
    'The wizard refused to send you to that address. Check CE_BASE_URL and OAUTH_ALLOWED_HOSTS.',
  callback_mismatch: 'Start over and complete the consent in this same browser.',
  out_of_order: 'Start over to run the flow from step 1.',
  network: 'Check that the wizard is still running (pnpm start), then reload.',
};

/** An error, inline where it happened, with the exchange that caused it. */
export function ErrorNotice({ error }: { error: unknown }) {
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const advice = apiError ? ADVICE[apiError.code] : undefined;
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">
        {apiError && apiError.status > 0 ? `Failed (${apiError.status})` : 'Failed'}: {message}
      </p>
      {apiError?.providerMessage && <p>Provider says: {apiError.providerMessage}</p>}
      {apiError?.requestId && (
        <p className="muted">
          Cloud Elements request id: <code>{apiError.requestId}</code>
        </p>
      )}
      {advice && <p>What you can do: {advice}</p>}
      {apiError?.exchange && <ExchangeView exchange={apiError.exchange} />}
    </div>
  );
}
