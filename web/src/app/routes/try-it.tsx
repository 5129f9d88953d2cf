import { useConfig } from '../../features/wizard/api/config';
import { useTryIt } from '../../features/wizard/api/flow';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { HubCallForm } from '../../features/wizard/components/hub-call-form';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { StepIntro } from '../../features/wizard/intros';
import { lastExchange, useExchanges, useWizard } from '../../features/wizard/steps';

/** A record's field as text, following a dotted path (`user.screen_name`); a bare value as is. */
function field(item: unknown, path: string): string {
  if (typeof item !== 'object' || item === null) return path === 'id' ? '' : String(item);
  let value: unknown = item;
  for (const part of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/**
 * What names a record: its title field; else (an element known only from its definition, which
 * does not say which field names a record) its first few values, so no record shows blank.
 */
function headline(item: unknown, title: string): string {
  const named = field(item, title);
  if (named || typeof item !== 'object' || item === null) return named;
  return Object.entries(item)
    .filter(
      ([key, value]) => key !== 'id' && (typeof value === 'string' || typeof value === 'number'),
    )
    .slice(0, 3)
    .map(([, value]) => String(value))
    .join(' · ');
}

export default function TryItStep() {
  const { data: config } = useConfig();
  const { element, isDone } = useWizard();
  const mutation = useTryIt();
  // Whatever JSON the hub answered: a list of records or of names; anything else, as one item.
  const answered = mutation.data?.items;
  const items =
    answered === undefined ? undefined : Array.isArray(answered) ? answered : [answered];
  const { path, what, title, detail } = element.tryIt;
  return (
    <StepFrame
      id="try-it"
      intro={<StepIntro id="try-it" element={element} />}
      preview={
        <CallPreview
          method="GET"
          url={ceUrl(config, path)}
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
      behindTheScenes={isDone('try-it') && <HubCallForm element={element} />}
      result={
        items && (
          <>
            <p>
              <strong>It works.</strong> {items.length} {what} came back through the instance:
            </p>
            <ul className="statuses" data-testid="try-it-items">
              {items.map((item, index) => (
                <li key={`${index}-${field(item, 'id') || field(item, 'Id')}`}>
                  <strong>{headline(item, title)}</strong>{' '}
                  <span className="muted">
                    {detail
                      .map((name) => field(item, name))
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
