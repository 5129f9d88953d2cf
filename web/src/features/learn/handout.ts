import {
  type CallStepId,
  type ElementView,
  type Exchange,
  isDone,
  type Progress,
  STEP_ORDER,
  type StepId,
  stepDef,
} from '@cew/shared';
import { strToU8, zipSync } from 'fflate';
import TurndownService from 'turndown';
import { lastAnswered } from '../wizard/steps';
import { type DrawnArrow, drawArrows } from './arrows';
import { diagramSvg } from './diagram-svg';

/**
 * Where a walked flow got to, read from its own exchanges: the last call the BFF answered with
 * 200, and what the person chose on the consent page. (The cookie holds one flow; the handout
 * tells every flow this tab walked.)
 */
function progressFrom(element: ElementView, exchanges: Exchange[]): Progress {
  const answered = (step: CallStepId) => lastAnswered(exchanges, step) !== undefined;
  const calls = STEP_ORDER[element.authType].filter((id) => stepDef(id).route) as CallStepId[];
  const callback = lastAnswered(exchanges, 'callback');
  const accepted = (callback?.responseBody as { accepted?: boolean } | undefined)?.accepted;
  return {
    authType: element.authType,
    done: calls.filter(answered).at(-1) ?? null,
    ...(callback ? { outcome: accepted === false ? 'denied' : 'authorized' } : {}),
  };
}

/** One flow this tab walked, as the handout tells it: where it got to, and its diagram. */
export type WalkedFlow = {
  element: ElementView;
  exchanges: Exchange[];
  /** The flow in this browser's cookie: the sandbox can still show its hidden legs. */
  current: boolean;
  /** What the person typed (a Zendesk subdomain), known for the flow in the cookie only. */
  fields: Record<string, string>;
  progress: Progress;
  isDone: (step: StepId) => boolean;
  /** The sequence as it went: its arrows for the page, and a standalone SVG file for Markdown. */
  arrows: DrawnArrow[];
  diagram: { file: string; svg: string };
};

export function walkedFlow(
  element: ElementView,
  exchanges: Exchange[],
  current: boolean,
  fields: Record<string, string> = {},
): WalkedFlow {
  const progress = progressFrom(element, exchanges);
  const done = (step: StepId) => isDone(progress, element.authType, step);
  const arrows = drawArrows(
    element,
    { isDone: done, denied: progress.outcome === 'denied' },
    exchanges,
  );
  return {
    element,
    exchanges,
    current,
    fields,
    progress,
    isDone: done,
    arrows,
    diagram: { file: `${element.key}-sequence.svg`, svg: diagramSvg(arrows, element) },
  };
}

/** The calls the app made to Cloud Elements (the guide's calls), without the proof after them. */
export const guideCalls = (exchanges: Exchange[]) =>
  exchanges.filter(
    (e) =>
      e.parties === 'BFF → Cloud Elements' &&
      (e.step === 'request-token' || e.step === 'authorize-url' || e.step === 'create-instance'),
  );

/** A table cell's text, on one line, with the pipes that would end it escaped. */
const cellText = (content: string) => content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();

/**
 * The printed handout as Markdown: the same page, converted. Diagrams are links to their SVG
 * files (most Markdown viewers strip inline SVG); a term's glossary link becomes its word; tables
 * become GitHub tables.
 */
export function handoutMarkdown(paper: HTMLElement): string {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  });
  turndown.remove(['button', 'script', 'style']);
  // The page draws a diagram in HTML for screen and paper; Markdown links its SVG file instead.
  turndown.remove((node) => node.hasAttribute('data-markdown-skip'));
  // A marker such as <CE_USER_SECRET> in running text would read as an HTML tag: entities keep it.
  const escapeMarkdown = turndown.escape.bind(turndown);
  turndown.escape = (text) => escapeMarkdown(text).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  turndown.addRule('diagram', {
    filter: (node) => node.nodeName === 'IMG' && node.hasAttribute('data-file'),
    replacement: (_content, node) => {
      const image = node as HTMLImageElement;
      return `![${image.alt}](${image.getAttribute('data-file')})`;
    },
  });
  turndown.addRule('term', {
    filter: (node) => node.nodeName === 'A' && (node as HTMLElement).classList.contains('term'),
    replacement: (content) => content,
  });
  turndown.addRule('cell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${cellText(content)} |`,
  });
  turndown.addRule('row', {
    filter: 'tr',
    replacement: (content, node) => {
      const row = `|${content}\n`;
      // A GitHub table needs a rule under its first row.
      const tr = node as HTMLTableRowElement;
      const first = tr.closest('table')?.rows[0] === tr;
      const cells = tr.cells.length;
      return first ? `${row}|${' --- |'.repeat(cells)}\n` : row;
    },
  });
  turndown.addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  turndown.addRule('caption', { filter: 'caption', replacement: () => '' });
  // Nested blocks leave runs of blank lines: one is enough (the HTTP text has single ones only).
  return `${turndown
    .turndown(paper)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * The handout as one .zip: the Markdown, each diagram it links, and each flow's exchanges in full
 * (every header and every item, as they went by), which the printed pages shorten.
 */
export function handoutZip(
  markdown: string,
  diagrams: { file: string; svg: string }[],
  exchanges: { file: string; text: string }[] = [],
) {
  return zipSync({
    'handout.md': strToU8(markdown),
    ...Object.fromEntries(diagrams.map((diagram) => [diagram.file, strToU8(diagram.svg)])),
    ...Object.fromEntries(exchanges.map(({ file, text }) => [file, strToU8(text)])),
  });
}
