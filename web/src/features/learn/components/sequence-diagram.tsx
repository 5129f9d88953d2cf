import { type ElementView, type Exchange, type FlowView, KINDS } from '@cew/shared';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { Breakable } from '../../../components/breakable';
import { isDone, STEP } from '../../wizard/steps';
import { type DrawnArrow, drawArrows, PARTIES, partyName } from '../arrows';

const OUTCOME_TEXT: Record<DrawnArrow['outcome'], string> = {
  done: 'done',
  todo: 'not yet',
  denied: 'denied',
  failed: 'failed here',
  skipped: 'not reached',
};

/**
 * The hops as lanes and arrows: each row an arrow between two lanes, its label above it, in the
 * page's type (so it keeps its size at any width and on paper, where rows break between pages
 * as text does). The arrows of the page being viewed are highlighted; with `links`, an arrow whose
 * exchange the browser has opens that step's page.
 */
export function SequenceLanes({
  arrows,
  element,
  currentPath,
  links = true,
}: {
  arrows: DrawnArrow[];
  element: ElementView;
  currentPath?: string;
  links?: boolean;
}) {
  return (
    <>
      <ol className="sequence-parties" aria-hidden="true">
        {PARTIES.map((party) => (
          <li key={party}>{partyName(party, element)}</li>
        ))}
      </ol>
      <ol className="sequence-rows">
        {arrows.map((arrow, i) => {
          const from = PARTIES.indexOf(arrow.from);
          const to = PARTIES.indexOf(arrow.to);
          const { path } = STEP[arrow.step];
          const current = path === currentPath;
          // The browser has the exchange of its own calls and of the BFF's calls to Cloud Elements.
          const seen = arrow.leg === 'browser-bff' || arrow.leg === 'bff-ce';
          const opens =
            links && seen && arrow.outcome !== 'todo' && arrow.outcome !== 'skipped' && !current;
          const who = `${partyName(arrow.from, element)} → ${partyName(arrow.to, element)}`;
          const style = {
            '--from': Math.min(from, to),
            '--to': Math.max(from, to),
          } as CSSProperties;
          return (
            <li
              key={i}
              className={`sequence-row ${arrow.kind} ${arrow.outcome}${current ? ' current' : ''}${to < from ? ' leftward' : ''}`}
              style={style}
              aria-current={current ? 'step' : undefined}
              data-outcome={arrow.outcome}
            >
              <span className="sequence-who">{who}</span>
              <span className="sequence-label">
                <span className="sequence-text">
                  {opens ? (
                    <Link to={path} aria-label={`${who}: ${arrow.label}. Open its exchange.`}>
                      <Breakable text={arrow.label} />
                    </Link>
                  ) : (
                    <Breakable text={arrow.label} />
                  )}
                </span>
                {arrow.outcome !== 'done' && (
                  <span className="visually-hidden"> ({OUTCOME_TEXT[arrow.outcome]})</span>
                )}
              </span>
              <span className="sequence-line" aria-hidden="true" />
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * What the diagram's lines and colours mean: blue only where a page is the step being viewed,
 * orange only for a kind with a consent page to refuse on.
 */
export const SequenceColours = ({
  element,
  current = true,
}: {
  element: ElementView;
  current?: boolean;
}) => (
  <>
    Solid: a call. Dashed: its reply. <span className="legend legend-done">Green: done</span>,{' '}
    {current && (
      <>
        <span className="legend legend-current">blue: this step</span>,{' '}
      </>
    )}
    <span className="legend legend-todo">grey: not yet</span>,{' '}
    <span className="legend legend-failed">red: where it failed</span>,{' '}
    {KINDS[element.authType].callback && (
      <>
        <span className="legend legend-denied">orange: refused on the consent page</span>,{' '}
      </>
    )}
    <span className="legend legend-skipped">struck through: never reached</span>.
  </>
);

/**
 * Who talks to whom, calls and their replies, as the flow actually went: lanes and arrows on
 * wide screens, a plain list on a phone (styles.css), with what its colours mean.
 */
export function SequenceDiagram({
  flow,
  element,
  exchanges,
  currentPath,
}: {
  flow: FlowView | undefined;
  element: ElementView;
  exchanges: Exchange[];
  currentPath: string;
}) {
  const arrows = drawArrows(
    element,
    { isDone: (step) => isDone(flow, element, step), denied: flow?.outcome === 'denied' },
    exchanges,
  );
  const kind = KINDS[element.authType];
  return (
    <figure className="sequence" data-testid="sequence-diagram" aria-labelledby="sequence-title">
      <figcaption id="sequence-title" className="visually-hidden">
        Sequence of the {element.name} flow: Browser, BFF, Cloud Elements and {element.provider}
      </figcaption>
      <SequenceLanes arrows={arrows} element={element} currentPath={currentPath} />
      <p className="sequence-key muted">
        <SequenceColours element={element} /> <Link to="/glossary#diagram-colours">More</Link>.
        Links open an exchange this page received. Hops between Cloud Elements and{' '}
        {element.provider} happen between other parties, so a real app's page never sees them
        {kind.instanceLeg
          ? '; in sandbox mode the wizard opens a window onto them (“Behind the scenes”).'
          : '.'}
      </p>
    </figure>
  );
}
