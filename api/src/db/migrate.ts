import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Applies every numbered migration not yet applied, each in its own transaction. Returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at double precision NOT NULL)');
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const names = (await readdir(MIGRATIONS)).filter((n) => /^\d+-.*\.sql$/.test(n)).sort();
  const applied: string[] = [];
  for (const name of names) {
    if (done.has(name)) continue;
    const sql = await readFile(`${MIGRATIONS}${name}`, 'utf8');
    await db.transaction(async (tx) => {
      for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
    });
    applied.push(name);
  }
  return applied;
}
