import { ELEMENTS, type ElementKey, type Exchange } from '@cew/shared';
import { Link } from 'react-router';
import { useExchangesByElement } from '../../features/wizard/api/flow';
import { stepsFor } from '../../features/wizard/steps';

type Cell = { text: string; fromFlow: boolean };
type Row = {
  what: string;
  /** What the flow definition says, for an element this browser has not walked. */
  defined: Record<ElementKey, string>;
  /** What this browser's own exchanges show, when it has walked the element's flow. */
  seen?: (exchanges: Exchange[]) => string | undefined;
};

const find = (exchanges: Exchange[], step: Exchange['step']) =>
  exchanges.filter((exchange) => exchange.step === step && exchange.status === 200).at(-1);

/** A call as the guide writes it: method and path below Cloud Elements' API root. */
const callLine = (exchange: Exchange) =>
  `${exchange.method} ${new URL(exchange.url).pathname.replace(/^.*\/elements\/api-v2/, '')}`;

/** The callback's parameter names, as the provider sent them and the browser passed them on. */
const callbackParams = (exchanges: Exchange[]) => {
  const callback = find(exchanges, 'callback');
  const sent = callback?.requestBody;
  return sent && typeof sent === 'object' ? Object.keys(sent).join(', ') : undefined;
};

const ROWS: Row[] = [
  {
    what: 'The calls your app makes, in order',
    defined: {
      twitter: stepsFor(ELEMENTS.twitter)
        .map((step) => step.short)
        .join(' → '),
      sfdc: stepsFor(ELEMENTS.sfdc)
        .map((step) => step.short)
        .join(' → '),
    },
    // The calls to Cloud Elements only: the browser's own calls to the BFF are not the app's.
    seen: (exchanges) =>
      [
        ...new Set(
          exchanges
            .filter((e) => e.status === 200 && e.parties === 'BFF → Cloud Elements')
            .map(callLine),
        ),
      ].join(' → ') || undefined,
  },
  {
    what: 'Before the consent page',
    defined: {
      twitter: 'A request token and its secret from Twitter (GET /elements/twitter/oauth/token)',
      sfdc: 'Nothing: the authorization URL is the first call',
    },
  },
  {
    what: 'Who signs what',
    defined: {
      twitter:
        'Cloud Elements signs every call to Twitter with HMAC-SHA1, keyed by the consumer secret and the token secret; the secrets themselves never travel',
      sfdc: 'Nothing is signed: Cloud Elements sends the client secret itself to the token endpoint, and TLS protects it',
    },
  },
  {
    what: 'What travels through the browser',
    defined: {
      twitter: 'The request token (oauth_token), the verifier, state',
      sfdc: 'The client id, redirect_uri, scope, state, then the code',
    },
    seen: (exchanges) => {
      const url = find(exchanges, 'authorize-url')?.responseBody as
        | { oauthUrl?: string }
        | undefined;
      const params = url?.oauthUrl ? [...new URL(url.oauthUrl).searchParams.keys()] : [];
      const back = callbackParams(exchanges);
      return params.length && back
        ? `to the provider: ${params.join(', ')}; back: ${back}`
        : undefined;
    },
  },
  {
    what: 'What the callback carries',
    defined: {
      twitter: 'oauth_token, oauth_verifier, state (or denied=<token> when refused)',
      sfdc: 'code, state (or error=access_denied when refused)',
    },
    seen: callbackParams,
  },
  {
    what: 'What binds the callback to this browser',
    defined: {
      twitter: 'The request token must be this flow’s, and state must match',
      sfdc: 'state alone: the random value this browser’s flow sent',
    },
  },
  {
    what: 'providerData in POST /instances',
    defined: {
      twitter: 'oauth_token, oauth_verifier, secret (the request token secret)',
      sfdc: 'code',
    },
    seen: (exchanges) => {
      const body = find(exchanges, 'create-instance')?.requestBody as
        | { providerData?: Record<string, unknown> }
        | undefined;
      return body?.providerData ? Object.keys(body.providerData).join(', ') : undefined;
    },
  },
  {
    what: 'Secrets the BFF holds',
    defined: {
      twitter:
        'Cloud Elements user and organization secrets, the consumer secret, the request token secret (in the sealed cookie)',
      sfdc: 'Cloud Elements user and organization secrets, the client secret; the code passes through it',
    },
  },
  {
    what: 'Secrets Cloud Elements keeps',
    defined: {
      twitter: 'The consumer secret, the user’s access token and its secret',
      sfdc: 'The client secret, the access token and the refresh token',
    },
  },
  {
    what: 'The first call through the instance',
    defined: {
      twitter: `GET ${ELEMENTS.twitter.tryPath}`,
      sfdc: `GET ${ELEMENTS.sfdc.tryPath}`,
    },
    seen: (exchanges) => {
      const tried = find(exchanges, 'try-it');
      return tried ? callLine(tried) : undefined;
    },
  },
];

const KEYS: ElementKey[] = ['twitter', 'sfdc'];

/** OAuth 1.0a and 2.0 side by side, row by row: from this browser's own flows where it has them. */
export default function ComparePage() {
  const walked = useExchangesByElement();
  const cell = (row: Row, key: ElementKey): Cell => {
    const exchanges = walked[key];
    const seen = exchanges && row.seen?.(exchanges);
    return seen ? { text: seen, fromFlow: true } : { text: row.defined[key], fromFlow: false };
  };
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        OAuth 1.0a and OAuth 2.0, side by side
      </h2>
      <p className="intro">
        The same hub, two OAuth versions. A cell marked <span className="from-flow">your flow</span>{' '}
        comes from the exchanges of a flow you walked in this tab; the others from the flow's
        definition.{' '}
        {KEYS.filter((key) => !walked[key]).map((key) => (
          <span key={key}>
            <Link to="/start">Walk the {ELEMENTS[key].name} flow</Link> to fill its column.{' '}
          </span>
        ))}
      </p>
      <div className="scroll-x">
        <table className="compare" data-testid="comparison">
          <caption className="visually-hidden">
            OAuth 1.0a (Twitter) and OAuth 2.0 (Salesforce) compared
          </caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Twitter · OAuth 1.0a</th>
              <th scope="col">Salesforce · OAuth 2.0</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.what}>
                <th scope="row">{row.what}</th>
                {KEYS.map((key) => {
                  const { text, fromFlow } = cell(row, key);
                  return (
                    <td key={key} data-element={key}>
                      {text}
                      {fromFlow && <span className="from-flow"> your flow</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
