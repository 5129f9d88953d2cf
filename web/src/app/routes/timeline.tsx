import { download, toHar, toMarkdown } from '../../features/learn/export';
import { useConfig } from '../../features/wizard/api/config';
import { useExchanges } from '../../features/wizard/api/flow';
import { ExchangeView } from '../../features/wizard/components/exchange-view';

/** Every exchange of this flow in order, with exports for notes, tickets and devtools. */
export default function TimelinePage() {
  const exchanges = useExchanges();
  const { data: config } = useConfig();
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title">Timeline</h2>
      <p className="intro">
        All {exchanges.length} exchanges of this flow, in order. Export them as a Markdown
        transcript in the guide's style, or as a HAR file that browser devtools open. Both carry the
        same redacted values you see here: no secret.
      </p>
      <p className="actions">
        <button
          type="button"
          disabled={exchanges.length === 0}
          onClick={() =>
            download(
              `cloud-elements-flow-${stamp}.md`,
              toMarkdown(exchanges, config?.mode ?? ''),
              'text/markdown',
            )
          }
        >
          Export Markdown
        </button>{' '}
        <button
          type="button"
          disabled={exchanges.length === 0}
          onClick={() =>
            download(
              `cloud-elements-flow-${stamp}.har`,
              JSON.stringify(toHar(exchanges), null, 2),
              'application/json',
            )
          }
        >
          Export HAR
        </button>
      </p>
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
