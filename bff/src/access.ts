import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from './errors';
import type { Sealer } from './flow/seal';
import { randomToken } from './random';
import { json } from './validate';

const NAME = 'cew_access';
const LEARNER = 'cew_learner';
export const ACCESS_TTL_MS = 12 * 60 * 60 * 1000;
const LEARNER_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Routes anyone may call: the sign-in itself, and what the sign-in screen needs to show. */
const OPEN_PATHS = new Set(['/api/health', '/api/config', '/api/session']);

const SessionInputSchema = z.strictObject({ accessCode: z.string().min(1).max(200) });
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who is calling. `owner`: a wizard not shared with a class (no code set), whose one user sees
 * every instance the wizard made. In a class, a `learner` sees and deletes only their own; the
 * `trainer` (TRAINER_CODE) the whole class's.
 */
export type Role = 'owner' | 'learner' | 'trainer';
export type Caller = {
  role: Role /** This browser's own tag, on every instance it creates. */;
  tag: string;
};

export type Access = ReturnType<typeof createAccess>;

/**
 * The class's codes. ACCESS_CODE: `POST /api/session` trades it for a sealed 12-hour cookie, and
 * every other API route answers 401 without that cookie. TRAINER_CODE signs in the trainer. Each
 * cookie seals a fingerprint of the code it was given for, so changing a code ends the sign-ins
 * made with the old one. Every browser also gets a sealed learner tag of its own.
 */
export function createAccess(options: {
  /** Whether more than one person may use this server (config's one test): learners then. */
  classPossible: boolean;
  accessCode: string | null;
  trainerCode: string | null;
  sealer: Sealer;
  secure: boolean;
  /** Applied to sign-in attempts: wrong codes are limited per client. */
  limit: MiddlewareHandler;
}) {
  const codes: [Exclude<Role, 'owner'>, string | null][] = [
    ['learner', options.accessCode],
    ['trainer', options.trainerCode],
  ];
  const classMode = options.classPossible;
  const anyCode = codes.some(([, code]) => code !== null);
  // A fingerprint of each code, sealed in the cookie: a new code, a new fingerprint.
  const fingerprint = (role: string, code: string) =>
    digest(`${role}:${code}`).subarray(0, 12).toString('base64url');
  const current = Object.fromEntries(
    codes.flatMap(([role, code]) => (code === null ? [] : [[role, fingerprint(role, code)]])),
  ) as Partial<Record<Role, string>>;

  /** The role a sign-in cookie proves, if it was sealed for a code still in force. */
  const signedInAs = (cookie: string | undefined): Exclude<Role, 'owner'> | null => {
    if (!cookie) return null;
    const value = options.sealer.unseal(cookie) as {
      purpose?: unknown;
      role?: unknown;
      code?: unknown;
    };
    if (typeof value !== 'object' || value === null || value.purpose !== 'access') return null;
    const role = value.role === 'trainer' ? 'trainer' : 'learner';
    return current[role] !== undefined && value.code === current[role] ? role : null;
  };

  /** This browser's learner tag: from its sealed cookie, or new (and set) on its first call. */
  const tags = new WeakMap<Request, string>();
  const tagOf = (c: Context): string => {
    const known = tags.get(c.req.raw);
    if (known) return known;
    const value = options.sealer.unseal(getCookie(c, LEARNER) ?? '') as {
      learner?: unknown;
    } | null;
    let tag = typeof value?.learner === 'string' ? value.learner : undefined;
    if (!tag) {
      tag = `learner-${randomToken(6)}`;
      setCookie(c, LEARNER, options.sealer.seal({ learner: tag }, LEARNER_TTL_MS), {
        path: '/api',
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secure,
        maxAge: LEARNER_TTL_MS / 1000,
      });
    }
    tags.set(c.req.raw, tag);
    return tag;
  };

  return {
    required: options.accessCode !== null,
    /** Gives this browser its learner tag now, if it has none (the page does, before any call). */
    ensureTag: (c: Context) => {
      tagOf(c);
    },
    /** Who is calling: their role, and their own tag. */
    callerOf(c: Context): Caller {
      if (!classMode) return { role: 'owner', tag: tagOf(c) };
      return { role: signedInAs(getCookie(c, NAME)) ?? 'learner', tag: tagOf(c) };
    },
    routes: new Hono().post('/', options.limit, json(SessionInputSchema), (c) => {
      if (!anyCode) return c.body(null, 204);
      const given = digest(c.req.valid('json').accessCode);
      // Compared as digests, in constant time: a code's length and prefix stay private.
      const role = codes.find(
        ([, code]) => code !== null && timingSafeEqual(given, digest(code)),
      )?.[0];
      if (!role) {
        throw new AppError(
          401,
          'unauthorized',
          'That access code is not right. Ask your trainer for it.',
        );
      }
      setCookie(
        c,
        NAME,
        options.sealer.seal({ purpose: 'access', role, code: current[role] }, ACCESS_TTL_MS),
        {
          path: '/api',
          httpOnly: true,
          sameSite: 'Lax',
          secure: options.secure,
          maxAge: ACCESS_TTL_MS / 1000,
        },
      );
      return c.body(null, 204);
    }),
    /** Refuses every API call but the open ones until this browser has signed in. */
    guard: ((c, next) => {
      if (
        options.accessCode === null ||
        OPEN_PATHS.has(c.req.path) ||
        signedInAs(getCookie(c, NAME)) !== null
      ) {
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
