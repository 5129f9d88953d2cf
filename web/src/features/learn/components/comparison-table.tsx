import {
  AUTH_LABEL,
  type AuthType,
  type CompareRow,
  type ElementKey,
  type ElementView,
  type Exchange,
  KINDS,
} from '@cew/shared';
import { Breakable } from '../../../components/breakable';
import { ScrollX } from '../../../components/scroll-x';
import { callLine } from '../../inspector/raw-http';
import { lastAnswered } from '../../wizard/steps';
import { arrowsOf } from '../arrows';

type Cell = { text: string; fromFlow: boolean };
type Row = {
  what: string;
  /** What the kind's model says, with the element's words. */
  defined: (element: ElementView) => string;
  /** What this browser's own exchanges show, when it has walked the element's flow. */
  seen?: (exchanges: Exchange[]) => string | undefined;
};

/** The callback's parameter names, as the provider sent them and the browser passed them on. */
const callbackParams = (exchanges: Exchange[]) => {
  const sent = lastAnswered(exchanges, 'callback')?.requestBody;
  return sent && typeof sent === 'object' ? Object.keys(sent).join(', ') : undefined;
};

/** A row whose cells the kind's model writes. */
const modelRow = (id: CompareRow, what: string, seen?: Row['seen']): Row => ({
  what,
  defined: (element) => KINDS[element.authType].compare(element)[id],
  seen,
});

const ROWS: Row[] = [
  {
    what: 'Its calls to Cloud Elements, in order',
    // The same in both cells, walked or not: the app's calls to Cloud Elements (the kind's hops
    // from the BFF, without their notes), not the wizard's steps or the browser's calls to the BFF.
    defined: (element) =>
      arrowsOf(element)
        .filter((hop) => hop.leg === 'bff-ce' && hop.kind === 'call')
        .map((hop) => hop.label.replace(/ \(.*\)$/, ''))
        .join(' → '),
    seen: (exchanges) =>
      [
        ...new Set(
          exchanges
            .filter((e) => e.status === 200 && e.parties === 'BFF → Cloud Elements')
            .map(callLine),
        ),
      ].join(' → ') || undefined,
  },
  modelRow('before-consent', 'Before the consent page'),
  modelRow('signing', 'Who signs what'),
  modelRow('through-browser', 'What travels through the browser', (exchanges) => {
    const url = lastAnswered(exchanges, 'authorize-url')?.responseBody as
      | { oauthUrl?: string }
      | undefined;
    const params = url?.oauthUrl ? [...new URL(url.oauthUrl).searchParams.keys()] : [];
    const back = callbackParams(exchanges);
    return params.length && back
      ? `to the provider: ${params.join(', ')}; back: ${back}`
      : undefined;
  }),
  modelRow('callback', 'What the callback carries', callbackParams),
  modelRow('binding', 'What binds the callback to this browser'),
  modelRow('provider-data', 'providerData in POST /instances', (exchanges) => {
    const body = lastAnswered(exchanges, 'create-instance')?.requestBody as
      | { providerData?: Record<string, unknown> }
      | undefined;
    return body?.providerData ? Object.keys(body.providerData).join(', ') : undefined;
  }),
  modelRow('bff-holds', 'Secrets the BFF holds'),
  modelRow('ce-keeps', 'Secrets Cloud Elements keeps'),
  {
    what: 'The first call through the instance',
    defined: (element) => `GET ${element.tryIt.path}`,
    seen: (exchanges) => {
      const tried = lastAnswered(exchanges, 'try-it');
      return tried ? callLine(tried) : undefined;
    },
  },
];

/** The kinds in the order they are taught: the table of kinds is written in that order. */
const KIND_ORDER = Object.keys(KINDS) as AuthType[];

/** A column of the comparison: one kind, the element that stands for it, and its flow if walked. */
export type CompareColumn = { kind: AuthType; element: ElementView; exchanges?: Exchange[] };

/**
 * One column per kind: the element of that kind this tab walked last (from its own exchanges
 * where it has them), else the first one offered.
 */
export function compareColumns(
  elements: ElementView[],
  walked: Partial<Record<ElementKey, Exchange[]>>,
): CompareColumn[] {
  return KIND_ORDER.flatMap((kind) => {
    const ofKind = elements.filter((element) => element.authType === kind);
    const element = ofKind.find((e) => walked[e.key]) ?? ofKind[0];
    return element ? [{ kind, element, exchanges: walked[element.key] }] : [];
  });
}

/** A cell: what the column's own flow showed, else what the kind's model says. */
const cellOf = (row: Row, column: CompareColumn): Cell => {
  const seen = column.exchanges && row.seen?.(column.exchanges);
  return seen
    ? { text: seen, fromFlow: true }
    : { text: row.defined(column.element), fromFlow: false };
};

/** The three kinds side by side, row by row; a cell from the person's own flow says so. */
export function ComparisonTable({ columns }: { columns: CompareColumn[] }) {
  return (
    <ScrollX label="The comparison table">
      <table className="compare" data-testid="comparison">
        <caption className="visually-hidden">
          {columns.map((c) => `${AUTH_LABEL[c.kind]} (${c.element.name})`).join(', ')} compared
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            {columns.map((column) => (
              <th scope="col" key={column.kind}>
                {column.element.name} · {AUTH_LABEL[column.kind]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.what}>
              <th scope="row">{row.what}</th>
              {columns.map((column) => {
                const { text, fromFlow } = cellOf(row, column);
                return (
                  <td key={column.kind} data-element={column.element.key} data-kind={column.kind}>
                    <Breakable text={text} />
                    {fromFlow && <span className="from-flow"> your flow</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
