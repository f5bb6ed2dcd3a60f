import type { StaffUser } from '@assay/contract';
import type { Queryable } from '../db/database.js';
import { hashToken, newToken } from '../tokens.js';

export const SESSION_COOKIE = 'assay_session';
export const SESSION_TTL_MS = 12 * 3600_000;

interface UserRow { id: string; email: string; name: string; role: 'admin' | 'reviewer'; disabled: boolean }
export const toStaffUser = (row: UserRow): StaffUser => ({ id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled });

/** A new session for a user; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(db: Queryable, userId: string, now: number): Promise<string> {
  const token = newToken();
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [hashToken(token), userId, now + SESSION_TTL_MS, now]);
  return token;
}

export async function findSessionUser(db: Queryable, token: string, now: number): Promise<StaffUser | undefined> {
  const [row] = await db.query<UserRow>(
    'SELECT u.id, u.email, u.name, u.role, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled',
    [hashToken(token), now],
  );
  return row ? toStaffUser(row) : undefined;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
