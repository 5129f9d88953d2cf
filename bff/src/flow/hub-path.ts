/**
 * Whether a call of the person's own may go through the instance: a read (`GET`) of the
 * element's hub, `/hubs/{hub}/…`, with a query if they like. Judged on the path as Cloud Elements
 * would route it (dot segments resolved, encoded ones too), so `/hubs/crm/../../instances` is not
 * under the hub. Returns the path to send, or the reason it is refused.
 */
export function checkHubCall(
  hub: string,
  input: { method: string; path: string },
): { ok: true; path: string } | { ok: false; reason: string } {
  if (input.method.toUpperCase() !== 'GET') {
    return {
      ok: false,
      reason: `method: only reads (GET) go through the wizard; ${input.method} would change the account behind the instance.`,
    };
  }
  if (!input.path.startsWith('/') || /[\s\\]/.test(input.path)) {
    return {
      ok: false,
      reason: `path: start with /hubs/${hub}/ and use no spaces or backslashes.`,
    };
  }
  const url = new URL(input.path, 'http://hub.invalid');
  if (url.host !== 'hub.invalid') return { ok: false, reason: 'path: a path, not an address.' };
  const prefix = `/hubs/${hub}/`;
  if (!url.pathname.startsWith(prefix) || url.pathname.length === prefix.length) {
    return {
      ok: false,
      reason: `path: ${url.pathname} is not in this element's hub; calls of your own go under ${prefix}.`,
    };
  }
  return { ok: true, path: `${url.pathname}${url.search}` };
}
