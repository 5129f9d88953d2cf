import type { FlowView } from '@cew/shared';
import { ScrollX } from '../../../components/scroll-x';
import { progressOf } from '../../wizard/steps';
import { PARTIES, type Party } from '../arrows';

type Row = {
  what: string;
  /** From how many completed calls each party has seen it; absent = never. */
  seen: Partial<Record<Party, number>>;
  why: string;
};

const ROWS: Row[] = [
  {
    what: 'Twitter consumer secret (apiSecret)',
    seen: { BFF: 0, 'Cloud Elements': 1, Twitter: 0 },
    why: 'Signs every OAuth request; the BFF sends it to Cloud Elements, never to the browser.',
  },
  {
    what: 'Cloud Elements user and organization secrets',
    seen: { BFF: 0, 'Cloud Elements': 0 },
    why: 'Authenticate your account; only the BFF sends them.',
  },
  {
    what: 'Request token',
    seen: { Twitter: 1, 'Cloud Elements': 1, BFF: 1, Browser: 1 },
    why: 'Not a secret alone: it names the attempt, and travels through the browser to Twitter.',
  },
  {
    what: 'Request token secret',
    seen: { Twitter: 1, 'Cloud Elements': 1, BFF: 1 },
    why: 'With the consumer secret it signs the access token exchange. The BFF keeps it encrypted.',
  },
  {
    what: 'state',
    seen: { BFF: 1, 'Cloud Elements': 1, Twitter: 1, Browser: 3 },
    why: 'Random, bound to this browser: the callback must bring it back.',
  },
  {
    what: 'oauth_verifier',
    seen: { Twitter: 3, Browser: 3, BFF: 3, 'Cloud Elements': 4 },
    why: 'Proof of consent. Single use; removed from the address bar at once.',
  },
  {
    what: 'Twitter access token and secret',
    seen: { Twitter: 4, 'Cloud Elements': 4 },
    why: 'Stay with Cloud Elements, which makes the calls; returned masked.',
  },
  {
    what: 'Instance token',
    seen: { 'Cloud Elements': 4, BFF: 4, Browser: 4 },
    why: 'Names the instance in later calls; yours to keep like a password.',
  },
];

/** Each secret and token, and which parties have seen it so far: why a BFF exists. */
export function WhoHoldsWhat({ flow }: { flow: FlowView | undefined }) {
  const progress = progressOf(flow);
  return (
    <ScrollX label="Who holds what table">
      <table className="holds" data-testid="who-holds-what">
        <caption>Who has seen what, so far</caption>
        <thead>
          <tr>
            <th scope="col">Secret or token</th>
            {PARTIES.map((party) => (
              <th scope="col" key={party}>
                {party}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.what}>
              <th scope="row">
                {row.what}
                <span className="muted holds-why">{row.why}</span>
              </th>
              {PARTIES.map((party) => {
                const from = row.seen[party];
                const state = from === undefined ? 'never' : progress >= from ? 'seen' : 'not-yet';
                return (
                  <td key={party} className={`holds-${state}`} data-party={party}>
                    {state === 'seen' ? '✓ seen' : state === 'never' ? '✕ never' : '· not yet'}
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
