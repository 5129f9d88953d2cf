import { type CallbackInput, KINDS } from '@cew/shared';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useCallback } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { TamperLab } from '../../features/wizard/components/tamper-lab';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
import { type CallbackLab, readCallbackLab, setCallbackLab } from '../../features/wizard/lab';
import {
  lastAnswered,
  lastCallback,
  STEP,
  useExchanges,
  useWizard,
} from '../../features/wizard/steps';

export default function ConsentStep() {
  const { flow, element, isDone } = useWizard();
  const { data: config } = useConfig();
  const [leaving, setLeaving] = useState(false);
  const [lab, setLab] = useState(readCallbackLab);
  const replay = useCallback();
  const exchanges = useExchanges();
  // What the browser sent the BFF in the accepted callback: what a replay sends again.
  const accepted = lastAnswered(exchanges, 'callback')?.requestBody as CallbackInput | undefined;
  const called = isDone('callback');
  const oauthUrl = flow?.oauthUrl;
  const callback = KINDS[element.authType].callback;
  // The request token travels with the person only in OAuth 1.0a: the callback must bring it.
  const bindsToken = element.steps.includes('request-token');
  const provider =
    config?.mode === 'sandbox' ? `the sandbox's ${element.provider}` : element.provider;
  const refuse = element.consent?.deny ?? 'Cancel';
  const grantName = callback?.grantName ?? 'grant';
  // What happens when the provider sends the browser back: straight to the BFF, or a lab first.
  const labs: { value: CallbackLab | null; text: ReactNode }[] = [
    { value: null, text: 'No lab: the browser hands the callback straight to the BFF' },
    {
      value: 'judge',
      text: "Lab: you be the BFF, and decide whether the callback is this browser's before the BFF checks",
    },
    ...(config?.mode === 'sandbox'
      ? [
          {
            value: 'hold' as const,
            text: (
              <>
                Lab: stop at the callback, so I can change <code>state</code>
                {bindsToken && (
                  <>
                    {' '}
                    or <code>oauth_token</code>
                  </>
                )}{' '}
                before it is sent
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <StepFrame
      id="callback"
      intro={<StepIntro id="callback" element={element} />}
      preview={
        !called &&
        oauthUrl && (
          <>
            <p>
              Your browser will go to <code data-testid="consent-url">{oauthUrl}</code>
            </p>
            {flow?.scenario === 'cancel' && (
              <p className="notice">Failure lab: press {refuse} on the consent page.</p>
            )}
            <fieldset className="callback-labs">
              <legend>At the callback</legend>
              {labs.map(({ value, text }) => (
                <label key={value ?? 'none'} className="form-check">
                  <input
                    type="radio"
                    name="callback-lab"
                    checked={lab === value}
                    onChange={() => {
                      setLab(value);
                      setCallbackLab(value);
                    }}
                  />{' '}
                  {text}
                </label>
              ))}
            </fieldset>
          </>
        )
      }
      action={
        called || !oauthUrl
          ? undefined
          : {
              label: `Open ${provider}'s consent page`,
              pendingLabel: `Leaving for ${element.provider}…`,
              run: () => {
                setLeaving(true);
                window.location.assign(oauthUrl);
              },
              pending: leaving,
            }
      }
      {...lastCallback(exchanges)}
      behindTheScenes={
        config?.mode === 'sandbox' &&
        called &&
        flow?.outcome === 'authorized' &&
        !isDone('create-instance') && (
          <>
            <section className="tamper-lab" aria-labelledby="replay-title">
              <h3 id="replay-title">Replay lab: send the same callback again (sandbox only)</h3>
              <p className="muted">
                An attacker who copied the callback address, or a browser that resends it, would
                send it a second time. The BFF accepts a callback once.
              </p>
              <p className="actions">
                <button
                  type="button"
                  disabled={replay.isPending || !accepted}
                  onClick={() => accepted && replay.mutate({ query: accepted })}
                >
                  Replay this callback
                </button>
              </p>
              {replay.isError && <ErrorNotice error={replay.error} step="callback" />}
            </section>
            {bindsToken && (
              <TamperLab
                changes={['verifier']}
                intro={`The BFF now holds the verifier ${element.provider} issued, sealed in the flow cookie. Before the next step uses it, send ${element.provider} the access token request with the verifier changed by one character.`}
              />
            )}
          </>
        )
      }
      result={
        called &&
        (flow?.outcome === 'denied' ? (
          <div className="denied" data-testid="denied">
            <p>
              <strong>Access was denied.</strong> You pressed {refuse} on the consent page, so{' '}
              {element.provider} sent <code>{callback?.refused}</code> instead of a {grantName}.
              This flow can never become an instance; no instance was created.
            </p>
            {flow.scenario === 'cancel' && <ScenarioNote scenario="cancel" />}
            <p>A real app should say so and offer to try again, as here:</p>
            <StartOverButton className="primary" />
          </div>
        ) : (
          <>
            <p>
              <strong>Access granted.</strong> The callback matched this flow; the BFF has sealed
              the {grantName} into the flow cookie, for the next step.
            </p>
            <Link
              className="button primary"
              to={stepUrl(STEP['create-instance'].path, element.key)}
            >
              Next: create the instance
            </Link>
          </>
        ))
      }
    />
  );
}
