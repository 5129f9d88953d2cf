import { fieldMarker, firstCall, type InstanceSettings, KINDS, type Scenario } from '@cew/shared';
import { INSTANCE_NAME_MAX, TAG_MAX } from '@cew/shared/limits';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useCreateInstance } from '../../features/wizard/api/flow';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { InstanceSettingsForm } from '../../features/wizard/components/instance-settings-form';
import { ProviderLegs } from '../../features/wizard/components/provider-leg-view';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { ScenarioPicker } from '../../features/wizard/components/scenario-picker';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
import { scenarioInfo } from '../../features/wizard/scenarios';
import {
  lastAnswered,
  lastExchange,
  STEP,
  useExchanges,
  useWizard,
} from '../../features/wizard/steps';
import { forgetTypedFields, typedFieldsOf } from '../../features/wizard/typed-fields';

const parseTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

export default function CreateInstanceStep() {
  const { flow, element, isDone } = useWizard();
  const { data: config } = useConfig();
  const mutation = useCreateInstance();
  const [name, setName] = useState(
    () => `${element.key}-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`,
  );
  const [tags, setTags] = useState('wizard');
  const [settings, setSettings] = useState<InstanceSettings>({});
  const hasSettings = Object.keys(settings).length > 0;
  const nameId = useId();
  const tagsId = useId();
  const exchanges = useExchanges();
  const done = isDone('create-instance');
  const last = lastExchange(exchanges, 'create-instance');
  const failed = mutation.isError || (last?.status ?? 200) >= 300 || last?.status === null;
  // A flow that starts with this call (your own key) names the element and carries the fields
  // typed on the step before, from this page's memory; the others go on with the flow.
  const starts = firstCall(element.authType) === 'create-instance';
  const [chosen, setChosen] = useState<Scenario>('none');
  const typed = starts ? typedFieldsOf(element.key) : {};
  const missingFields = starts && element.fields.some((f) => f.required && !typed[f.key]);
  const scenario = starts ? (mutation.variables?.scenario ?? chosen) : (flow?.scenario ?? 'none');
  const noteStep = scenarioInfo(scenario)?.step;
  const showNote = failed && (noteStep === 'create-instance' || (starts && noteStep === 'first'));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(
      {
        name: name.trim(),
        tags: parseTags(tags),
        settings: hasSettings ? settings : undefined,
        ...(starts ? { element: element.key, fields: typed, scenario: chosen } : {}),
      },
      { onSuccess: () => forgetTypedFields(element.key) },
    );
  }

  const kind = KINDS[element.authType];
  // The body as the BFF will send it, built by the same rules: the kind's providerData and app
  // configuration, the fields typed (a secret one as its marker), the settings, and every tag.
  // The verifier or code shows as everywhere else: in clear, as the callback brought it to this
  // page (the BFF keeps it sealed, but it is no secret from the browser that carried it).
  const callback = lastAnswered(exchanges, 'callback')?.requestBody as
    | Record<string, unknown>
    | undefined;
  const grant = kind.callback && callback?.[kind.callback.grantParam];
  const providerData = kind.providerData({
    authType: element.authType,
    requestToken: flow?.requestToken ?? '…',
    tokenSecret: '<REQUEST_TOKEN_SECRET>',
    grant: typeof grant === 'string' ? grant : '…',
  });
  const appEntries: Record<string, string> = {
    'oauth.api.key': element.markers.apiKey ?? element.apiKey ?? element.apiKeyMasked ?? '…',
    'oauth.api.secret': element.markers.apiSecret ?? '…',
    'oauth.callback.url': config?.callbackUrl ?? '…',
  };
  const fieldValues = starts ? typed : (flow?.fields ?? {});
  const body = {
    element: { key: element.key },
    ...(providerData ? { providerData } : {}),
    configuration: {
      ...Object.fromEntries(kind.appConfiguration.map((key) => [key, appEntries[key] ?? '…'])),
      ...Object.fromEntries(
        element.fields.map((field) => [
          field.key,
          field.secret ? fieldMarker(element, field) : (fieldValues[field.key] ?? '…'),
        ]),
      ),
      ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
    },
    // As the BFF sends them: yours, this browser's own tag (sealed in a cookie, so shown here as a
    // placeholder), and the wizard's.
    tags: [
      ...new Set([
        ...parseTags(tags),
        '<this browser’s learner-… tag>',
        ...(config ? [config.instanceTag] : []),
      ]),
    ],
    name: name.trim(),
  };

  return (
    <StepFrame
      id="create-instance"
      intro={<StepIntro id="create-instance" element={element} />}
      preview={
        <>
          {missingFields && (
            <p className="notice" role="alert">
              Type your {element.provider} credentials first: they are sent with this step, and this
              page forgets them on a reload.{' '}
              <Link to={stepUrl(STEP.credentials.path, element.key)}>Go to your credentials</Link>.
            </p>
          )}
          <form id="instance-form" className="form" onSubmit={submit}>
            <label htmlFor={nameId}>Instance name</label>
            <input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={INSTANCE_NAME_MAX}
              disabled={done}
            />
            <label htmlFor={tagsId}>Tags (comma-separated, optional)</label>
            <input
              id={tagsId}
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              maxLength={TAG_MAX * 10}
              disabled={done}
            />
            <InstanceSettingsForm value={settings} onChange={setSettings} disabled={done} />
          </form>
          <CallPreview
            method="POST"
            url={ceUrl(config, '/instances')}
            headers={[
              {
                name: 'Authorization',
                value: 'User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>',
                note: 'Your Cloud Elements secrets, added by the BFF.',
              },
            ]}
            body={body}
          />
          {starts && config?.mode === 'sandbox' && (
            <ScenarioPicker
              value={chosen}
              onChange={setChosen}
              disabled={mutation.isPending}
              element={element}
            />
          )}
        </>
      }
      action={{
        label: 'Create instance',
        pendingLabel: 'Creating the instance…',
        run: () =>
          (document.getElementById('instance-form') as HTMLFormElement | null)?.requestSubmit(),
        pending: mutation.isPending,
        disabled: done || missingFields,
      }}
      error={mutation.error}
      exchange={last}
      note={showNote && <ScenarioNote scenario={scenario} />}
      behindTheScenes={kind.instanceLeg && <ProviderLegs name={kind.instanceLeg} />}
      result={
        done && (
          <>
            <p>
              <strong>Instance “{flow?.instanceName}” created.</strong>
            </p>
            <Link className="button primary" to={stepUrl(STEP['instance-token'].path, element.key)}>
              Next: see your instance token
            </Link>
          </>
        )
      }
    />
  );
}
