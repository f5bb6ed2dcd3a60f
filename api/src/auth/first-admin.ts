import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { newId } from '../tokens.js';
import { hashPassword } from './passwords.js';

/**
 * Creates the first admin when there are no users. Returns the generated password (to be
 * shown once) when none was configured, undefined when nothing was created.
 */
export async function ensureFirstAdmin(db: Database, email: string, password: string | undefined, now: number): Promise<{ email: string; password: string; generated: boolean } | undefined> {
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users')) as [{ count: number }];
  if (count > 0) return undefined;
  const chosen = password ?? randomBytes(12).toString('base64url');
  await db.query('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    newId('usr'),
    email.toLowerCase(),
    'Administrator',
    'admin',
    await hashPassword(chosen),
    now,
  ]);
  return { email, password: chosen, generated: password === undefined };
}
