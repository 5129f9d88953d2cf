import type { Scenario } from '@cew/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useAuthorizeUrl } from '../../features/wizard/api/flow';
import { appParams } from '../../features/wizard/components/app-params';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { FieldsForm } from '../../features/wizard/components/fields-form';
import { FirstStepNote } from '../../features/wizard/components/scenario-note';
import { ScenarioPicker } from '../../features/wizard/components/scenario-picker';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
import { lastExchange, STEP, useExchanges, useWizard } from '../../features/wizard/steps';

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
  const leaveLab = () => {
    setScenario('none');
    mutation.reset();
  };
  const sandbox = config?.mode === 'sandbox';
  const run = () => mutation.mutate(starts ? { element: element.key, fields, scenario } : {});
  return (
    <StepFrame
      id="authorize-url"
      intro={<StepIntro id="authorize-url" element={element} fields={fields} />}
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
      note={<FirstStepNote failed={failedScenario} onLeave={leaveLab} />}
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
            <Link className="button primary" to={stepUrl(STEP.callback.path, element.key)}>
              Next: ask for consent
            </Link>
          </>
        )
      }
    />
  );
}
