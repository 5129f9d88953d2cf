import { randomBytes } from 'node:crypto';

/** A random URL-safe token: the sandbox's own, so it shares no code with the BFF it stands in for. */
export const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');
