import type { InstanceSettings } from '@cew/shared';
import { INSTANCE_NAME_MAX, TAG_MAX } from '@cew/shared/limits';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useCreateInstance, useExchanges } from '../../features/wizard/api/flow';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { InstanceSettingsForm } from '../../features/wizard/components/instance-settings-form';
import { ProviderLegs } from '../../features/wizard/components/provider-leg-view';
import { ScenarioNote } from '../../features/wizard/components/scenario-note';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { scenarioInfo } from '../../features/wizard/scenarios';
import { lastExchange, STEP, useWizard } from '../../features/wizard/steps';

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
  const scenario = flow?.scenario ?? 'none';
  const showNote = failed && scenarioInfo(scenario)?.step === 'create-instance';

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({
      name: name.trim(),
      tags: parseTags(tags),
      settings: hasSettings ? settings : undefined,
    });
  }

  const oauth2 = element.authType === 'oauth2';
  const body = {
    element: { key: element.key },
    providerData: oauth2
      ? { code: '<from the callback, held by the BFF>' }
      : {
          oauth_token: flow?.requestToken ?? '…',
          oauth_verifier: '<from the callback, held by the BFF>',
          secret: '<REQUEST_TOKEN_SECRET>',
        },
    configuration: {
      'oauth.api.key': oauth2 ? '<your client id>' : '<TWITTER_API_KEY>',
      'oauth.api.secret': oauth2 ? '<SALESFORCE_CLIENT_SECRET>' : '<TWITTER_API_SECRET>',
      'oauth.callback.url': config?.callbackUrl ?? '…',
      ...Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
    },
    tags: parseTags(tags),
    name: name.trim(),
  };

  return (
    <StepFrame
      id="create-instance"
      intro={
        oauth2 ? (
          <p>
            Your app trades the <strong>code</strong> for an <strong>instance</strong>. It sends
            your Cloud Elements user and organization secrets, the code, and the app's configuration
            with its client secret. Cloud Elements trades the code at Salesforce's token endpoint
            (with the client id, the client secret and the same redirect URI) for an access token
            and a refresh token, stores them in the new instance, and returns the instance's token.
          </p>
        ) : (
          <p>
            Your app trades the authorized request token for an <strong>instance</strong>. It sends
            your Cloud Elements user and organization secrets, the token with its verifier and
            secret, and the app's configuration. Cloud Elements exchanges them with Twitter for an
            access token, stores it in the new instance, and returns the instance's token.
          </p>
        )
      }
      preview={
        <>
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
        </>
      }
      action={{
        label: 'Create instance',
        pendingLabel: 'Creating the instance…',
        run: () =>
          (document.getElementById('instance-form') as HTMLFormElement | null)?.requestSubmit(),
        pending: mutation.isPending,
        disabled: done,
      }}
      error={mutation.error}
      exchange={last}
      note={showNote && <ScenarioNote scenario={scenario} />}
      behindTheScenes={<ProviderLegs name={oauth2 ? 'token' : 'access_token'} />}
      result={
        done && (
          <>
            <p>
              <strong>Instance “{flow?.instanceName}” created.</strong>
            </p>
            <Link className="button primary" to={STEP['instance-token'].path}>
              Next: see your instance token
            </Link>
          </>
        )
      }
    />
  );
}
