import type { ElementView } from '@cew/shared';
import { useId, useRef, useState } from 'react';
import { useHubCall } from '../api/flow';
import { useFocusOnSettle } from '../settle-focus';
import { ErrorNotice } from './error-notice';
import { ExchangeView } from './exchange-view';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/**
 * After try-it: a call of your own through the instance, as Google's OAuth Playground lets you
 * compose one. Reads of the element's hub only: the BFF refuses any other method, or a path off
 * the hub, with the reason and without sending anything.
 */
export function HubCallForm({ element }: { element: ElementView }) {
  const call = useHubCall();
  const [method, setMethod] = useState('GET');
  const [path, setPath] = useState(element.resources[0]?.path ?? `/hubs/${element.hub}/`);
  const ids = { method: useId(), path: useId(), resource: useId() };
  const section = useRef<HTMLElement>(null);
  useFocusOnSettle(call.isPending, section, '.error-notice, .hub-call-result');
  return (
    <section className="hub-call" aria-labelledby={`${ids.path}-title`} ref={section}>
      <h3 id={`${ids.path}-title`}>Your own call through the instance</h3>
      <p className="muted">
        Any read of the {element.hub} hub, with the same three-part Authorization header. Change the
        path or the query; the BFF refuses a write (the account behind the instance is a real one in
        live mode) and any path outside <code>/hubs/{element.hub}/</code>, and says why.
      </p>
      <form
        className="form hub-call-form"
        onSubmit={(event) => {
          event.preventDefault();
          call.mutate({ method, path });
        }}
      >
        <label htmlFor={ids.resource}>The hub's resources</label>
        <select
          id={ids.resource}
          value={element.resources.some((r) => r.path === path) ? path : ''}
          onChange={(event) => event.target.value && setPath(event.target.value)}
        >
          <option value="">(your own path)</option>
          {element.resources.map((resource) => (
            <option key={resource.path} value={resource.path}>
              {resource.what}: {resource.path}
            </option>
          ))}
        </select>
        <span className="hub-call-line">
          <span>
            <label htmlFor={ids.method}>Method</label>
            <select
              id={ids.method}
              value={method}
              onChange={(event) => setMethod(event.target.value)}
            >
              {METHODS.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </span>
          <span className="hub-call-path">
            <label htmlFor={ids.path}>Path and query</label>
            <input
              id={ids.path}
              value={path}
              onChange={(event) => setPath(event.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          </span>
        </span>
        <p className="actions">
          <button type="submit" className="primary" disabled={call.isPending || !path}>
            {call.isPending ? 'Calling…' : 'Send'}
          </button>
        </p>
      </form>
      {call.isError && <ErrorNotice error={call.error} />}
      {call.isSuccess && (
        <section className="hub-call-result" tabIndex={-1} aria-label="The answer to your call">
          <p>
            Cloud Elements answered{' '}
            <strong data-testid="hub-call-status">{call.data.status}</strong>.
          </p>
          <ExchangeView exchange={call.data.exchange} />
        </section>
      )}
    </section>
  );
}
