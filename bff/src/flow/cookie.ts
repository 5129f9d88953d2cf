import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import type { Sealer } from './seal';
import { type FlowState, FlowStateSchema } from './state';

/**
 * The flow cookie: one cookie, sealed, a few hundred bytes (the flow state's fields are bounded).
 * Only the API reads it, so the browser sends it to `/api` alone: not with every asset, nor to the
 * sandbox's stand-ins for Cloud Elements and Twitter, which share this origin.
 */
const NAME = 'cew_flow';
const PATH = '/api';
export const FLOW_TTL_MS = 30 * 60 * 1000;
/** The chunked cookies of earlier versions (`cew_api_flow_0`, …): cleared when a browser sends them. */
const OLD_CHUNKS = /^cew_api_flow_\d$/;

export type FlowStore = ReturnType<typeof createFlowStore>;

/** Reads and writes a browser's flow in its cookie; `secure` when the wizard is served over https. */
export function createFlowStore(sealer: Sealer, secure: boolean) {
  // The cookie's attributes never change: Hono serializes them once, here; each save adds only
  // the sealed value (base64url, nothing to escape) in front of them.
  const attributes = serialize(NAME, '', {
    path: PATH,
    httpOnly: true,
    // Lax, not Strict: the provider's redirect back to the callback must carry the cookie.
    sameSite: 'Lax',
    secure,
    maxAge: FLOW_TTL_MS / 1000,
  }).slice(`${NAME}=`.length);
  return {
    load(c: Context): FlowState | null {
      if (!c.req.header('cookie')) return null;
      const sealed = getCookie(c, NAME);
      if (!sealed) return null;
      const parsed = FlowStateSchema.safeParse(sealer.unseal(sealed));
      return parsed.success ? parsed.data : null;
    },
    save(c: Context, flow: FlowState): void {
      c.header('set-cookie', `${NAME}=${sealer.seal(flow, FLOW_TTL_MS)}${attributes}`, {
        append: true,
      });
      clearOldChunks(c, secure);
    },
    clear(c: Context): void {
      if (getCookie(c, NAME) !== undefined) deleteCookie(c, NAME, { path: PATH, secure });
      clearOldChunks(c, secure);
    },
  };
}

function clearOldChunks(c: Context, secure: boolean) {
  if (!c.req.header('cookie')?.includes('cew_api_flow_')) return;
  for (const name of Object.keys(getCookie(c))) {
    if (OLD_CHUNKS.test(name)) deleteCookie(c, name, { path: PATH, secure });
  }
}
