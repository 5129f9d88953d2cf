import type { Exchange } from '@cew/shared';
import { CopyButton } from '../../../components/copy-button';
import { JsonView } from '../../../components/json-view';

function statusClass(status: number | null): string {
  if (status === null) return 'status status-none';
  return status < 300 ? 'status status-ok' : 'status status-error';
}

function HeaderTable({ headers, caption }: { headers: Record<string, string>; caption: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="muted">(no headers)</p>;
  return (
    <table className="headers">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One HTTP exchange: what was sent, what came back, and the same call as curl. */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  const statusText = exchange.status === null ? 'no reply' : String(exchange.status);
  return (
    <section className="exchange" aria-label={`Exchange: ${exchange.method} ${exchange.parties}`}>
      <header className="exchange-head">
        <span className="parties">{exchange.parties}</span>
        <span className={statusClass(exchange.status)} data-testid="exchange-status">
          {statusText}
        </span>
        <span className="muted">{exchange.durationMs} ms</span>
      </header>
      <div className="exchange-grid">
        <div>
          <h4>Request</h4>
          <div className="request-line">
            <code>
              <strong>{exchange.method}</strong> {exchange.url}
            </code>
            <CopyButton text={exchange.url} label="Copy request URL" />
          </div>
          <details>
            <summary>Request headers ({Object.keys(exchange.requestHeaders).length})</summary>
            <HeaderTable headers={exchange.requestHeaders} caption="Request headers" />
          </details>
          {exchange.requestBody !== undefined && (
            <>
              <h5>Request body</h5>
              <JsonView value={exchange.requestBody} label="request body" />
            </>
          )}
        </div>
        <div>
          <h4>Response</h4>
          <details>
            <summary>Response headers ({Object.keys(exchange.responseHeaders).length})</summary>
            <HeaderTable headers={exchange.responseHeaders} caption="Response headers" />
          </details>
          <h5>Response body</h5>
          <JsonView value={exchange.responseBody} label="response body" />
        </div>
      </div>
      {exchange.curl && (
        <details className="curl">
          <summary>The same call with curl</summary>
          <JsonView value={exchange.curl} label="curl command" />
        </details>
      )}
    </section>
  );
}
