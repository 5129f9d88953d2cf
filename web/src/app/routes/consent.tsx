import { useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useExchanges, useFlow } from '../../features/wizard/api/flow';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { isDone, lastExchange, STEP } from '../../features/wizard/steps';

const step = STEP.callback;

export default function ConsentStep() {
  const { data: flow } = useFlow();
  const { data: config } = useConfig();
  const [leaving, setLeaving] = useState(false);
  const exchanges = useExchanges();
  const called = isDone(flow, 'callback');
  const oauthUrl = flow?.oauthUrl;
  const provider = config?.mode === 'sandbox' ? "the sandbox's Twitter" : 'Twitter';
  return (
    <StepFrame
      step={step}
      intro={
        <>
          <p>
            Now the owner of the Twitter account decides. Your browser leaves the wizard for{' '}
            {provider}'s consent page. Press <strong>Authorize app</strong> and Twitter sends you
            back to the callback URL with <code>oauth_token</code> and <code>oauth_verifier</code>.
            Press <strong>Cancel</strong> and it sends <code>denied</code> instead.
          </p>
          <p>
            Back here, the BFF accepts the callback only if its token and <code>state</code> match
            this browser's flow, and only once. The verifier is then removed from the address bar.
          </p>
        </>
      }
      preview={
        !called &&
        oauthUrl && (
          <>
            <p>
              Your browser will go to <code data-testid="consent-url">{oauthUrl}</code>
            </p>
            {flow?.scenario === 'cancel' && (
              <p className="notice">Failure lab: press Cancel on the consent page.</p>
            )}
          </>
        )
      }
      action={
        called || !oauthUrl
          ? undefined
          : {
              label: `Open ${provider}'s consent page`,
              pendingLabel: 'Leaving for Twitter…',
              run: () => {
                setLeaving(true);
                window.location.assign(oauthUrl);
              },
              pending: leaving,
            }
      }
      exchange={lastExchange(exchanges, 'callback')}
      result={
        called &&
        (flow?.outcome === 'denied' ? (
          <div className="denied" data-testid="denied">
            <p>
              <strong>Access was denied.</strong> You pressed Cancel on the consent page, so Twitter
              sent <code>denied</code> instead of a verifier. This request token can never become an
              instance; no instance was created.
            </p>
            {flow.scenario === 'cancel' && <ScenarioNote scenario="cancel" />}
            <p>A real app should say so and offer to try again, as here:</p>
            <StartOverButton className="primary" />
          </div>
        ) : (
          <>
            <p>
              <strong>Access granted.</strong> The callback matched this flow; the BFF now holds the
              verifier with the token secret.
            </p>
            <Link className="button primary" to={STEP['create-instance'].path}>
              Next: create the instance
            </Link>
          </>
        ))
      }
    />
  );
}
