import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Term } from '../../components/term';
import { RawWire } from '../../features/inspector/components/raw-wire';
import { drawArrows } from '../../features/learn/arrows';
import { diagramSvg } from '../../features/learn/diagram-svg';
import { download, toHar, withInstanceToken } from '../../features/learn/export';
import { fetchInstanceToken } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { ExchangeView } from '../../features/wizard/components/exchange-view';
import { useExchanges, useWizard } from '../../features/wizard/steps';

/** Every exchange of this flow in order, with exports for notes, tickets and devtools. */
export default function TimelinePage() {
  const exchanges = useExchanges();
  const { isDone, element, flow } = useWizard();
  /** The sequence diagram as it stands, as a file. */
  const diagram = () =>
    diagramSvg(
      drawArrows(
        element,
        { isDone: (step) => isDone(step), denied: flow?.outcome === 'denied' },
        exchanges,
      ),
      element,
    );
  const [includeToken, setIncludeToken] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const tokenBox = useId();
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  /** The exchanges to export: the instance token stays a marker unless the box is ticked. */
  const toExport = async () =>
    includeToken ? withInstanceToken(exchanges, await fetchInstanceToken()) : exchanges;
  const exportAs = (run: () => Promise<void>) => () => {
    setExportError(null);
    run().catch(setExportError);
  };
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title">Timeline</h2>
      <p className="intro">
        All {exchanges.length} exchanges this page received for this flow, in order: the calls to
        Cloud Elements made by the <Term id="bff">BFF</Term>, the callback and the provider's
        redirect the browser saw. The diagram draws more hops than that: the calls between Cloud
        Elements and the provider happen between other parties, so no exchange of them reaches this
        page. Export them as a HAR file that browser devtools open: it carries the same redacted
        values you see here, no secret, and the <Term id="instance-token">instance token</Term> as a
        marker unless you choose to include it. For a class, the <Link to="/handout">handout</Link>{' '}
        tells every flow of this tab, to print or download as Markdown.
      </p>
      {isDone('create-instance') && (
        <p className="no-print">
          <input
            id={tokenBox}
            type="checkbox"
            checked={includeToken}
            onChange={(event) => setIncludeToken(event.target.checked)}
          />{' '}
          <label htmlFor={tokenBox}>
            Include the instance token in the export. It is a credential: whoever has the file can
            call through your instance.
          </label>
        </p>
      )}
      <p className="actions">
        <button
          type="button"
          disabled={exchanges.length === 0}
          onClick={exportAs(async () =>
            download(
              `cloud-elements-flow-${stamp}.har`,
              JSON.stringify(toHar(await toExport()), null, 2),
              'application/json',
            ),
          )}
        >
          Export HAR
        </button>{' '}
        <button
          type="button"
          disabled={exchanges.length === 0}
          onClick={() =>
            download(`cloud-elements-sequence-${stamp}.svg`, diagram(), 'image/svg+xml')
          }
        >
          Download the diagram (SVG)
        </button>{' '}
        <Link className="button" to="/handout">
          The handout: every flow of this tab, to print or download
        </Link>
      </p>
      {exportError !== null && <ErrorNotice error={exportError} />}
      <section aria-labelledby="wire-title" className="no-print">
        <h3 id="wire-title">On the wire: every call between this page and the BFF</h3>
        <p className="muted">
          The exchanges below are the BFF's calls upstream. These are the page's own calls to the
          BFF, as they went: request line, headers, body and reply. The browser adds the flow cookie
          itself and the page may not read it (HttpOnly): the BFF names it, with its size and
          attributes, and the sealed value never shows.
        </p>
        <RawWire />
      </section>
      <h3>The exchanges</h3>
      {exchanges.length === 0 ? (
        <p>No exchanges yet: start with step 1.</p>
      ) : (
        <ol className="timeline">
          {exchanges.map((exchange) => (
            <li key={exchange.startedAt + exchange.step}>
              <ExchangeView exchange={exchange} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
