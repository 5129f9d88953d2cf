import type { ErrorBody, ErrorCode, Exchange } from '@cew/shared';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** A failure with a message a person can act on; `app.onError` turns it into the error shape. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: { exchange?: Exchange; requestId?: string; providerMessage?: string } = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export function errorReply(c: Context, error: AppError) {
  return c.json(error.toBody(), error.status);
}

/** Names each bad field, e.g. "name: Give the instance a name." */
export function describeZodError(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
