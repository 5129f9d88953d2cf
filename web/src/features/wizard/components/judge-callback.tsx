import type { CallbackInput, ElementView, FlowView } from '@cew/shared';

export type Decision = 'accept' | 'refuse';

/** A value another site could put in a forged callback: random, the same length as the real one. */
export function forgedState(real: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(Math.max(real.length, 8)));
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** The first place two values differ, in words; null when they are the same. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const at = [...a].findIndex((char, i) => char !== b[i]);
  return at < 0
    ? `it is ${b.length - a.length} characters longer`
    : `they differ at character ${at + 1}`;
}

/**
 * "You be the BFF": before the BFF checks the callback, the learner sees what this browser's flow
 * sent and what came back, and decides. The BFF then checks for real; the verdict says who was
 * right and why.
 */
export function JudgeCallback({
  element,
  flow,
  sentState,
  query,
  forged,
  onForge,
  decision,
  onDecide,
  bff,
  pending,
}: {
  element: ElementView;
  flow: FlowView | undefined;
  /** The state this flow sent Cloud Elements at its first call (the page saw it in that exchange). */
  sentState: string | null;
  /** The callback as it will be sent: what the provider sent, or the forged one. */
  query: CallbackInput;
  forged: boolean;
  onForge: (forge: boolean) => void;
  decision: Decision | null;
  onDecide: (decision: Decision) => void;
  /** What the BFF decided, once it has: its answer, and its reason when it refused. */
  bff: { accepted: true } | { accepted: false; reason: string } | null;
  pending: boolean;
}) {
  const rows: { name: string; sent: string; back: string }[] = [
    { name: 'state', sent: sentState ?? '(none)', back: query.state ?? '(none)' },
  ];
  // OAuth 1.0a binds the callback to the request token too (or `denied` carries it).
  if (element.steps.includes('request-token')) {
    rows.push({
      name: query.denied ? 'denied' : 'oauth_token',
      sent: flow?.requestToken ?? '(none)',
      back: query.denied ?? query.oauth_token ?? '(none)',
    });
  }
  const right = bff && decision ? (decision === 'accept') === bff.accepted : null;
  return (
    // Back from the provider, this is what the person came back for: focus starts here.
    <section
      className="judge-lab"
      aria-labelledby="judge-title"
      tabIndex={-1}
      data-arrival={decision === null ? '' : undefined}
    >
      <h3 id="judge-title">You be the BFF: is this callback this browser's?</h3>
      <p>
        The BFF accepts a callback only if what it brings is what this browser's flow sent. Compare
        them, then decide; the BFF checks for real after you.
      </p>
      <table className="headers judge-values">
        <caption className="visually-hidden">What the flow sent and what came back</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">This flow sent</th>
            <th scope="col">The callback brought</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <code>{row.name}</code>
              </th>
              <td>
                <code data-testid={`sent-${row.name}`}>{row.sent}</code>
              </td>
              <td>
                <code data-testid={`back-${row.name}`}>{row.back}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decision === null && (
        <>
          <p className="actions">
            {/* Neither is the obvious one: the learner decides. */}
            <button type="button" onClick={() => onDecide('accept')}>
              Accept: it is this browser's
            </button>{' '}
            <button type="button" onClick={() => onDecide('refuse')}>
              Refuse: it is not
            </button>
          </p>
          <p className="muted">
            {forged ? (
              <>
                This is a forged callback: another site's <code>state</code> in place of{' '}
                {element.provider}'s.{' '}
                <button type="button" onClick={() => onForge(false)}>
                  Put back what {element.provider} sent
                </button>
              </>
            ) : (
              <>
                This is what {element.provider} sent.{' '}
                <button type="button" onClick={() => onForge(true)}>
                  Swap in a forged callback (another site's state)
                </button>
              </>
            )}
          </p>
        </>
      )}
      {pending && (
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> The BFF is checking it…
        </p>
      )}
      {right !== null && bff && (
        <div
          className={right ? 'judge-verdict judge-right' : 'judge-verdict judge-wrong'}
          tabIndex={-1}
        >
          <p>
            <strong>{right ? 'Right.' : 'Not this time.'}</strong> You chose to{' '}
            {decision === 'accept' ? 'accept' : 'refuse'} it; the BFF{' '}
            {bff.accepted ? 'accepted it.' : `refused it: ${bff.reason}`}
          </p>
          <p>
            {rows
              .map((row) => {
                const difference = firstDifference(row.sent, row.back);
                return difference
                  ? `${row.name}: ${difference}, so the callback is not this flow's.`
                  : `${row.name}: the same value came back.`;
              })
              .join(' ')}
          </p>
        </div>
      )}
    </section>
  );
}
