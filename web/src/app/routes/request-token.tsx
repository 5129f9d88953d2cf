import type { Scenario } from '@cew/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useRequestToken } from '../../features/wizard/api/flow';
import { appParams } from '../../features/wizard/components/app-params';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { ProviderLegs } from '../../features/wizard/components/provider-leg-view';
import { FirstStepNote } from '../../features/wizard/components/scenario-note';
import { ScenarioPicker } from '../../features/wizard/components/scenario-picker';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { TamperLab } from '../../features/wizard/components/tamper-lab';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
import { focusAtTop } from '../../features/wizard/settle-focus';
import { lastExchange, STEP, useExchanges, useWizard } from '../../features/wizard/steps';

/** To the tampering lab, far down the step: its heading on screen and focused. */
const toLab = () => {
  const heading = document.getElementById('tamper-title');
  if (heading) focusAtTop(heading);
};

export default function RequestTokenStep() {
  const { flow, element, isDone } = useWizard();
  const { data: config } = useConfig();
  const mutation = useRequestToken();
  const [scenario, setScenario] = useState<Scenario>('none');
  const exchanges = useExchanges();
  const done = isDone('request-token');
  const failedScenario = mutation.isError ? mutation.variables?.scenario : undefined;
  const leaveLab = () => {
    setScenario('none');
    mutation.reset();
  };
  return (
    <StepFrame
      id="request-token"
      intro={<StepIntro id="request-token" element={element} />}
      preview={
        <CallPreview
          method="GET"
          url={ceUrl(config, `/elements/${element.key}/oauth/token`)}
          params={appParams(config, element)}
        />
      }
      lab={
        config?.mode === 'sandbox' && (
          <ScenarioPicker
            value={scenario}
            onChange={setScenario}
            disabled={mutation.isPending}
            element={element}
          />
        )
      }
      note={<FirstStepNote failed={failedScenario} onLeave={leaveLab} />}
      behindTheScenes={
        <>
          <ProviderLegs name="request_token" />
          {config?.mode === 'sandbox' && done && (
            <TamperLab
              changes={['signature', 'timestamp', 'nonce']}
              intro={`Cloud Elements signed step 1's call to ${element.provider} as shown above. Send ${element.provider} a fresh, signed copy with one input changed, and see which check refuses it.`}
            />
          )}
        </>
      }
      action={{
        label: done ? 'Get a new request token (restarts the flow)' : 'Get request token',
        pendingLabel: 'Asking Cloud Elements…',
        run: () => mutation.mutate({ element: element.key, scenario }),
        pending: mutation.isPending,
        restarts: done,
      }}
      error={mutation.error}
      exchange={lastExchange(exchanges, 'request-token')}
      result={
        done &&
        flow?.requestToken && (
          <>
            <p>
              Request token: <code data-testid="request-token">{flow.requestToken}</code>
            </p>
            <p className="muted">
              Its secret is shown as <code>&lt;REQUEST_TOKEN_SECRET&gt;</code>. The BFF seals it
              into the flow cookie, encrypted with a key only the BFF has: your browser carries that
              sealed blob back on each call but cannot read it. The BFF sends the secret on only in
              step 4.
            </p>
            {config?.mode === 'sandbox' && (
              <p>
                Lab on this step:{' '}
                <button type="button" onClick={toLab}>
                  Go to the tampering lab ↓
                </button>{' '}
                (change one input of the signed request and see which check refuses it).
              </p>
            )}
            <Link className="button primary" to={stepUrl(STEP['authorize-url'].path, element.key)}>
              Next: get the authorization URL
            </Link>
          </>
        )
      }
    />
  );
}
