import type { ElementView, Exchange } from '@cew/shared';
import { type ReactNode, useMemo, useState } from 'react';
import { Breakable, BreakableCode } from '../../../components/breakable';
import { CopyButton } from '../../../components/copy-button';
import { JsonTree } from '../../../components/json-tree';
import { JsonView } from '../../../components/json-view';
import { Term } from '../../../components/term';
import { durationText } from '../duration';
import { markersIn } from '../markers';
import { rawHttp } from '../raw-http';
import type { TravellingValue } from '../travel';
import { FieldNoteButton } from './field-note';
import { markTravelling } from './marked-text';

function statusClass(status: number | null, body?: unknown): string {
  if (status === null) return 'status status-none';
  // A call that worked but answers "no" (a refused consent: `accepted: false`) is not drawn green.
  const refusal = (body as { accepted?: unknown } | undefined)?.accepted === false;
  if (status < 300) return refusal ? 'status status-redirect' : 'status status-ok';
  // A redirect is how OAuth moves the browser between parties: not a failure.
  return status < 400 ? 'status status-redirect' : 'status status-error';
}

/** Renders text with its travelling values marked, and a field's ⓘ note. */
type Decorate = { mark: (text: string) => ReactNode; note: (field: string) => ReactNode };

function Table({
  rows,
  caption,
  mark,
  note,
}: {
  rows: [string, string][];
  caption: string;
} & Decorate) {
  if (rows.length === 0) return <p className="muted">(none)</p>;
  return (
    <table className="headers">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">
              <Breakable text={name} />
              {note(name)}
            </th>
            <td>{mark(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A header list, folded away: the body is usually what a learner wants first. */
function Headers({
  title,
  headers,
  mark,
  note,
}: {
  title: string;
  headers: Record<string, string>;
} & Decorate) {
  const rows = Object.entries(headers);
  // Open when they carry credentials: which calls hold the organization's secrets is the lesson.
  const credentials = rows.some(([name]) => name.toLowerCase() === 'authorization');
  return (
    <details open={credentials}>
      <summary>
        {title} ({rows.length})
      </summary>
      <Table rows={rows} caption={title} mark={mark} note={note} />
    </details>
  );
}

function Body({
  value,
  label,
  mark,
  note,
}: {
  value: unknown;
  label: string;
} & Decorate) {
  if (value === undefined) return <p className="muted">(no body)</p>;
  if (typeof value !== 'object' || value === null) return <JsonView value={value} label={label} />;
  return <JsonTree value={value} label={label} hooks={{ renderString: mark, noteFor: note }} />;
}

/** Where the BFF hid a secret, and what stood there: what went upstream beside what you see. */
function Redactions({ exchange, element }: { exchange: Exchange; element: ElementView }) {
  const rows = markersIn(exchange, element);
  if (rows.length === 0) return null;
  return (
    <details className="curl">
      <summary>What the BFF sent upstream, and what your browser sees ({rows.length})</summary>
      <table className="headers redactions">
        <caption className="visually-hidden">Secrets replaced by markers</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">On the wire upstream</th>
            <th scope="col">Your browser sees</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.where}-${row.marker}-${i}`}>
              <td>
                {row.direction === 'sent' ? 'BFF sent, ' : 'BFF received, '}
                {row.where}
              </td>
              <td>{row.meaning}</td>
              <td>
                <code>{row.marker}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/**
 * One HTTP exchange, in full: the request (method, URL, its query as a table, headers, body) and
 * the response (status, headers, body, duration), with field notes and the values that travel
 * between steps marked. Loaded on demand: it is the heaviest part of the page.
 */
export default function ExchangeInspector({
  exchange,
  values,
  element,
}: {
  exchange: Exchange;
  /** The values that travel between steps, marked wherever they appear. */
  values: TravellingValue[];
  /** Whose flow this exchange belongs to: field notes read as that flow uses the field. */
  element: ElementView;
}) {
  const note = (field: string) => <FieldNoteButton field={field} element={element} />;
  const [active, setActive] = useState<TravellingValue | null>(null);
  const mark = (text: string) =>
    markTravelling(
      text,
      values,
      (v) => setActive(active?.value === v.value ? null : v),
      active?.value ?? null,
    );
  const url = URL.canParse(exchange.url) ? new URL(exchange.url) : null;
  const query = url ? ([...url.searchParams] as [string, string][]) : [];
  const statusText = exchange.status === null ? 'no reply' : String(exchange.status);
  // The key to this card's two kinds of marking, when it has them: read once per exchange, not
  // on each press of a highlighted value.
  const { travels, hasMarker, hasAsterisks } = useMemo(() => {
    const text = JSON.stringify(exchange);
    return {
      travels: values.filter((v) => text.includes(v.value)),
      hasMarker: /<[A-Z][A-Z0-9_]*>/.test(text),
      hasAsterisks: text.includes('"********"'),
    };
  }, [exchange, values]);

  return (
    <section className="exchange" aria-label={`Exchange: ${exchange.method} ${exchange.parties}`}>
      <header className="exchange-head">
        <span className="parties">{exchange.parties}</span>
        <code>{exchange.method}</code>
        <span
          className={statusClass(exchange.status, exchange.responseBody)}
          data-testid="exchange-status"
        >
          {statusText}
        </span>
        {durationText(exchange) && <span className="muted">{durationText(exchange)}</span>}
        <span className="muted">{new Date(exchange.startedAt).toLocaleTimeString()}</span>
      </header>
      {exchange.note && <p className="muted exchange-note">{exchange.note}</p>}
      {exchange.parties === 'BFF → Cloud Elements' && (
        <p className="muted exchange-note">
          Server to server: the BFF made this call. Your browser never sent it; it received this
          record afterwards, with every secret replaced by a marker.
        </p>
      )}
      {(travels.length > 0 || hasMarker || hasAsterisks) && (
        <p className="muted exchange-note" data-testid="exchange-key">
          {travels.length > 0 && (
            <>
              Highlighted: <Term id="highlights">values that travel between steps</Term> (
              {travels.map((v) => v.name).join(', ')}); press one for its route.{' '}
            </>
          )}
          {hasMarker && (
            <>
              <code>&lt;NAME&gt;</code>: <Term id="markers">a secret the BFF hid</Term> before this
              page got the record.{' '}
            </>
          )}
          {hasAsterisks && (
            <>
              <code>********</code>:{' '}
              {hasMarker ? (
                'a secret Cloud Elements itself masks'
              ) : (
                <Term id="markers">a secret Cloud Elements itself masks</Term>
              )}{' '}
              in the instance it returns.
            </>
          )}
        </p>
      )}
      {active && (
        <p className="travel-route" role="status" data-testid="travel-route">
          <strong>{active.name}</strong> travels: {active.route}
        </p>
      )}
      <div className="exchange-grid">
        <div>
          <h4>Request</h4>
          <div className="request-line">
            <code>
              <strong>{exchange.method}</strong>{' '}
              <BreakableCode text={url ? `${url.origin}${url.pathname}` : exchange.url} long={0} />
            </code>
            <CopyButton text={exchange.url} label="Copy request URL" />
          </div>
          {query.length > 0 && (
            <>
              <h5>Query parameters</h5>
              <Table rows={query} caption="Query parameters" mark={mark} note={note} />
            </>
          )}
          <Headers
            title="Request headers"
            headers={exchange.requestHeaders}
            mark={mark}
            note={note}
          />
          {exchange.requestBody !== undefined && (
            <>
              <h5>Request body</h5>
              <Body value={exchange.requestBody} label="request body" mark={mark} note={note} />
            </>
          )}
        </div>
        <div>
          <h4>Response</h4>
          <Headers
            title="Response headers"
            headers={exchange.responseHeaders}
            mark={mark}
            note={note}
          />
          <h5>Response body</h5>
          <Body value={exchange.responseBody} label="response body" mark={mark} note={note} />
        </div>
      </div>
      {exchange.curl && (
        <details className="curl">
          <summary>The same call with curl</summary>
          <JsonView value={exchange.curl} label="curl command" />
        </details>
      )}
      <details className="curl">
        <summary>As it went on the wire (raw HTTP)</summary>
        <JsonView value={rawHttp(exchange)} label="raw HTTP" />
      </details>
      <Redactions exchange={exchange} element={element} />
    </section>
  );
}
