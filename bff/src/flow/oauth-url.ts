import { type ElementDescriptor, fillTemplate, OAUTH_URL_MAX } from '@cew/shared';

/**
 * Decides whether an `oauthUrl` from Cloud Elements may be handed to the browser, which will
 * navigate to it. A compromised or misconfigured upstream must not be able to send people to a
 * look-alike page, a `javascript:` URL, an open redirect on the provider's own host, or a page
 * for someone else's token; nor may the URL carry the app's secret into the browser.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type OauthUrlPolicy = {
  /** OAUTH_ALLOWED_HOSTS: hosts you allow, whose consent path may sit under a prefix. */
  extraHosts: string[];
  /** In sandbox mode the sandbox's own origin, which may be plain http on loopback. */
  sandboxOrigin?: string;
  /** Whether a string carries one of the app's secrets, in any form (the redactor knows). */
  carriesSecret: (text: string) => boolean;
};

export type OauthUrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

/** Printable ASCII only: no spaces, controls or look-alike letters such as full-width `ｘ`. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * What binds the URL to this flow: OAuth 1.0a's request token (`oauth_token`), OAuth 2.0's
 * random `state`; and the fields the person typed, which fill the element's templated hosts
 * (`{acme.subdomain}.provider.example`).
 */
export type OauthUrlBinding = {
  element: Pick<ElementDescriptor, 'consent'>;
  param: 'oauth_token' | 'state';
  /** OAuth 2.0: the app the URL must name, and the callback it must come back to. */
  app?: { clientId: string; callbackUrl?: string };
  value: string;
  fields: Record<string, string>;
};

/** The element's consent hosts and paths, its templates filled with this flow's fields. */
function consentOf(binding: OauthUrlBinding) {
  const consent = binding.element.consent;
  return {
    hosts: (consent?.hosts ?? []).flatMap((host) => fillTemplate(host, binding.fields) ?? []),
    paths: consent?.paths ?? [],
  };
}

export function checkOauthUrl(
  raw: string,
  binding: OauthUrlBinding,
  policy: OauthUrlPolicy,
): OauthUrlVerdict {
  const consent = consentOf(binding);
  // The flow keeps the URL in its cookie, which must stay small; real ones are far shorter.
  if (raw.length > OAUTH_URL_MAX) {
    return { ok: false, reason: `it is longer than ${OAUTH_URL_MAX} characters` };
  }
  if (!PRINTABLE_ASCII.test(raw)) {
    return { ok: false, reason: 'it contains spaces, control characters or non-ASCII letters' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'it is not a valid absolute URL' };
  }
  const isSandbox = policy.sandboxOrigin !== undefined && url.origin === policy.sandboxOrigin;
  const host = url.hostname.toLowerCase();
  // Plain http, and a port of its own, only where no network can read it: the embedded sandbox,
  // or an allowed loopback host (the standalone sandbox in a live-mode rehearsal).
  const isProvider = consent.hosts.includes(host);
  const isExtra = policy.extraHosts.includes(host);
  const isAllowedLoopback = LOOPBACK.has(host) && isExtra;
  if (url.protocol !== 'https:' && !isSandbox && !(url.protocol === 'http:' && isAllowedLoopback)) {
    return { ok: false, reason: `it uses ${url.protocol} instead of https:` };
  }
  if (url.username || url.password) return { ok: false, reason: 'it carries credentials' };
  if (!isSandbox && !isProvider && !isExtra) {
    return { ok: false, reason: `its host ${url.hostname} is not an allowed provider host` };
  }
  if (url.port !== '' && !isSandbox && !isAllowedLoopback) {
    return { ok: false, reason: `it names port ${url.port} instead of the default` };
  }
  // On the provider's own hosts the exact consent paths; elsewhere (the sandbox, a host you
  // allow) a path ending in one, such as /sandbox/twitter/oauth/authorize.
  const pathOk = consent.paths.some((path) =>
    isProvider ? url.pathname === path : url.pathname.endsWith(path),
  );
  if (!pathOk) {
    return { ok: false, reason: `its path ${url.pathname} is not the provider's consent page` };
  }
  const bound = url.searchParams.getAll(binding.param);
  if (bound.length !== 1 || bound[0] !== binding.value) {
    const what = binding.param === 'oauth_token' ? 'request token' : 'state';
    return {
      ok: false,
      reason:
        bound.length > 1
          ? `it carries ${binding.param} more than once`
          : `it does not carry this flow's ${what}`,
    };
  }
  if (url.searchParams.has('client_secret') || policy.carriesSecret(raw)) {
    return { ok: false, reason: "it carries the app's secret, which must never reach a browser" };
  }
  // OAuth 2.0: the request must be this app's, coming back here, for a code; one of each. A URL
  // naming another client or callback would send the person's consent (and code) elsewhere.
  if (binding.app) {
    const expected: [string, string][] = [
      ['client_id', binding.app.clientId],
      ...(binding.app.callbackUrl
        ? [['redirect_uri', binding.app.callbackUrl] as [string, string]]
        : []),
      ['response_type', 'code'],
    ];
    for (const [name, value] of expected) {
      const given = url.searchParams.getAll(name);
      if (given.length !== 1) {
        return {
          ok: false,
          reason: given.length ? `it carries ${name} more than once` : `it carries no ${name}`,
        };
      }
      if (given[0] !== value) {
        return {
          ok: false,
          reason:
            name === 'client_id'
              ? "its client_id is not this app's"
              : name === 'redirect_uri'
                ? "its redirect_uri is not this wizard's callback"
                : `its response_type is ${given[0]}, not code`,
        };
      }
    }
  }
  // The canonical serialization, not the raw string: what the browser gets is what was checked.
  return { ok: true, url: url.href };
}
