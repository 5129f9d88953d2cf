import type { ElementDef, FlowView } from '@cew/shared';
import { useNavigate } from 'react-router';
import { isDone, STEP } from '../../wizard/steps';
import { ARROWS, PARTIES, type Party, partyName } from '../arrows';

const WIDTH = 720;
const LANE = WIDTH / PARTIES.length;
const TOP = 48;
const ROW = 34;
const laneX = (party: Party) => LANE / 2 + PARTIES.indexOf(party) * LANE;

/**
 * Who talks to whom, as an SVG sequence diagram that stays crisp at any size. The arrows of the
 * page being viewed are highlighted; arrows already done open the page with their exchange.
 */
export function SequenceDiagram({
  flow,
  element,
  currentPath,
}: {
  flow: FlowView | undefined;
  element: ElementDef;
  currentPath: string;
}) {
  const navigate = useNavigate();
  const arrows = ARROWS[element.key];
  const height = TOP + arrows.length * ROW + 16;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; role=group names its links
    <svg
      className="sequence"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-labelledby="sequence-title"
      data-testid="sequence-diagram"
    >
      <title id="sequence-title">
        Sequence of the {element.name} flow: Browser, BFF, Cloud Elements and {element.provider}
      </title>
      <defs>
        <marker
          id="arrowhead"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
        </marker>
      </defs>
      {PARTIES.map((party) => (
        <g key={party}>
          <rect
            x={laneX(party) - 70}
            y={6}
            width={140}
            height={28}
            rx={6}
            className="sequence-party"
          />
          <text x={laneX(party)} y={25} textAnchor="middle" className="sequence-party-label">
            {partyName(party, element)}
          </text>
          <line
            x1={laneX(party)}
            y1={34}
            x2={laneX(party)}
            y2={height - 4}
            className="sequence-lifeline"
          />
        </g>
      ))}
      {arrows.map((arrow, i) => {
        const y = TOP + i * ROW + 18;
        const x1 = laneX(arrow.from);
        const x2 = laneX(arrow.to);
        const { path } = STEP[arrow.step];
        const current = path === currentPath;
        const finished = isDone(flow, element, arrow.step);
        const state = current ? 'current' : finished ? 'done' : 'todo';
        const body = (
          <>
            <text x={(x1 + x2) / 2} y={y - 6} textAnchor="middle" className="sequence-label">
              {arrow.label}
            </text>
            <line
              x1={x1}
              y1={y}
              x2={x2 + (x2 > x1 ? -4 : 4)}
              y2={y}
              markerEnd="url(#arrowhead)"
              className="sequence-arrow"
            />
          </>
        );
        const name = `${partyName(arrow.from, element)} → ${partyName(arrow.to, element)}: ${arrow.label}`;
        return finished ? (
          <a
            key={arrow.label}
            href={path}
            className={`sequence-step ${state}`}
            aria-label={`${name}${current ? ' (this step)' : ''}. Open its exchange.`}
            aria-current={current ? 'step' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(path);
            }}
          >
            {body}
          </a>
        ) : (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; role=img names the arrow
          <g
            key={arrow.label}
            className={`sequence-step ${state}`}
            role="img"
            aria-label={`${name}${current ? ' (this step)' : ' (not yet)'}`}
            aria-current={current ? 'step' : undefined}
          >
            {body}
          </g>
        );
      })}
    </svg>
  );
}
