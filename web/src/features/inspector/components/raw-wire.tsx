import { useSyncExternalStore } from 'react';
import { JsonView } from '../../../components/json-view';
import { asHttp, wireStore } from '../../../lib/wire';

/**
 * Every call between this page and the BFF, newest last, each as the HTTP text that went by.
 * The flow cookie is HttpOnly, so the page cannot read it: the BFF names it, with its size and
 * attributes, and the sealed value stays out of sight.
 */
export function RawWire() {
  const entries = useSyncExternalStore(wireStore.subscribe, wireStore.snapshot);
  if (entries.length === 0) return <p className="muted">No call yet.</p>;
  return (
    <ol className="raw-wire" data-testid="raw-wire">
      {entries.map((entry) => {
        const http = asHttp(entry);
        return (
          <li key={entry.at + entry.path}>
            <details>
              <summary>
                <code>
                  {entry.method} {entry.path}
                </code>{' '}
                → {entry.status || 'no reply'}{' '}
                <span className="muted">({entry.ms} ms round trip, timed by this page)</span>
              </summary>
              <div className="wire-split">
                <div>
                  <h4>The page sent</h4>
                  <JsonView value={http.request} label={`request ${entry.method} ${entry.path}`} />
                </div>
                <div>
                  <h4>The BFF answered</h4>
                  <JsonView
                    value={http.response}
                    label={`reply to ${entry.method} ${entry.path}`}
                  />
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
