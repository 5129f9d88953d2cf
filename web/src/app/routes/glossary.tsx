import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { TermId } from '../../components/term';

/** A term the wizard uses, and what it means here. `id` is the anchor pages link to. */
type Term = { id: TermId; term: string; meaning: string };

/**
 * Every term the wizard uses without explaining it on the spot, in one place, linked from every
 * page (the header and the footer).
 */
const TERMS = [
  {
    id: 'bff',
    term: 'BFF (backend for frontend)',
    meaning:
      'The small server beside this page. It holds every secret, makes the calls to Cloud Elements, and hands this page only redacted records of them. The page never holds a secret; it carries the BFF’s sealed cookie, which it cannot read.',
  },
  {
    id: 'element',
    term: 'Element',
    meaning:
      'Cloud Elements’ connector to one provider (Twitter, Salesforce, Freshdesk…), addressed by its key (`twitter`, `sfdc`). Each authenticates in one of a few ways: OAuth 1.0a, OAuth 2.0, or your own key (basic).',
  },
  {
    id: 'hub',
    term: 'Hub',
    meaning:
      'A family of elements with one API: `crm`, `documents`, `helpdesk`, `social`. A call through an instance goes to `/hubs/{hub}/…`, the same whichever element of the hub is behind it.',
  },
  {
    id: 'instance',
    term: 'Instance',
    meaning:
      'One connected account of an element: what `POST /instances` creates. Cloud Elements keeps the provider’s tokens (or your key) in it and calls the provider with them.',
  },
  {
    id: 'instance-token',
    term: 'Instance token',
    meaning:
      'Names one instance in every call through it, as the `Element` part of the Authorization header. A credential: keep it like a password.',
  },
  {
    id: 'authorization-header',
    term: 'Authorization: User …, Organization …, Element …',
    meaning:
      'Cloud Elements’ own header. User and Organization are your account’s two secrets (on your Cloud Elements profile page, as CE_USER_SECRET and CE_ORG_SECRET in the BFF); Element, an instance’s token, is added for calls through that instance.',
  },
  {
    id: 'state',
    term: 'state',
    meaning:
      'A random value the BFF makes for this browser’s flow and sends with the authorization URL; the callback must bring it back. It stops another site finishing a flow in your name (cross-site request forgery).',
  },
  {
    id: 'nonce-timestamp',
    term: 'oauth_nonce and oauth_timestamp',
    meaning:
      'OAuth 1.0a signs each request with a one-time random value and the time. The provider refuses a timestamp minutes off its clock and a nonce it has seen: a captured request cannot be replayed.',
  },
  {
    id: 'signature',
    term: 'Signature base string and HMAC-SHA1 (OAuth 1.0a)',
    meaning:
      'How OAuth 1.0a proves a request without sending a secret. The request is reduced to one line, its signature base string: the method, the encoded URL and every parameter, encoded and sorted, joined by `&`. HMAC-SHA1 is a keyed hash: run over that line with the signing key (the consumer secret and the token secret, joined by `&`), it gives the `oauth_signature`. The provider computes the same with its own copy of the secrets; a changed byte or a wrong secret gives another signature. `oauth_version` still says `1.0`: the “a” (the callback confirmation and the verifier) did not change the number.',
  },
  {
    id: 'oauth2-authorize',
    term: 'response_type, client_id, scope, redirect_uri (OAuth 2.0)',
    meaning:
      'The parameters of an OAuth 2.0 consent page’s address. `response_type=code` asks for an authorization code (the browser carries a code, never a token); `client_id` names the app, in public; `scope` is what the app may do; `redirect_uri` is where the provider sends the person back. Cloud Elements calls that same address `callbackUrl` in its own API (step 1’s query) and `oauth.callback.url` in the instance; on the provider’s page it is `redirect_uri`, and it must match the app’s registered callback exactly.',
  },
  {
    id: 'token-endpoint',
    term: 'grant_type, access token, refresh token, Bearer (OAuth 2.0)',
    meaning:
      'At the provider’s token endpoint Cloud Elements posts `grant_type=authorization_code` with the code and the client secret, server to server, and gets an access token and a refresh token. The access token is short-lived and is sent as `Authorization: Bearer <access token>`: a bearer token works for whoever holds it, which is why it never reaches the browser. The refresh token gets a new access token when the old one expires (`grant_type=refresh_token`). Cloud Elements keeps both and refreshes on its own.',
  },
  {
    id: 'callback-confirmed',
    term: 'oauth_callback_confirmed',
    meaning:
      'The provider’s “yes, I noted your callback URL” in its request-token reply. Without it the provider speaks OAuth 1.0, not 1.0a, which an attacker can redirect: Cloud Elements must refuse.',
  },
  {
    id: 'denied',
    term: 'denied',
    meaning:
      'OAuth 1.0a’s refusal on the callback. Its value is the request token, so the app knows which attempt was refused. OAuth 2.0 says `error=access_denied` instead.',
  },
  {
    id: 'provider-legs',
    term: 'Behind the scenes (the provider legs)',
    meaning:
      'Cloud Elements’ own calls to the provider. A real app never sees them; in sandbox mode the sandbox records them and the wizard shows them (`GET /api/labs/provider-legs`).',
  },
  {
    id: 'reply-fields',
    term: 'typeOauth, provisionInteractions, maxCacheSize, externalAuthentication',
    meaning:
      'Fields of Cloud Elements’ replies the wizard does not use. `typeOauth` can disagree with `authentication.type` (read the latter); `provisionInteractions` lists the calls Cloud Elements made while provisioning; `maxCacheSize` and `cacheTimeToLive` size and age Cloud Elements’ cache of the provider’s replies for this instance (0: no cache; `cachingEnabled` says whether it is on); `externalAuthentication` says whether someone else manages the account’s tokens (`none` here).',
  },
  {
    id: 'markers',
    term: 'How a value is shown: in clear, a marker, asterisks',
    meaning:
      'One rule per value, on every card. In clear: what the browser itself carries or has seen (the request token, `state`, the verifier or code the callback brought, an OAuth 2.0 client id). `<CE_USER_SECRET>`, `<INSTANCE_TOKEN>` and the like, markers: a secret the BFF replaced before anything reached this page (the instance token shows only when you reveal it, step 5). `********`: Cloud Elements’ own masking of the secrets it stores, in the instance it returns. “Sealed in the flow cookie” says where the BFF keeps a value between steps; it never stands in place of one.',
  },
  {
    id: 'highlights',
    term: 'Highlighted values',
    meaning:
      'In an exchange, a value that travels between steps (the request token, the verifier, the code) has one highlight colour wherever it appears; pressing it tells its route. In the signature base string the three colours mark its three parts: method, encoded URL, encoded parameters.',
  },
  {
    id: 'exchange-card',
    term: 'Reading an exchange card',
    meaning:
      'Each card is one call and its reply: who called whom, the method, the status and the time. The status badge is green for a success (2xx), red for an error or no reply, grey for a success that says nothing happened (`200 { accepted: false }` after a refusal). “36 ms round trip” is a call the BFF made, timed by the BFF from request to reply; “0 ms in the BFF” is this page’s call to the BFF, timed only while the BFF handled it (the network is the page’s to time: the timeline shows it). Press the circled “i” beside a field for what it is, where it came from and where it goes. A highlighted value travels between steps, one colour per value; a `<MARKER>` is a secret the BFF hid.',
  },
  {
    id: 'diagram-colours',
    term: 'The diagram’s colours',
    meaning:
      'A solid arrow is a call, a dashed one its reply. Green: done. Blue and bold: the step on screen. Grey: not yet. Red: where a call failed. Orange: a refusal on the consent page. Struck through: never reached, because an earlier hop failed or access was refused.',
  },
] satisfies Term[];

/** Every term a page may link to has its entry: a new `TermId` without one fails the build. */
type Unexplained = Exclude<TermId, (typeof TERMS)[number]['id']>;
export const everyTermExplained: [Unexplained] extends [never] ? true : Unexplained = true;

/** A meaning's text, its `backquoted` parts as code. */
const withCode = (text: string) =>
  text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));

export default function GlossaryPage() {
  const { hash } = useLocation();
  // A link to one term (`/glossary#bff`) brings it into view, once the page's heading has had
  // its focus (the layout's, after every navigation).
  useEffect(() => {
    const term = hash ? document.getElementById(hash.slice(1)) : null;
    if (!term) return;
    const timer = setTimeout(() => term.scrollIntoView({ block: 'center' }), 0);
    return () => clearTimeout(timer);
  }, [hash]);
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        Glossary
      </h2>
      <p className="intro">
        The words the wizard uses, and what they mean here. <Link to="/">Back to your step</Link>.
      </p>
      <dl className="glossary">
        {TERMS.map((term) => (
          <div
            key={term.id}
            id={term.id}
            className={hash === `#${term.id}` ? 'glossary-current' : undefined}
          >
            <dt>{term.term}</dt>
            <dd>{withCode(term.meaning)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
