import type { CallbackInput } from '@cew/shared';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCallback } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { STEP } from '../../features/wizard/steps';

/** What a provider may send back: OAuth 1.0a's token and verifier or denial, OAuth 2.0's code or error. */
const CALLBACK_KEYS = [
  'oauth_token',
  'oauth_verifier',
  'denied',
  'code',
  'error',
  'error_description',
  'state',
] as const;

function readCallbackQuery(search: string): CallbackInput {
  const query = new URLSearchParams(search);
  const input: CallbackInput = {};
  for (const key of CALLBACK_KEYS) {
    const value = query.get(key);
    if (value) input[key] = value;
  }
  return input;
}

/** Where the provider sends the browser back. Reads the query once, then hands it to the BFF. */
export default function CallbackRoute() {
  const [input] = useState(() => readCallbackQuery(window.location.search));
  const mutation = useCallback();
  const navigate = useNavigate();
  const sent = useRef(false);

  useEffect(() => {
    // The verifier must not linger in the address bar, history or a shared screenshot.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    if (sent.current) return;
    sent.current = true;
    mutation.mutate(input, { onSuccess: () => navigate(STEP.callback.path, { replace: true }) });
  }, [input, mutation, navigate]);

  return (
    <article className="step" aria-labelledby="step-title">
      <p className="step-number">Step 3 · the callback</p>
      <h2 id="step-title">Back from Twitter</h2>
      {mutation.isError ? (
        <>
          <ErrorNotice error={mutation.error} />
          <StartOverButton className="primary" />
        </>
      ) : (
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Checking the callback with the BFF…
        </p>
      )}
    </article>
  );
}
