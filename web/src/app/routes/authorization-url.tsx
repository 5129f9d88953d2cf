import type { Scenario } from '@cew/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useAuthorizeUrl, useExchanges } from '../../features/wizard/api/flow';
import { appParams } from '../../features/wizard/components/app-params';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { ScenarioPicker } from '../../features/wizard/components/scenario-picker';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { scenarioInfo } from '../../features/wizard/scenarios';
import { lastExchange, STEP, useWizard } from '../../features/wizard/steps';

export default function AuthorizationUrlStep() {
  const { flow, element, isDone } = useWizard();
  const { data: config } = useConfig();
  const mutation = useAuthorizeUrl();
  const exchanges = useExchanges();
  const [scenario, setScenario] = useState<Scenario>('none');
  const oauth2 = element.authType === 'oauth2';
  const done = isDone('authorize-url');
  const failedScenario = mutation.isError ? mutation.variables?.scenario : undefined;
  const sandboxHost = config?.mode === 'sandbox';
  return (
    <StepFrame
      id="authorize-url"
      intro={
        oauth2 ? (
          <>
            <p>
              OAuth 2.0 has no request token: the flow starts here. Your app asks Cloud Elements for
              the address of {element.provider}'s consent page, with a random <code>state</code>{' '}
              bound to this browser. Before handing the address to your browser, the BFF checks it:
              {sandboxHost
                ? " here the sandbox's own address (plain http on this machine); in live mode https on login.salesforce.com or test.salesforce.com,"
                : ' https on login.salesforce.com or test.salesforce.com,'}{' '}
              the consent path, this flow's <code>state</code>, and no client secret.
            </p>
            <p className="muted">
              Cloud Elements' own guide shows an address with <code>client_secret=…</code> in it.
              That address goes through the browser, its history and any proxy on the way: a secret
              there is a secret leaked, so the BFF refuses one (try the failure lab).
            </p>
          </>
        ) : (
          <p>
            With the request token, your app asks Cloud Elements for the address of Twitter's
            consent page. Before handing it to your browser, the BFF checks it:
            {sandboxHost
              ? " here the sandbox's own address (plain http on this machine); in live mode https on a Twitter host,"
              : ' https on a Twitter host,'}{' '}
            the consent path, and this flow's token in it, so a tampered reply can't send you
            somewhere else.
          </p>
        )
      }
      preview={
        <>
          <CallPreview
            method="GET"
            url={ceUrl(config, `/elements/${element.key}/oauth/url`)}
            params={[
              ...appParams(config, element),
              ...(oauth2
                ? []
                : [
                    {
                      name: 'requestToken',
                      value: flow?.requestToken ?? '…',
                      note: 'The token from step 1.',
                    },
                  ]),
            ]}
          />
          {oauth2 && config?.mode === 'sandbox' && (
            <ScenarioPicker
              value={scenario}
              onChange={setScenario}
              disabled={mutation.isPending}
              element={element.key}
            />
          )}
        </>
      }
      note={
        failedScenario &&
        scenarioInfo(failedScenario)?.step === 'first' && <ScenarioNote scenario={failedScenario} />
      }
      action={{
        label: done
          ? oauth2
            ? 'Get a new authorization URL (restarts the flow)'
            : 'Get the authorization URL again'
          : 'Get authorization URL',
        pendingLabel: 'Asking Cloud Elements…',
        run: () => mutation.mutate(oauth2 ? { element: element.key, scenario } : {}),
        pending: mutation.isPending,
        disabled: !oauth2 && isDone('callback'),
        restarts: oauth2 && done,
      }}
      error={mutation.error}
      exchange={lastExchange(exchanges, 'authorize-url')}
      result={
        done &&
        flow?.oauthUrl && (
          <>
            <p>
              Authorization URL: <code data-testid="oauth-url">{flow.oauthUrl}</code>
            </p>
            <Link className="button primary" to={STEP.callback.path}>
              Next: ask for consent
            </Link>
          </>
        )
      }
    />
  );
}
