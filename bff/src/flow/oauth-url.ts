import { OAUTH_URL_MAX } from '@cew/shared';

/**
 * Decides whether an `oauthUrl` from Cloud Elements may be handed to the browser, which will
 * navigate to it. A compromised or misconfigured upstream must not be able to send people to a
 * look-alike page, a `javascript:` URL, or a page for someone else's token.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type OauthUrlPolicy = {
  allowedHosts: string[];
  /** In sandbox mode the sandbox's own origin, which may be plain http on loopback. */
  sandboxOrigin?: string;
};

export function checkOauthUrl(
  raw: string,
  requestToken: string,
  policy: OauthUrlPolicy,
): { ok: true } | { ok: false; reason: string } {
  // The flow keeps the URL in its cookie, which must stay small; real ones are far shorter.
  if (raw.length > OAUTH_URL_MAX) {
    return { ok: false, reason: `it is longer than ${OAUTH_URL_MAX} characters` };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'it is not a valid absolute URL' };
  }
  const isSandbox = policy.sandboxOrigin !== undefined && url.origin === policy.sandboxOrigin;
  const host = url.hostname.toLowerCase();
  // Plain http only where no network can read it: the embedded sandbox, or an allowed loopback
  // host (the standalone sandbox in a live-mode rehearsal).
  const isAllowedLoopback = LOOPBACK.has(host) && policy.allowedHosts.includes(host);
  if (url.protocol !== 'https:' && !isSandbox && !(url.protocol === 'http:' && isAllowedLoopback)) {
    return { ok: false, reason: `it uses ${url.protocol} instead of https:` };
  }
  if (url.username || url.password) return { ok: false, reason: 'it carries credentials' };
  if (!isSandbox && !policy.allowedHosts.includes(host)) {
    return { ok: false, reason: `its host ${url.hostname} is not an allowed provider host` };
  }
  if (url.searchParams.get('oauth_token') !== requestToken) {
    return { ok: false, reason: "it does not carry this flow's request token" };
  }
  return { ok: true };
}
