import {
  type AuthType,
  checkFields,
  type ElementView,
  fillTemplate,
  KINDS,
  type StepId,
} from '@cew/shared';
import type { ReactNode } from 'react';
import { Term } from '../../components/term';
import { useConfig } from './api/config';

/**
 * What each step does and why, in the words its page opens with. One text per step, read by the
 * step's page and by the handout, so the paper says what the screen said.
 */
type IntroContext = {
  element: ElementView;
  /** Sandbox mode: the consent page is the sandbox's stand-in, on this machine's address. */
  sandbox: boolean;
  /** What the person typed (a Zendesk subdomain…): the consent page's host is filled from it. */
  fields?: Record<string, string>;
};

/**
 * The hosts the BFF allows the consent page on, with the typed fields filled in: only values that
 * pass their check (an invalid subdomain is never shown as if it were the host to be used).
 */
export function hostsOf(element: ElementView, fields: Record<string, string> = {}) {
  const problems = checkFields(element, fields);
  const valid = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !problems.some((p) => p.startsWith(`${key}:`))),
  );
  return (element.consent?.hosts ?? [])
    .map((host) => fillTemplate(host, valid) ?? host)
    .join(' or ');
}

/** How Cloud Elements reaches the provider through an instance, by kind of authentication. */
const PROVIDER_CALL: Record<AuthType, string> = {
  oauth1: 'signs the call to {provider} with the access token it stored',
  oauth2:
    'calls {provider} with the access token it stored, and refreshes it with the refresh token when it runs out',
  basic: 'calls {provider} with the key you gave it, as HTTP Basic authentication',
};

/** Step 4, by kind: what is traded for the instance. */
const CREATE: Record<AuthType, (provider: string) => ReactNode> = {
  oauth1: (provider) => (
    <>
      Your app trades the authorized request token for an{' '}
      <Term id="instance">
        <strong>instance</strong>
      </Term>
      . It sends your Cloud Elements user and organization secrets, the token with its verifier and
      secret, and the app's configuration. Cloud Elements exchanges them with {provider} for an
      access token, stores it in the new instance, and returns the instance's token.
    </>
  ),
  oauth2: (provider) => (
    <>
      Your app trades the <strong>code</strong> for an{' '}
      <Term id="instance">
        <strong>instance</strong>
      </Term>
      . It sends your Cloud Elements user and organization secrets, the code, and the app's
      configuration with its client secret. Cloud Elements trades the code at {provider}'s token
      endpoint (with the client id, the client secret and the same redirect URI) for an access token
      and a refresh token, stores them in the new instance, and returns the instance's token.
    </>
  ),
  basic: (provider) => (
    <>
      Your app sends your own {provider} credentials to Cloud Elements and gets an{' '}
      <Term id="instance">
        <strong>instance</strong>
      </Term>
      . There is no consent page and no token exchange: nothing is delegated. Cloud Elements tries
      your key at {provider}, keeps it in the new instance, and uses it for every call. Your key
      travels once, browser → <Term id="bff">BFF</Term> → Cloud Elements; the BFF keeps it only
      sealed in this flow's cookie, so that from here on it shows as a marker.
    </>
  ),
};

const INTROS: Record<StepId, (context: IntroContext) => ReactNode> = {
  credentials: ({ element }) => {
    const secret = element.fields.find((field) => field.secret);
    return (
      <>
        <p>
          {element.name} authenticates with your own {secret?.title ?? 'key'}: there is no app to
          register, no consent page and no token to trade. Nothing is delegated. Cloud Elements
          keeps the key you give it and acts as you, in full, on every call: to cut its access,
          revoke the key in {element.provider}.
        </p>
        <p>
          Nothing is sent yet. The next step sends these values once, from this page to the{' '}
          <Term id="bff">BFF</Term> and from the BFF to Cloud Elements. The BFF keeps it only sealed
          in this flow's cookie, which this page cannot read, so that from that moment the key shows
          as a marker everywhere, this page included, for as long as the flow lasts.
        </p>
      </>
    );
  },
  'request-token': ({ element }) => (
    <p>
      Your app asks Cloud Elements for a temporary <strong>request token</strong>. Cloud Elements
      uses your {element.provider} app's consumer key and secret to get one from {element.provider},
      and returns the token with its <em>secret</em>. The <Term id="bff">BFF</Term> seals that
      secret into the flow cookie, which only the BFF can open: your browser carries it but only
      ever sees the token.
    </p>
  ),
  'authorize-url': ({ element, sandbox, fields }) => {
    const hosts = hostsOf(element, fields);
    const checks = sandbox ? (
      <>
        the sandbox's own address (plain http on this machine; in live mode https on {hosts}), the
        consent path
      </>
    ) : (
      <>https on {hosts}, the consent path</>
    );
    // A flow that starts with this call (OAuth 2.0) has no request token to bind the URL to.
    if (element.steps[0] === 'authorize-url') {
      return (
        <>
          <p>
            OAuth 2.0 has no request token: the flow starts here. Your app asks Cloud Elements for
            the address of {element.provider}'s consent page, with a random{' '}
            <Term id="state">
              <code>state</code>
            </Term>{' '}
            bound to this browser
            {element.fields.length > 0 && (
              <> and the {element.fields.map((f) => f.title.toLowerCase()).join(', ')} you type</>
            )}
            . Before handing the address to your browser, the <Term id="bff">BFF</Term> checks it:{' '}
            {checks}, this flow's <code>state</code>, and no client secret. The address carries{' '}
            <Term id="oauth2-authorize">
              <code>response_type</code>, <code>client_id</code>, <code>scope</code> and{' '}
              <code>redirect_uri</code>
            </Term>{' '}
            (Cloud Elements' <code>callbackUrl</code>, under OAuth 2.0's name).
          </p>
          <p className="muted">
            Cloud Elements' own guide shows an address with <code>client_secret=…</code> in it. That
            address goes through the browser, its history and any proxy on the way: a secret there
            is a secret leaked, so the BFF refuses one (try the failure lab).
          </p>
        </>
      );
    }
    return (
      <p>
        With the request token, your app asks Cloud Elements for the address of {element.provider}
        's consent page. Before handing it to your browser, the <Term id="bff">BFF</Term> checks it:{' '}
        {checks}, and this flow's token in it, so a tampered reply can't send you somewhere else.
      </p>
    );
  },
  callback: ({ element, sandbox }) => {
    const callback = KINDS[element.authType].callback;
    // The request token travels with the person only in OAuth 1.0a: the callback must bring it.
    const bindsToken = element.steps.includes('request-token');
    const provider = sandbox ? `the sandbox's ${element.provider}` : element.provider;
    const allow = element.consent?.allow ?? 'Allow';
    const refuse = element.consent?.deny ?? 'Cancel';
    const granted = (callback?.granted ?? '').split(', ');
    return (
      <>
        <p>
          Now the owner of the {element.provider} account decides. Your browser leaves the wizard
          for {provider}'s consent page. Press <strong>{allow}</strong> and {element.provider} sends
          you back to the callback URL with{' '}
          {granted.map((name, index) => (
            <span key={name}>
              {index > 0 && (index === granted.length - 1 ? ' and ' : ', ')}
              {name === 'state' ? (
                <Term id="state">
                  <code>{name}</code>
                </Term>
              ) : (
                <code>{name}</code>
              )}
            </span>
          ))}
          . Press <strong>{refuse}</strong> and it sends{' '}
          <Term id="denied">
            <code>{callback?.refused}</code>
          </Term>{' '}
          instead.
        </p>
        <p>
          Back here, the <Term id="bff">BFF</Term> accepts the callback only if its{' '}
          {bindsToken && (
            <>
              <code>oauth_token</code> and{' '}
            </>
          )}
          <code>state</code> {bindsToken ? 'match' : 'matches'} this browser's flow, and only once.
          The {callback?.grantName ?? 'grant'} is then removed from the address bar.
        </p>
      </>
    );
  },
  'create-instance': ({ element }) => <p>{CREATE[element.authType](element.provider)}</p>,
  'instance-token': () => (
    <p>
      The <Term id="instance">instance</Term> exists. Its{' '}
      <Term id="instance-token">
        <strong>token</strong>
      </Term>{' '}
      identifies it in every later call through Cloud Elements, sent as{' '}
      <Term id="authorization-header">
        <code>
          Authorization: User &lt;user secret&gt;, Organization &lt;org secret&gt;, Element
          &lt;instance token&gt;
        </code>
      </Term>
      . Keep it like a password.
    </p>
  ),
  'try-it': ({ element }) => (
    <p>
      An <Term id="instance">instance</Term> is only useful if it works. This makes one real call
      through it: the {element.hub} <Term id="hub">hub</Term>'s{' '}
      <code>GET {element.tryIt.path}</code>, authenticated by your Cloud Elements user and
      organization secrets <em>and</em> the instance token, which tells Cloud Elements whose{' '}
      {element.provider} account to use. Cloud Elements{' '}
      {PROVIDER_CALL[element.authType].replace('{provider}', element.provider)}. This call is the
      proof, after {callsToCloudElements(element)} that made the instance.
    </p>
  ),
};

/** The steps that call Cloud Elements itself (the consent page and the callback do not). */
const CE_CALL_STEPS = new Set<StepId>(['request-token', 'authorize-url', 'create-instance']);
const COUNT = ['no call', 'the one call', 'the two calls', 'the three calls'];

/** How many of this element's steps called Cloud Elements, in words ("the two calls"). */
const callsToCloudElements = (element: Pick<ElementView, 'steps'>) => {
  const count = element.steps.filter((id) => CE_CALL_STEPS.has(id)).length;
  return COUNT[count] ?? `the ${count} calls`;
};

/** A step's opening text: what it does and why, in the mode the wizard runs in. */
export function StepIntro({ id, ...context }: { id: StepId } & Omit<IntroContext, 'sandbox'>) {
  const { data: config } = useConfig();
  const { element } = context;
  // An element no one wrote teaching for says, on its first step, what came from its definition.
  const first = element.steps[0] === id && !element.guided && element.fromDefinition;
  return (
    <>
      {first && (
        <aside className="notice from-definition" aria-label="From Cloud Elements' definition">
          <p>
            <strong>{element.name}</strong> is walked from Cloud Elements' definition alone (
            <code>GET /elements/{element.key}</code>): no one wrote teaching for it here. From the
            definition came {element.fromDefinition?.join('; ')}. The steps, diagram and who holds
            what are its kind's. What a definition cannot say (the provider's own words and errors,
            which scopes it needs) you will meet on the provider's pages.
          </p>
        </aside>
      )}
      {INTROS[id]({ ...context, sandbox: config?.mode === 'sandbox' })}
    </>
  );
}
