import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a link or a cookie: 32 bytes, base64url. */
export const newToken = () => randomBytes(32).toString('base64url');
/** A short random id for rows. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
/** Tokens are stored only as this hash, so a database leak opens no attempt and no session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
