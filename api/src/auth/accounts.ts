import type { CreateUserBody, StaffUser } from '@assay/contract';
import type { z } from 'zod';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http-error.js';
import { newId } from '../tokens.js';
import { hashPassword } from './passwords.js';
import { toStaffUser } from './sessions.js';

type UserRow = Parameters<typeof toStaffUser>[0];
const COLUMNS = 'id, email, name, role, disabled';

/**
 * Staff accounts as admins manage them: add, disable and enable again, set a new password.
 * Disabling or a new password ends the account's sessions. Nobody disables their own account
 * (an admin could lock everyone out), and an admin's own password is theirs to change.
 */
export function createAccounts({ db, now }: { db: Database; now: () => number }) {
  async function update(id: string, sql: string, params: unknown[]): Promise<StaffUser> {
    const [row] = await db.query<UserRow>(`UPDATE users SET ${sql} WHERE id = $1 RETURNING ${COLUMNS}`, [id, ...params]);
    if (!row) throw notFound('that account');
    return toStaffUser(row);
  }
  const endSessions = (id: string) => db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  const notMine = (id: string, callerId: string, what: string) => {
    if (id === callerId) throw new HttpError(400, 'invalid_request', what);
  };

  return {
    async list(): Promise<StaffUser[]> {
      return (await db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY created_at`)).map(toStaffUser);
    },
    async create(body: z.infer<typeof CreateUserBody>): Promise<StaffUser> {
      const email = body.email.toLowerCase();
      const [taken] = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
      if (taken) throw new HttpError(409, 'email_taken', `${body.email} already has an account`);
      const id = newId('usr');
      await db.query('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, email, body.name, body.role, await hashPassword(body.password), now()]);
      return { id, email, name: body.name, role: body.role, disabled: false };
    },
    async disable(id: string, callerId: string): Promise<StaffUser> {
      notMine(id, callerId, 'you cannot disable your own account');
      const user = await update(id, 'disabled = true', []);
      await endSessions(id);
      return user;
    },
    enable: (id: string): Promise<StaffUser> => update(id, 'disabled = false', []),
    async setPassword(id: string, callerId: string, password: string): Promise<StaffUser> {
      notMine(id, callerId, 'set your own password from your own sign-in, not here');
      const user = await update(id, 'password_hash = $2', [await hashPassword(password)]);
      await endSessions(id);
      return user;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
