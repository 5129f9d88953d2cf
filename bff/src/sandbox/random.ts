import { randomBytes } from 'node:crypto';

export const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');
