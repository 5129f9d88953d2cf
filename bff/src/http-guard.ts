import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

/**
 * Against DNS rebinding: a page on another name that resolves to this server must not reach the
 * API, so a request whose Host is not PUBLIC_URL's is refused (421) before anything else runs.
 */
export function hostGuard(publicHost: string): MiddlewareHandler {
  return (c, next) => {
    if (c.req.header('host') !== publicHost) {
      throw new AppError(
        421,
        'misdirected',
        `This API answers only at ${publicHost}. Open the wizard at its PUBLIC_URL.`,
      );
    }
    return next();
  };
}

/**
 * Cross-site request defence for the API: the SPA and the BFF share one origin, so any request
 * another site makes (even a GET, which may cost an upstream call made with the organization's
 * secrets) is refused, and POSTs must be JSON (a cross-site form cannot send that without a CORS
 * preflight, which this server never answers).
 *
 * Hono's `csrf` middleware was tried in its place: it checks only unsafe methods with form-like
 * content types, so it lets through both a cross-site GET and a JSON POST carrying a foreign
 * Origin, which the tests require refused.
 */
export function apiGuard(publicOrigin: string): MiddlewareHandler {
  return (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (
      (site && site !== 'same-origin' && site !== 'none') ||
      (origin && origin !== publicOrigin)
    ) {
      throw new AppError(
        403,
        'forbidden',
        'Cross-site requests are refused. Use the wizard itself.',
      );
    }
    if (c.req.method === 'POST' && !isJson(c.req.header('content-type'))) {
      throw new AppError(
        415,
        'unsupported_media_type',
        'Send the request body as application/json.',
      );
    }
    c.header('cache-control', 'no-store');
    return next();
  };
}

/** Media types are case-insensitive: `APPLICATION/JSON; charset=utf-8` is JSON too. */
const isJson = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
