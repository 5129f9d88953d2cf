import type { CallbackInput, Exchange } from '@cew/shared';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCallback } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import {
  type Decision,
  forgedState,
  JudgeCallback,
} from '../../features/wizard/components/judge-callback';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { stepUrl } from '../../features/wizard/element';
import { readCallbackLab, setCallbackLab } from '../../features/wizard/lab';
import { useFocusOnSettle } from '../../features/wizard/settle-focus';
import { STEP, useExchanges, useWizard } from '../../features/wizard/steps';

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

/**
 * The provider's redirect to this page, as the browser saw it: the consent page's form was
 * answered with a 302 whose Location is this address. The provider's other headers and its
 * timing are not visible to a page, so the record says so rather than inventing them.
 */
function redirectExchange(
  provider: string,
  consentUrl: string | undefined,
  landedAt: string,
): Exchange {
  return {
    step: 'callback',
    parties: `Browser → ${provider}`,
    method: 'POST',
    url: consentUrl ?? `${provider}'s consent page`,
    requestHeaders: {},
    status: 302,
    responseHeaders: { location: landedAt },
    durationMs: 0,
    startedAt: new Date().toISOString(),
    note: `Recorded by your browser: ${provider}'s consent form was answered with a redirect to this address. Its other headers and its timing are ${provider}'s and not visible to a page.`,
  };
}

/** The consent page, reached from here, brings its result into view (the layout reads this). */
const ARRIVED = { arrival: 'result' };

/** Where the provider sends the browser back. Reads the query once, then hands it to the BFF. */
export default function CallbackRoute() {
  const { element, flow, step } = useWizard();
  const [landing] = useState(() => ({
    query: readCallbackQuery(window.location.search),
    redirect: redirectExchange(element.provider, flow?.oauthUrl, window.location.href),
  }));
  const [lab] = useState(readCallbackLab);
  const held = lab === 'hold';
  const judging = lab === 'judge';
  const [edited, setEdited] = useState<CallbackInput>(landing.query);
  // You be the BFF: the callback as judged (the provider's, or a forged one) and the decision.
  const [forged, setForged] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const judged = forged ? { ...landing.query, state: forged } : landing.query;
  const mutation = useCallback();
  const navigate = useNavigate();
  const sent = useRef(false);
  const toResult = () =>
    navigate(stepUrl(STEP.callback.path, element.key), { replace: true, state: ARRIVED });

  const sendToBff = (query: CallbackInput) => {
    const first = !sent.current;
    sent.current = true;
    setCallbackLab(null);
    mutation.mutate(
      { query, redirect: first ? landing.redirect : undefined },
      // Judging, the verdict is read here first; the person goes on from it.
      { onSuccess: judging ? undefined : toResult },
    );
  };

  useEffect(() => {
    // The verifier must not linger in the address bar, history or a shared screenshot.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    if (sent.current || lab) return;
    sent.current = true;
    mutation.mutate(landing, {
      onSuccess: () =>
        navigate(stepUrl(STEP.callback.path, element.key), { replace: true, state: ARRIVED }),
    });
  }, [landing, mutation, navigate, lab]);

  // The state the BFF sent with the flow's first call, as that exchange showed it to this page.
  const exchanges = useExchanges();
  const sentState =
    exchanges
      .map((e) => (URL.canParse(e.url) ? new URL(e.url).searchParams.get('state') : null))
      .find((state) => state !== null) ?? null;
  const verdict = useRef<HTMLDivElement>(null);
  useFocusOnSettle(mutation.isPending, verdict, '.judge-verdict');

  return (
    <article className="step" aria-labelledby="step-title">
      <p className="step-number">Step {step('callback')?.number} · the callback</p>
      <h2 id="step-title">Back from {element.provider}</h2>
      {held && !mutation.isSuccess && (
        <form
          className="form callback-lab"
          aria-label="The callback, before it is sent"
          onSubmit={(event) => {
            event.preventDefault();
            sendToBff(edited);
          }}
        >
          <p>
            Lab: the callback stopped here, before the browser hands it to the BFF. The BFF accepts
            it only if <code>state</code> is the one it made for this browser
            {element.steps.includes('request-token') && (
              <>
                {' '}
                and <code>oauth_token</code> is this flow's request token
              </>
            )}
            . Change one and send it to see the refusal; a refusal changes nothing, so you can then
            put it back and send it again.
          </p>
          {Object.keys(landing.query).map((key) => (
            <label key={key}>
              <code>{key}</code>
              <input
                value={edited[key as keyof CallbackInput] ?? ''}
                onChange={(event) => setEdited({ ...edited, [key]: event.target.value })}
                spellCheck={false}
              />
            </label>
          ))}
          <p className="actions">
            <button type="submit" className="primary" disabled={mutation.isPending}>
              Send to the BFF
            </button>{' '}
            <button type="button" onClick={() => setEdited(landing.query)}>
              Put back what {element.provider} sent
            </button>
          </p>
        </form>
      )}
      {judging && (
        <div ref={verdict}>
          <JudgeCallback
            element={element}
            flow={flow}
            sentState={sentState}
            query={judged}
            forged={forged !== null}
            onForge={(forge) => setForged(forge ? forgedState(landing.query.state ?? '') : null)}
            decision={decision}
            onDecide={(chosen) => {
              setDecision(chosen);
              sendToBff(judged);
            }}
            bff={
              mutation.isSuccess
                ? { accepted: true }
                : mutation.isError
                  ? { accepted: false, reason: mutation.error.message }
                  : null
            }
            pending={mutation.isPending}
          />
          {mutation.isSuccess && (
            <p className="actions">
              <button type="button" className="primary" onClick={toResult}>
                Go on: the callback's outcome
              </button>
            </p>
          )}
          {mutation.isError && (
            <p className="actions">
              <button
                type="button"
                onClick={() => {
                  // A refused callback changed nothing: judge the real one now.
                  mutation.reset();
                  setForged(null);
                  setDecision(null);
                }}
              >
                Judge again, with what {element.provider} sent
              </button>
            </p>
          )}
        </div>
      )}
      {judging ? null : mutation.isError ? (
        <>
          <ErrorNotice error={mutation.error} step="callback" callbackHeld={held} />
          {!held && <StartOverButton className="primary" />}
        </>
      ) : (
        (!held || mutation.isPending) && (
          <p aria-live="polite">
            <span className="spinner" aria-hidden="true" /> Checking the callback with the BFF…
          </p>
        )
      )}
    </article>
  );
}
