import { z } from 'zod';
import type { CallStepId } from '../flow';

export type Mode = 'sandbox' | 'live';

/** What an exchange belongs to: a flow step, instance admin, the element check, or a lab. */
export type ExchangeKind =
  | CallStepId
  | 'list-instances'
  | 'delete-instance'
  | 'check-element'
  | 'hub-call'
  | 'lab';

/**
 * One HTTP exchange as the inspector shows it. Built and redacted by the BFF: every secret in it is
 * already replaced by a marker such as `<TWITTER_API_SECRET>` before it leaves the server.
 */
export type Exchange = {
  step: ExchangeKind;
  /** Who talked to whom, e.g. "BFF → Cloud Elements". */
  parties: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  /** null when no reply came (timeout, connection refused). */
  status: number | null;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  durationMs: number;
  startedAt: string;
  /** The same call as a curl command in the guide's style, secrets as placeholders. */
  curl?: string;
  /** How this record was made, when not from both ends of the call (e.g. a redirect the browser saw). */
  note?: string;
};

export type ErrorCode =
  | 'bad_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'misdirected'
  | 'rate_limited'
  | 'not_found'
  | 'out_of_order'
  | 'callback_mismatch'
  | 'upstream_error'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_bad_reply'
  | 'unsafe_oauth_url'
  | 'internal';

/** Every error reply of the BFF. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** Passed through from a Cloud Elements error reply. */
    requestId?: string;
    providerMessage?: string;
    exchange?: Exchange;
  };
};

/**
 * Cloud Elements' own error shape, passed through by the BFF. Only `message` is required: a
 * malformed `requestId` or `providerMessage` is dropped rather than losing the message.
 */
export const CloudElementsErrorSchema = z.looseObject({
  requestId: z.string().optional().catch(undefined),
  message: z.string(),
  providerMessage: z.string().optional().catch(undefined),
});
export type CloudElementsError = z.infer<typeof CloudElementsErrorSchema>;
