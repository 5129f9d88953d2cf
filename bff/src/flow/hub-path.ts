const hasControl = (text: string) =>
  [...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f');

/**
 * Whether a call of the person's own may go through the instance: a read (`GET`) of the
 * element's hub, `/hubs/{hub}/…`, with a query if they like. Returns the path to send, or the
 * reason it is refused.
 *
 * Upstreams normalise paths differently: Tomcat drops `;params` from each segment, some decode
 * `%2f` or `%5c` into separators, some decode twice. Judging the path as one URL parser resolves it
 * and forwarding the raw text would let `/hubs/crm/..;/..;/instances` reach the organization's
 * instance list elsewhere. So the path is split into segments, each is decoded once and checked
 * (no `.` or `..`, no `;`, `/`, `\`, `%` or control character left in it), and the path that goes
 * out is rebuilt from those decoded segments, each encoded again: whatever an upstream does with
 * it, it sees segments under `/hubs/{hub}/` and nothing it could read as a step up. The query is
 * rebuilt from its decoded pairs the same way.
 */
export function checkHubCall(
  hub: string,
  input: { method: string; path: string },
): { ok: true; path: string } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false, reason }) as const;
  if (input.method.toUpperCase() !== 'GET') {
    return refuse(
      `method: only reads (GET) go through the wizard; ${input.method} would change the account behind the instance.`,
    );
  }
  const prefix = `/hubs/${hub}/`;
  if (!input.path.startsWith('/') || /[\s\\]/.test(input.path)) {
    return refuse(`path: start with ${prefix} and use no spaces or backslashes.`);
  }
  if (input.path.startsWith('//')) return refuse('path: a path, not an address.');
  if (input.path.includes('#')) return refuse('path: leave out the #fragment; it is never sent.');
  const queryAt = input.path.indexOf('?');
  const rawPath = queryAt === -1 ? input.path : input.path.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : input.path.slice(queryAt + 1);

  const segments: string[] = [];
  const raws = rawPath.slice(1).split('/');
  // A trailing slash names the same collection: dropped, like "." segments.
  if (raws.length > 1 && raws.at(-1) === '') raws.pop();
  for (const raw of raws) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(`path: ${raw} is not valid percent-encoding.`);
    }
    if (segment === '.') continue; // "this segment": harmless, and dropped
    if (segment === '' || segment === '..' || /[;/\\%]/.test(segment) || hasControl(segment)) {
      return refuse(
        `path: ${rawPath} is not in this element's hub as a plain path; calls of your own go under ${prefix}, one name per segment (no "..", ";", empty or encoded separators).`,
      );
    }
    segments.push(segment);
  }
  const path = `/${segments.map(encodeURIComponent).join('/')}`;
  if (!path.startsWith(prefix) || path.length === prefix.length) {
    return refuse(
      `path: ${path} is not in this element's hub; calls of your own go under ${prefix}.`,
    );
  }
  let query = '';
  if (rawQuery) {
    if (/%(?![0-9A-Fa-f]{2})/.test(rawQuery)) {
      return refuse('path: the query has a % that is not valid percent-encoding.');
    }
    query = `?${new URLSearchParams(rawQuery).toString()}`;
  }
  return { ok: true, path: `${path}${query}` };
}
