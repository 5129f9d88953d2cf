import type { ElementView } from '@cew/shared';
import { type DrawnArrow, PARTIES, partyName } from './arrows';

const WIDTH = 880;
const LANE = WIDTH / PARTIES.length;
const TOP = 56;
const ROW = 40;
const laneX = (index: number) => LANE / 2 + index * LANE;

const COLOUR: Record<DrawnArrow['outcome'], string> = {
  done: '#1b6e3a',
  todo: '#6b7280',
  skipped: '#9ca3af',
  failed: '#a4161a',
  denied: '#9a4a00',
};

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The sequence as a standalone SVG for the handout: the same arrows and outcomes as the page's
 * diagram, at a fixed size with 13 px labels, readable on paper and in any Markdown viewer that
 * shows SVG.
 */
export function diagramSvg(arrows: DrawnArrow[], element: ElementView): string {
  const height = TOP + arrows.length * ROW + 16;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif" role="img" aria-label="Sequence of the ${xml(element.name)} flow">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  ];
  PARTIES.forEach((party, i) => {
    const x = laneX(i);
    parts.push(
      `<rect x="${x - 90}" y="8" width="180" height="30" rx="6" fill="#f0f2f5" stroke="#d5d9e0"/>`,
      `<text x="${x}" y="28" text-anchor="middle" font-size="15" font-weight="600" fill="#1a1d23">${xml(partyName(party, element))}</text>`,
      `<line x1="${x}" y1="38" x2="${x}" y2="${height - 4}" stroke="#d5d9e0" stroke-dasharray="4 4"/>`,
    );
  });
  arrows.forEach((arrow, i) => {
    const y = TOP + i * ROW + 22;
    const x1 = laneX(PARTIES.indexOf(arrow.from));
    const x2 = laneX(PARTIES.indexOf(arrow.to));
    const colour = COLOUR[arrow.outcome];
    const dash = arrow.kind === 'reply' ? ' stroke-dasharray="6 4"' : '';
    const label = arrow.outcome === 'skipped' ? `${arrow.label} (not reached)` : arrow.label;
    parts.push(
      `<text x="${(x1 + x2) / 2}" y="${y - 7}" text-anchor="middle" font-size="13" fill="${colour}">${xml(label)}</text>`,
      `<line x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -4 : 4)}" y2="${y}" stroke="${colour}" stroke-width="${arrow.outcome === 'failed' || arrow.outcome === 'denied' ? 3 : 1.5}"${dash} marker-end="url(#head)"/>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
