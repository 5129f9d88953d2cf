import { useConfig } from '../../features/wizard/api/config';
import { useExchanges, useTryIt } from '../../features/wizard/api/flow';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { lastExchange, STEP } from '../../features/wizard/steps';

const step = STEP['try-it'];

export default function TryItStep() {
  const { data: config } = useConfig();
  const mutation = useTryIt();
  const statuses = mutation.data?.statuses;
  return (
    <StepFrame
      step={step}
      intro={
        <p>
          An instance is only useful if it works. This makes one real call through it: the social
          hub's <code>GET /hubs/social/statuses</code>, authenticated by your organization's secrets{' '}
          <em>and</em> the instance token, which tells Cloud Elements whose Twitter account to use.
          Cloud Elements signs the call to Twitter with the access token it stored.
        </p>
      }
      preview={
        <CallPreview
          method="GET"
          url={ceUrl(config, '/hubs/social/statuses')}
          headers={[
            {
              name: 'Authorization',
              value:
                'User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>, Element <INSTANCE_TOKEN>',
              note: 'The Element part picks the instance; the BFF adds all three.',
            },
          ]}
        />
      }
      action={{
        label: 'Call through the instance',
        pendingLabel: 'Calling…',
        run: () => mutation.mutate(undefined),
        pending: mutation.isPending,
      }}
      error={mutation.error}
      exchange={lastExchange(useExchanges(), 'try-it')}
      result={
        statuses && (
          <>
            <p>
              <strong>It works.</strong> {statuses.length} statuses came back through the instance:
            </p>
            <ul className="statuses" data-testid="statuses">
              {statuses.map((status) => (
                <li key={String(status.id)}>
                  <span className="muted">@{status.user?.screen_name ?? 'unknown'}</span>{' '}
                  {status.text}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
