import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from './errors';
import type { Sealer } from './flow/seal';
import { json } from './validate';

const NAME = 'cew_access';
export const ACCESS_TTL_MS = 12 * 60 * 60 * 1000;
/** What the access cookie seals: a purpose, so no other sealed value can pass for it. */
const PURPOSE = 'access';
/** Routes anyone may call: the sign-in itself, and what the sign-in screen needs to show. */
const OPEN_PATHS = new Set(['/api/health', '/api/config', '/api/session']);

const SessionInputSchema = z.strictObject({ accessCode: z.string().min(1).max(200) });
const digest = (text: string) => createHash('sha256').update(text).digest();

export type Access = ReturnType<typeof createAccess>;

/**
 * The class's access code (ACCESS_CODE): `POST /api/session` trades it for a sealed 12-hour
 * cookie, and every other API route answers 401 without that cookie. With no code set, all open.
 */
export function createAccess(options: {
  accessCode: string | null;
  sealer: Sealer;
  secure: boolean;
  /** Applied to sign-in attempts: wrong codes are limited per client. */
  limit: MiddlewareHandler;
}) {
  const expected = options.accessCode === null ? null : digest(options.accessCode);
  const signedIn = (cookie: string | undefined) => {
    if (!cookie) return false;
    const value = options.sealer.unseal(cookie);
    return (
      typeof value === 'object' && value !== null && 'purpose' in value && value.purpose === PURPOSE
    );
  };
  return {
    required: expected !== null,
    routes: new Hono().post('/', options.limit, json(SessionInputSchema), (c) => {
      if (expected === null) return c.body(null, 204);
      // Compared as digests, in constant time: the code's length and prefix stay private.
      if (!timingSafeEqual(digest(c.req.valid('json').accessCode), expected)) {
        throw new AppError(
          401,
          'unauthorized',
          'That access code is not right. Ask your trainer for it.',
        );
      }
      setCookie(c, NAME, options.sealer.seal({ purpose: PURPOSE }, ACCESS_TTL_MS), {
        path: '/api',
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secure,
        maxAge: ACCESS_TTL_MS / 1000,
      });
      return c.body(null, 204);
    }),
    /** Refuses every API call but the open ones until this browser has signed in. */
    guard: ((c, next) => {
      if (expected === null || OPEN_PATHS.has(c.req.path) || signedIn(getCookie(c, NAME))) {
        return next();
      }
      throw new AppError(
        401,
        'unauthorized',
        'This wizard is shared with a class: sign in with the access code your trainer gave you.',
      );
    }) satisfies MiddlewareHandler,
  };
}
