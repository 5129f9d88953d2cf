import { useConfig } from '../../features/wizard/api/config';
import { useExchanges, useTryIt } from '../../features/wizard/api/flow';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { lastExchange, useWizard } from '../../features/wizard/steps';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export default function TryItStep() {
  const { data: config } = useConfig();
  const { element } = useWizard();
  const mutation = useTryIt();
  const items = mutation.data?.items;
  const twitter = element.key === 'twitter';
  return (
    <StepFrame
      id="try-it"
      intro={
        <p>
          An instance is only useful if it works. This makes one real call through it: the{' '}
          {element.hub} hub's <code>GET {element.tryPath}</code>, authenticated by your
          organization's secrets <em>and</em> the instance token, which tells Cloud Elements whose{' '}
          {element.provider} account to use.{' '}
          {twitter
            ? 'Cloud Elements signs the call to Twitter with the access token it stored.'
            : 'Cloud Elements calls Salesforce with the access token it stored, and refreshes it with the refresh token when it runs out.'}
        </p>
      }
      preview={
        <CallPreview
          method="GET"
          url={ceUrl(config, element.tryPath)}
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
        items && (
          <>
            <p>
              <strong>It works.</strong> {items.length} {element.tryWhat} came back through the
              instance:
            </p>
            <ul className="statuses" data-testid={element.tryWhat}>
              {items.map((item, index) =>
                twitter ? (
                  <li key={text(item.id) || index}>
                    <span className="muted">
                      @
                      {text((item.user as Record<string, unknown> | undefined)?.screen_name) ||
                        'unknown'}
                    </span>{' '}
                    {text(item.text)}
                  </li>
                ) : (
                  <li key={text(item.Id) || index}>
                    <strong>{text(item.Name)}</strong>{' '}
                    <span className="muted">
                      {text(item.Industry)} · {text(item.BillingCountry)}
                    </span>
                  </li>
                ),
              )}
            </ul>
          </>
        )
      }
    />
  );
}
