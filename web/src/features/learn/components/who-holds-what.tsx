import type { ElementDef, ElementKey, FlowView, StepId } from '@cew/shared';
import { ScrollX } from '../../../components/scroll-x';
import { isDone } from '../../wizard/steps';
import { PARTIES, type Party, partyName } from '../arrows';

type Row = {
  what: string;
  /** The step after which each party has seen it ('start': from the outset); absent = never. */
  seen: Partial<Record<Party, StepId | 'start'>>;
  why: string;
};

/** Rows both flows share: the platform's own secrets, and what the flow produces. */
const PLATFORM_SECRETS: Row = {
  what: 'Cloud Elements user and organization secrets',
  seen: { BFF: 'start', 'Cloud Elements': 'start' },
  why: 'Authenticate your account; only the BFF sends them.',
};
const INSTANCE_TOKEN: Row = {
  what: 'Instance token',
  seen: { 'Cloud Elements': 'create-instance', BFF: 'create-instance', Browser: 'create-instance' },
  why: 'Names the instance in later calls; yours to keep like a password.',
};

const TWITTER_ROWS: Row[] = [
  {
    what: 'Twitter consumer secret (apiSecret)',
    seen: { BFF: 'start', 'Cloud Elements': 'request-token', Provider: 'start' },
    why: 'Signs every OAuth request; the BFF sends it to Cloud Elements, never to the browser.',
  },
  PLATFORM_SECRETS,
  {
    what: 'Request token',
    seen: {
      Provider: 'request-token',
      'Cloud Elements': 'request-token',
      BFF: 'request-token',
      Browser: 'request-token',
    },
    why: 'Not a secret alone: it names the attempt, and travels through the browser to Twitter.',
  },
  {
    what: 'Request token secret',
    seen: { Provider: 'request-token', 'Cloud Elements': 'request-token', BFF: 'request-token' },
    why: 'With the consumer secret it signs the access token exchange. The BFF seals it into the flow cookie: the browser carries that sealed blob but cannot read it.',
  },
  {
    what: 'state',
    seen: {
      BFF: 'request-token',
      'Cloud Elements': 'request-token',
      Provider: 'request-token',
      Browser: 'callback',
    },
    why: 'Random, bound to this browser: the callback must bring it back.',
  },
  {
    what: 'oauth_verifier',
    seen: {
      Provider: 'callback',
      Browser: 'callback',
      BFF: 'callback',
      'Cloud Elements': 'create-instance',
    },
    why: 'Proof of consent. Single use; removed from the address bar at once.',
  },
  {
    what: 'Twitter access token and secret',
    seen: { Provider: 'create-instance', 'Cloud Elements': 'create-instance' },
    why: 'Stay with Cloud Elements, which makes the calls; returned masked.',
  },
  INSTANCE_TOKEN,
];

const SALESFORCE_ROWS: Row[] = [
  {
    what: 'Salesforce client secret (apiSecret)',
    seen: { BFF: 'start', 'Cloud Elements': 'authorize-url', Provider: 'start' },
    why: 'Proves the app at the token endpoint, sent as it is (no signature): server to server only.',
  },
  PLATFORM_SECRETS,
  {
    what: 'Client id (apiKey)',
    seen: {
      BFF: 'start',
      Provider: 'start',
      'Cloud Elements': 'authorize-url',
      Browser: 'authorize-url',
    },
    why: 'Public by design in OAuth 2.0: it names the app in the consent URL the browser visits.',
  },
  {
    what: 'state',
    seen: {
      BFF: 'authorize-url',
      'Cloud Elements': 'authorize-url',
      Browser: 'authorize-url',
      Provider: 'callback',
    },
    why: 'Random, bound to this browser: the callback must bring it back. It rides in the URL.',
  },
  {
    what: 'Authorization code',
    seen: {
      Provider: 'callback',
      Browser: 'callback',
      BFF: 'callback',
      'Cloud Elements': 'create-instance',
    },
    why: 'Single use and short-lived; worthless without the client secret, which the browser never has.',
  },
  {
    what: 'Salesforce access and refresh tokens',
    seen: { Provider: 'create-instance', 'Cloud Elements': 'create-instance' },
    why: 'Stay with Cloud Elements, which makes the calls and refreshes the access token.',
  },
  INSTANCE_TOKEN,
];

const ROWS: Record<ElementKey, Row[]> = { twitter: TWITTER_ROWS, sfdc: SALESFORCE_ROWS };

/** Each secret and token, and which parties have seen it so far: why a BFF exists. */
export function WhoHoldsWhat({
  flow,
  element,
}: {
  flow: FlowView | undefined;
  element: ElementDef;
}) {
  return (
    <ScrollX label="Who holds what table">
      <table className="holds" data-testid="who-holds-what">
        <caption>Who has seen what, so far</caption>
        <thead>
          <tr>
            <th scope="col">Secret or token</th>
            {PARTIES.map((party) => (
              <th scope="col" key={party}>
                {partyName(party, element)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS[element.key].map((row) => (
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
                    : from === 'start' || isDone(flow, element, from)
                      ? 'seen'
                      : 'not-yet';
                return (
                  <td
                    key={party}
                    className={`holds-${state}`}
                    data-party={partyName(party, element)}
                  >
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
