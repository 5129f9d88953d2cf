import type { FlowView, StepId } from '@cew/shared';
import { ScrollX } from '../../../components/scroll-x';
import { isDone } from '../../wizard/steps';
import { PARTIES, type Party } from '../arrows';

type Row = {
  what: string;
  /** The step after which each party has seen it ('start': from the outset); absent = never. */
  seen: Partial<Record<Party, StepId | 'start'>>;
  why: string;
};

const ROWS: Row[] = [
  {
    what: 'Twitter consumer secret (apiSecret)',
    seen: { BFF: 'start', 'Cloud Elements': 'request-token', Twitter: 'start' },
    why: 'Signs every OAuth request; the BFF sends it to Cloud Elements, never to the browser.',
  },
  {
    what: 'Cloud Elements user and organization secrets',
    seen: { BFF: 'start', 'Cloud Elements': 'start' },
    why: 'Authenticate your account; only the BFF sends them.',
  },
  {
    what: 'Request token',
    seen: {
      Twitter: 'request-token',
      'Cloud Elements': 'request-token',
      BFF: 'request-token',
      Browser: 'request-token',
    },
    why: 'Not a secret alone: it names the attempt, and travels through the browser to Twitter.',
  },
  {
    what: 'Request token secret',
    seen: { Twitter: 'request-token', 'Cloud Elements': 'request-token', BFF: 'request-token' },
    why: 'With the consumer secret it signs the access token exchange. The BFF keeps it encrypted.',
  },
  {
    what: 'state',
    seen: {
      BFF: 'request-token',
      'Cloud Elements': 'request-token',
      Twitter: 'request-token',
      Browser: 'callback',
    },
    why: 'Random, bound to this browser: the callback must bring it back.',
  },
  {
    what: 'oauth_verifier',
    seen: {
      Twitter: 'callback',
      Browser: 'callback',
      BFF: 'callback',
      'Cloud Elements': 'create-instance',
    },
    why: 'Proof of consent. Single use; removed from the address bar at once.',
  },
  {
    what: 'Twitter access token and secret',
    seen: { Twitter: 'create-instance', 'Cloud Elements': 'create-instance' },
    why: 'Stay with Cloud Elements, which makes the calls; returned masked.',
  },
  {
    what: 'Instance token',
    seen: {
      'Cloud Elements': 'create-instance',
      BFF: 'create-instance',
      Browser: 'create-instance',
    },
    why: 'Names the instance in later calls; yours to keep like a password.',
  },
];

/** Each secret and token, and which parties have seen it so far: why a BFF exists. */
export function WhoHoldsWhat({ flow }: { flow: FlowView | undefined }) {
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
                const state =
                  from === undefined
                    ? 'never'
                    : from === 'start' || isDone(flow, from)
                      ? 'seen'
                      : 'not-yet';
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
