import type { InstanceSettings } from '@cew/shared';
import { useId } from 'react';

type Props = {
  value: InstanceSettings;
  onChange: (value: InstanceSettings) => void;
  disabled?: boolean;
};

/** Drops unset keys so only what the person chose is sent. */
function set<K extends keyof InstanceSettings>(
  settings: InstanceSettings,
  key: K,
  value: InstanceSettings[K] | undefined,
): InstanceSettings {
  const next = { ...settings };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Cloud Elements' common instance configuration, each entry explained; all optional. */
export function InstanceSettingsForm({ value, onChange, disabled }: Props) {
  const ids = {
    enabled: useId(),
    vendor: useId(),
    url: useId(),
    interval: useId(),
    nulls: useId(),
  };
  const update = <K extends keyof InstanceSettings>(key: K, v: InstanceSettings[K] | undefined) =>
    onChange(set(value, key, v));
  return (
    <details className="settings">
      <summary>Optional instance settings (sent in configuration)</summary>
      <fieldset disabled={disabled} className="form">
        <legend className="visually-hidden">Optional instance settings</legend>

        <label htmlFor={ids.enabled}>
          <input
            id={ids.enabled}
            type="checkbox"
            checked={value['event.notification.enabled'] ?? false}
            onChange={(e) => update('event.notification.enabled', e.target.checked || undefined)}
          />{' '}
          <code>event.notification.enabled</code>: send event notifications
        </label>
        <p className="hint">Cloud Elements tells your app when statuses change. Default: off.</p>

        <label htmlFor={ids.vendor}>
          <code>event.vendor.type</code>: how changes are found
        </label>
        <select
          id={ids.vendor}
          value={value['event.vendor.type'] ?? ''}
          onChange={(e) =>
            update(
              'event.vendor.type',
              (e.target.value || undefined) as InstanceSettings['event.vendor.type'],
            )
          }
        >
          <option value="">Not set (the element's default: polling)</option>
          <option value="polling">polling: Cloud Elements asks the provider on a schedule</option>
          <option value="webhook">webhook: the provider tells Cloud Elements</option>
        </select>

        <label htmlFor={ids.url}>
          <code>event.notification.callback.url</code>: where events are sent
        </label>
        <input
          id={ids.url}
          type="url"
          inputMode="url"
          pattern="https://.*"
          placeholder="https://your-app.example.com/events"
          value={value['event.notification.callback.url'] ?? ''}
          onChange={(e) => update('event.notification.callback.url', e.target.value || undefined)}
        />
        <p className="hint">An https address of your app; required when notifications are on.</p>

        <label htmlFor={ids.interval}>
          <code>event.poller.refresh_interval</code>: minutes between polls
        </label>
        <input
          id={ids.interval}
          type="number"
          min={1}
          max={1440}
          step={1}
          placeholder="15"
          value={value['event.poller.refresh_interval'] ?? ''}
          onChange={(e) =>
            update(
              'event.poller.refresh_interval',
              e.target.value === '' ? undefined : Number(e.target.value),
            )
          }
        />
        <p className="hint">1 to 1440. Cloud Elements polls every 15 minutes by default.</p>

        <label htmlFor={ids.nulls}>
          <code>filter.response.nulls</code>: leave out null fields in responses
        </label>
        <select
          id={ids.nulls}
          value={
            value['filter.response.nulls'] === undefined
              ? ''
              : String(value['filter.response.nulls'])
          }
          onChange={(e) =>
            update(
              'filter.response.nulls',
              e.target.value === '' ? undefined : e.target.value === 'true',
            )
          }
        >
          <option value="">Not set (default: true, nulls are removed)</option>
          <option value="true">true: remove null fields</option>
          <option value="false">false: keep null fields</option>
        </select>
      </fieldset>
    </details>
  );
}
