import type { ElementView, ProviderLeg, TokenLeg } from '@cew/shared';
import { Breakable } from '../../../components/breakable';
import { CopyButton } from '../../../components/copy-button';
import { JsonView } from '../../../components/json-view';
import { Term } from '../../../components/term';
import { useConfig } from '../api/config';
import { useProviderLegs } from '../api/flow';
import { useWizard } from '../steps';

/**
 * A leg's title: who called whom, and the provider's endpoint as the provider names it (the
 * sandbox serves each provider under `/sandbox/{element}`).
 */
const titleOf = (provider: string, leg: { method: string; url: string }) => {
  const path = URL.canParse(leg.url) ? new URL(leg.url).pathname : leg.url;
  return `Cloud Elements → ${provider}: ${leg.method} ${path.replace(/^\/sandbox\/[^/]+/, '')}`;
};

/** Who called whom, and the provider's status. */
function LegHead({ title, status }: { title: string; status: number }) {
  return (
    <header className="exchange-head">
      <span className="parties">{title}</span>{' '}
      <span className={status < 300 ? 'status status-ok' : 'status status-error'}>{status}</span>
    </header>
  );
}

/** Name and value pairs, in the order sent. */
function Pairs({ rows, caption }: { rows: [string, string][]; caption: string }) {
  return (
    <table className="headers">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <Breakable text={name} />
            </th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The signature base string, its three parts told apart: the method, the encoded URL and the
 * encoded parameters, joined by the two `&` that are not percent-encoded.
 */
function BaseString({ value, label }: { value: string; label: string }) {
  const first = value.indexOf('&');
  const second = value.indexOf('&', first + 1);
  if (first < 0 || second < 0) return <JsonView value={value} label={label} />;
  return (
    <>
      <div className="code-block">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
        <section className="scroll" aria-label={label} tabIndex={0}>
          <pre>
            <code>
              <span className="base-part tone-a">{value.slice(0, first)}</span>&amp;
              <span className="base-part tone-b">{value.slice(first + 1, second)}</span>&amp;
              <span className="base-part tone-c">{value.slice(second + 1)}</span>
            </code>
          </pre>
        </section>
        <CopyButton text={value} label={`Copy ${label}`} />
      </div>
      <p className="muted base-key">
        <span className="base-part tone-a">method</span> &amp;{' '}
        <span className="base-part tone-b">encoded URL</span> &amp;{' '}
        <span className="base-part tone-c">encoded parameters</span>
      </p>
    </>
  );
}

function LegView({ leg, provider }: { leg: ProviderLeg; provider: string }) {
  const title = titleOf(provider, leg);
  return (
    <section className="exchange leg" aria-label={title}>
      <LegHead title={title} status={leg.status} />
      <ol className="signing-steps">
        <li>
          <h5>1. The oauth_* parameters in the Authorization header</h5>
          <Pairs rows={leg.oauthParams} caption="OAuth parameters" />
          <p className="muted">
            <Term id="nonce-timestamp">
              <code>oauth_nonce</code> and <code>oauth_timestamp</code>
            </Term>{' '}
            make each signed request usable once. <code>oauth_version</code> says 1.0: OAuth 1.0a
            kept the number (its “a” is the callback confirmation and the verifier).
          </p>
        </li>
        <li>
          <h5>
            2. Every signed parameter, percent-encoded, sorted and joined (not oauth_signature)
          </h5>
          <JsonView value={leg.normalizedParameters} label={`${leg.name} normalized parameters`} />
        </li>
        <li>
          <h5>
            3. The <Term id="signature">signature base string</Term>: METHOD &amp; encoded URL &amp;
            encoded parameters
          </h5>
          <BaseString value={leg.baseString} label={`${leg.name} signature base string`} />
        </li>
        <li>
          <h5>
            4. The signing key: consumer secret &amp; token secret
            {leg.signingKey.endsWith('&') && ' (empty here: no token exists yet to have a secret)'}
          </h5>
          <p>
            <code data-testid="signing-key">{leg.signingKey}</code>{' '}
            <span className="muted">
              (secrets hidden; the key is the two, encoded, joined by &amp;)
            </span>
          </p>
        </li>
        <li>
          <h5>5. HMAC-SHA1 of the base string with that key, base64: the oauth_signature</h5>
          <p className="muted">A keyed hash: only someone with both secrets computes the same.</p>
          <p>
            <code data-testid="signature">{leg.signature}</code>
          </p>
        </li>
        <li>
          <h5>{provider}'s reply</h5>
          <JsonView value={leg.responseBody} label={`${leg.name} reply`} />
        </li>
      </ol>
    </section>
  );
}

/** OAuth 2.0's one hidden leg: the code traded for tokens, with the client secret, server to server. */
function TokenLegView({ leg, provider }: { leg: TokenLeg; provider: string }) {
  const title = titleOf(provider, leg);
  return (
    <section className="exchange leg" aria-label={title}>
      <LegHead title={title} status={leg.status} />
      <ol className="signing-steps">
        <li>
          <h5>1. The form Cloud Elements posts (no signature: the client secret itself is sent)</h5>
          <Pairs rows={leg.form} caption="Token request form" />
          <p className="muted">
            <Term id="token-endpoint">
              <code>grant_type=authorization_code</code>
            </Term>
            : the code, traded once. The reply's access token is what Cloud Elements then sends{' '}
            {provider} as <code>Authorization: Bearer …</code>; its refresh token gets a new one
            when it expires.
          </p>
        </li>
        <li>
          <h5>{provider}'s reply (tokens hidden)</h5>
          <JsonView value={leg.responseBody} label="token reply" />
        </li>
      </ol>
    </section>
  );
}

/** Sandbox mode: the leg the wizard never sees on the wire, as the sandbox played it. */
export function ProviderLegs({
  name,
  element: of,
}: {
  name: ProviderLeg['name'] | 'token';
  /** Whose legs: the element on screen unless told (the handout shows every walked flow's). */
  element?: ElementView;
}) {
  const { data: config } = useConfig();
  const wizard = useWizard();
  const element = of ?? wizard.element;
  const provider = element.provider;
  const { data } = useProviderLegs(config?.mode === 'sandbox', element.key);
  const legs = data?.legs.filter((leg) => leg.name === name) ?? [];
  if (legs.length === 0) return null;
  const oauth2 = name === 'token';
  return (
    <details className="hidden-leg" open>
      <summary>
        <h3>Behind the scenes: what Cloud Elements sent {provider} (sandbox only)</h3>
      </summary>
      <p className="muted">
        <Term id="provider-legs">A window a real app does not have</Term>: this call is between
        Cloud Elements and {provider}, and no page ever sees it; the sandbox shows you what it
        played.{' '}
        {oauth2
          ? `Cloud Elements trades the code at ${provider}'s token endpoint, server to server. OAuth 2.0 signs nothing: TLS protects the client secret on the way, which is why it must never travel through a browser.`
          : 'Cloud Elements signs it with OAuth 1.0a on your behalf. Here is how the signature was built, step by step.'}
      </p>
      {legs.map((leg) =>
        leg.name === 'token' ? (
          <TokenLegView key={leg.at} leg={leg} provider={provider} />
        ) : (
          <LegView key={leg.at + leg.signature} leg={leg} provider={provider} />
        ),
      )}
    </details>
  );
}
