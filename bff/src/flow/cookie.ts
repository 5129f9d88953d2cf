import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Sealer } from './seal';
import { type FlowState, FlowStateSchema } from './state';

/**
 * The flow cookie. Its sealed value can outgrow one cookie (the instance reply alone is ~2 KB), so
 * it is split into numbered chunks `cew_api_flow_0`, `cew_api_flow_1`, … each under the 4 KB limit.
 * Only the API reads it, so the browser sends it to `/api` alone: not with every asset, nor to the
 * sandbox's stand-ins for Cloud Elements and Twitter, which share this origin. (It was `cew_flow`
 * on path `/`; a new name keeps old chunks from ever mixing with new ones.)
 */
const NAME = 'cew_api_flow';
const PATH = '/api';
const CHUNK = 3800;
const MAX_CHUNKS = 8;
export const FLOW_TTL_MS = 30 * 60 * 1000;

/** The request's cookies, parsed once per request (reading and clearing both need them). */
const jars = new WeakMap<Request, Record<string, string>>();
const NO_COOKIES: Readonly<Record<string, string>> = Object.freeze({});
function jarOf(c: Context): Readonly<Record<string, string>> {
  // A first step 1 comes without cookies: nothing to parse or remember.
  if (!c.req.header('cookie')) return NO_COOKIES;
  let jar = jars.get(c.req.raw);
  if (!jar) {
    jar = getCookie(c);
    jars.set(c.req.raw, jar);
  }
  return jar;
}

export function readFlow(c: Context, sealer: Sealer): FlowState | null {
  const jar = jarOf(c);
  let sealed = '';
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const part = jar[`${NAME}_${i}`];
    if (part === undefined) break;
    sealed += part;
  }
  if (!sealed) return null;
  const parsed = FlowStateSchema.safeParse(sealer.unseal(sealed));
  return parsed.success ? parsed.data : null;
}

export function writeFlow(c: Context, sealer: Sealer, flow: FlowState, secure: boolean): void {
  const sealed = sealer.seal(flow, FLOW_TTL_MS);
  const count = Math.ceil(sealed.length / CHUNK);
  if (count > MAX_CHUNKS) throw new Error('flow state too large for its cookie');
  for (let i = 0; i < count; i++) {
    setCookie(c, `${NAME}_${i}`, sealed.slice(i * CHUNK, (i + 1) * CHUNK), {
      path: PATH,
      httpOnly: true,
      // Lax, not Strict: the provider's redirect back to the callback must carry the cookie.
      sameSite: 'Lax',
      secure,
      maxAge: FLOW_TTL_MS / 1000,
    });
  }
  clearChunks(c, count, secure);
}

export function clearFlow(c: Context, secure: boolean): void {
  clearChunks(c, 0, secure);
}

function clearChunks(c: Context, from: number, secure: boolean): void {
  const jar = jarOf(c);
  for (let i = from; i < MAX_CHUNKS; i++) {
    if (jar[`${NAME}_${i}`] !== undefined) {
      deleteCookie(c, `${NAME}_${i}`, { path: PATH, secure });
    }
  }
}
