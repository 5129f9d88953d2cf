import { type ElementView, fillTemplate, type Scenario } from '@cew/shared';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Term } from '../../components/term';
import { useConfig } from '../../features/wizard/api/config';
import { useAuthorizeUrl } from '../../features/wizard/api/flow';
import { appParams } from '../../features/wizard/components/app-params';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { FieldsForm } from '../../features/wizard/components/fields-form';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { ScenarioPicker } from '../../features/wizard/components/scenario-picker';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { scenarioInfo } from '../../features/wizard/scenarios';
import { lastExchange, STEP, useExchanges, useWizard } from '../../features/wizard/steps';

/** The hosts the BFF allows the consent page on, with the typed fields filled in. */
const hostsOf = (element: ElementView, fields: Record<string, string>) =>
  (element.consent?.hosts ?? []).map((host) => fillTemplate(host, fields) ?? host).join(' or ');

/** What this call is, for the flow that starts with it and for the one that reaches it second. */
const INTRO: Record<
  'starts' | 'continues',
  (element: ElementView, checks: ReactNode) => ReactNode
> = {
  starts: (element, checks) => (
    <>
      <p>
        OAuth 2.0 has no request token: the flow starts here. Your app asks Cloud Elements for the
        address of {element.provider}'s consent page, with a random{' '}
        <Term id="state">
          <code>state</code>
        </Term>{' '}
        bound to this browser
        {element.fields.length > 0 && (
          <> and the {element.fields.map((f) => f.title.toLowerCase()).join(', ')} you type below</>
        )}
        . Before handing the address to your browser, the <Term id="bff">BFF</Term> checks it:{' '}
        {checks}, this flow's <code>state</code>, and no client secret.
      </p>
      <p className="muted">
        Cloud Elements' own guide shows an address with <code>client_secret=…</code> in it. That
        address goes through the browser, its history and any proxy on the way: a secret there is a
        secret leaked, so the BFF refuses one (try the failure lab).
      </p>
    </>
  ),
  continues: (element, checks) => (
    <p>
      With the request token, your app asks Cloud Elements for the address of {element.provider}'s
      consent page. Before handing it to your browser, the <Term id="bff">BFF</Term> checks it:{' '}
      {checks}, and this flow's token in it, so a tampered reply can't send you somewhere else.
    </p>
  ),
};

export default function AuthorizationUrlStep() {
  const { flow, element, isDone } = useWizard();
  const { data: config } = useConfig();
  const mutation = useAuthorizeUrl();
  const exchanges = useExchanges();
  const [scenario, setScenario] = useState<Scenario>('none');
  const [fields, setFields] = useState<Record<string, string>>(() => flow?.fields ?? {});
  // A flow that starts with this call names the element and brings what the person typed.
  const starts = element.steps[0] === 'authorize-url';
  const done = isDone('authorize-url');
  const failedScenario = mutation.isError ? mutation.variables?.scenario : undefined;
  const sandbox = config?.mode === 'sandbox';
  const hosts = hostsOf(element, fields);
  const checks = sandbox ? (
    <>
      the sandbox's own address (plain http on this machine; in live mode https on {hosts}), the
      consent path
    </>
  ) : (
    <>https on {hosts}, the consent path</>
  );
  const run = () => mutation.mutate(starts ? { element: element.key, fields, scenario } : {});
  return (
    <StepFrame
      id="authorize-url"
      intro={INTRO[starts ? 'starts' : 'continues'](element, checks)}
      preview={
        <>
          {starts && element.fields.length > 0 && (
            <FieldsForm
              id="fields-form"
              element={element}
              values={fields}
              onChange={setFields}
              onSubmit={run}
              disabled={mutation.isPending}
              sandbox={sandbox}
            />
          )}
          <CallPreview
            method="GET"
            url={ceUrl(config, `/elements/${element.key}/oauth/url`)}
            params={[
              ...appParams(config, element),
              ...element.fields
                .filter((field) => field.urlParam)
                .map((field) => ({
                  name: field.urlParam ?? field.key,
                  value: fields[field.key] || '…',
                  note: `Your ${field.title.toLowerCase()}, as you typed it.`,
                })),
              ...(starts
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
        </>
      }
      lab={
        starts &&
        sandbox && (
          <ScenarioPicker
            value={scenario}
            onChange={setScenario}
            disabled={mutation.isPending}
            element={element}
          />
        )
      }
      note={
        failedScenario &&
        scenarioInfo(failedScenario)?.step === 'first' && <ScenarioNote scenario={failedScenario} />
      }
      action={{
        label: done
          ? starts
            ? 'Get a new authorization URL (restarts the flow)'
            : 'Get the authorization URL again'
          : 'Get authorization URL',
        pendingLabel: 'Asking Cloud Elements…',
        run: () =>
          starts && element.fields.length > 0
            ? (document.getElementById('fields-form') as HTMLFormElement | null)?.requestSubmit()
            : run(),
        pending: mutation.isPending,
        disabled: !starts && isDone('callback'),
        restarts: starts && done,
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
