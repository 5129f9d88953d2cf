import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { rawHttp } from '../../features/inspector/raw-http';
import { compareColumns } from '../../features/learn/components/comparison-table';
import { exchangesFile, HandoutPaper } from '../../features/learn/components/handout-paper';
import { download, withInstanceToken } from '../../features/learn/export';
import { handoutMarkdown, handoutZip, walkedFlow } from '../../features/learn/handout';
import { useConfig } from '../../features/wizard/api/config';
import { useElements } from '../../features/wizard/api/elements';
import { fetchInstanceToken, useExchangesByElement, useFlow } from '../../features/wizard/api/flow';
import { ErrorNotice } from '../../features/wizard/components/error-notice';

/**
 * The class handout: every flow this tab walked, in the order walked, with the comparison. One
 * page, printed as it is or downloaded as Markdown with its diagrams as files.
 */
export default function HandoutPage() {
  const { data: config } = useConfig();
  const { data: elements = [] } = useElements();
  const { data: cookieFlow } = useFlow();
  const walked = useExchangesByElement();
  const [include, setInclude] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const paper = useRef<HTMLDivElement>(null);
  const tokenBox = useId();

  const flows = elements
    .flatMap((element) => {
      const exchanges = walked[element.key];
      return exchanges ? [{ element, exchanges }] : [];
    })
    .sort((a, b) =>
      (a.exchanges[0]?.startedAt ?? '').localeCompare(b.exchanges[0]?.startedAt ?? ''),
    )
    .map(({ element, exchanges }) => {
      const current = cookieFlow?.element === element.key;
      // The instance token is a credential: it stands in the handout only if the person asks.
      const shown = current && include && token ? withInstanceToken(exchanges, token) : exchanges;
      return walkedFlow(element, shown, current, current ? cookieFlow?.fields : undefined);
    });
  const current = flows.find((flow) => flow.current);
  const hasInstance = current?.exchanges.some(
    (e) => e.step === 'create-instance' && e.status === 200,
  );
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

  const downloadMarkdown = () => {
    if (!paper.current) return;
    const zip = handoutZip(
      handoutMarkdown(paper.current),
      flows.map((flow) => flow.diagram),
      flows.map((flow) => ({
        file: exchangesFile(flow.element.key),
        text: flow.exchanges
          .map((exchange) => `### ${exchange.parties}\n\n${rawHttp(exchange)}`)
          .join('\n\n'),
      })),
    );
    download(`cloud-elements-handout-${stamp}.zip`, zip, 'application/zip');
  };

  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1} className="no-print">
        Handout
      </h2>
      <div className="intro no-print">
        <p>
          Everything this tab walked, for a class to keep: each flow's calls, diagram and who has
          seen what on one page, then each step in the app's own words with its exchanges in full,
          then the kinds side by side. Print it (every part prints open, no buttons), or download it
          as Markdown, in a .zip with each diagram as an SVG file the Markdown links.
        </p>
        {flows.length === 0 && (
          <p className="notice">
            No flow walked in this tab yet. <Link to="/start">Choose an element</Link> and walk it;
            walk one of each kind to fill the comparison.
          </p>
        )}
      </div>
      {flows.length > 0 && (
        <div className="no-print">
          {hasInstance && (
            <p>
              <input
                id={tokenBox}
                type="checkbox"
                checked={include}
                onChange={(event) => {
                  setError(null);
                  setInclude(event.target.checked);
                  if (event.target.checked && !token) fetchInstanceToken().then(setToken, setError);
                }}
              />{' '}
              <label htmlFor={tokenBox}>
                Include {current?.element.name}'s instance token. It is a credential: whoever has
                the paper or the file can call through your instance.
              </label>
            </p>
          )}
          <p className="actions">
            <button type="button" className="primary" onClick={() => window.print()}>
              Print the handout
            </button>{' '}
            <button type="button" onClick={downloadMarkdown}>
              Download as Markdown (.zip)
            </button>
          </p>
          {error !== null && <ErrorNotice error={error} />}
        </div>
      )}
      {flows.length > 0 && config && (
        <div ref={paper}>
          <HandoutPaper
            flows={flows}
            columns={compareColumns(elements, walked)}
            mode={config.mode}
            tokenOf={include && token ? current?.element.name : undefined}
          />
        </div>
      )}
    </article>
  );
}
