import type { PublicConfig } from '@cew/shared';
import { Fragment } from 'react';
import { BreakableCode } from '../../../components/breakable';
import { useIsPresenter } from '../presenter';

/** A Cloud Elements address as the preview shows it, before the config has loaded too. */
export const ceUrl = (config: PublicConfig | undefined, path: string) =>
  `${config?.cloudElementsBaseUrl ?? '{Cloud Elements}'}${path}`;

type Param = { name: string; value: string; note: string };

/** A call before it is made: the method, the address, and each parameter with what it is. */
export function CallPreview({
  method,
  url,
  params = [],
  headers = [],
  body,
}: {
  method: string;
  url: string;
  params?: Param[];
  headers?: Param[];
  body?: unknown;
}) {
  // On a projector the request line stands alone, and what it carries opens on demand: the
  // step's button stays on the first screen of a 768 px tall wall.
  const presenter = useIsPresenter();
  const carries = [
    params.length > 0 && 'query parameters',
    headers.length > 0 && 'headers',
    body !== undefined && 'body',
  ].filter(Boolean);
  const parts = (
    <>
      {[
        { title: 'Query parameters', rows: params },
        { title: 'Headers', rows: headers },
      ].map(({ title, rows }) =>
        rows.length === 0 ? null : (
          <Fragment key={title}>
            <h4>{title}</h4>
            <dl className="params">
              {rows.map((row) => (
                <div key={row.name}>
                  <dt>
                    <code>{row.name}</code> = <code>{row.value}</code>
                  </dt>
                  <dd>{row.note}</dd>
                </div>
              ))}
            </dl>
          </Fragment>
        ),
      )}
      {body !== undefined && (
        <>
          <h4>Body</h4>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="scroll" aria-label="Body to be sent" tabIndex={0}>
            <pre>
              <code>{JSON.stringify(body, null, 2)}</code>
            </pre>
          </section>
        </>
      )}
    </>
  );
  return (
    <div className="call-preview">
      <code className="request-line">
        <strong>{method}</strong> <BreakableCode text={url} long={0} />
      </code>
      {presenter && carries.length > 0 ? (
        <details className="call-parts">
          <summary>Its {carries.join(', ')}</summary>
          {parts}
        </details>
      ) : (
        parts
      )}
    </div>
  );
}
