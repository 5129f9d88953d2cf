import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Cloud Elements' error shape: `{"requestId","message"}`, sometimes with `providerMessage`. */
export function ceError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  providerMessage?: string,
) {
  const requestId = randomBytes(12).toString('hex');
  return c.json({ requestId, message, ...(providerMessage ? { providerMessage } : {}) }, status);
}
