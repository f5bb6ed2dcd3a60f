import { Hono } from 'hono';
import { validationStatus, type ChallengeCatalog } from '@assay/challenges';
import { CreateInviteBody, CreateUserBody, DESIGN_DOC_PATH, Language } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { hashPassword } from '../auth/passwords.js';
import { toStaffUser } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http-error.js';
import { requireStaff } from '../middleware/staff-auth.js';
import { jsonBody } from '../middleware/validate.js';
import type { Invites } from '../invites/invites.js';
import { newId } from '../tokens.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function adminRoutes({ db, catalog, invites, now, dataDir }: { db: Database; catalog: ChallengeCatalog; invites: Invites; now: () => number; dataDir: string }) {
  return new Hono<AppEnv>()
    .use(requireStaff(db, now, 'admin'))
    .get('/challenges', async (c) => {
      const entries = await catalog.list();
      return c.json({
        challenges: await Promise.all(entries.map(async (entry) =>
          'challenge' in entry
            ? {
                id: entry.id,
                title: entry.challenge.manifest.title,
                summary: entry.challenge.manifest.summary,
                kind: entry.challenge.manifest.kind,
                languages: entry.challenge.manifest.languages,
                timeLimitMinutes: entry.challenge.manifest.timeLimitMinutes,
                contentHash: entry.challenge.contentHash,
                problems: [],
                validation: await validationStatus(dataDir, entry.id, entry.challenge.contentHash),
              }
            : { id: entry.id, problems: entry.problems },
        )),
      });
    })
    .get('/challenges/:id/preview', async (c) => {
      const challenge = await catalog.get(c.req.param('id')).catch(() => {
        throw notFound('that challenge');
      });
      const offered = challenge.manifest.languages;
      const language = Language.safeParse(c.req.query('language') ?? offered[0]);
      if (!language.success || !offered.includes(language.data)) throw new HttpError(400, 'invalid_request', `language: ${challenge.manifest.id} is offered in ${offered.join(', ')}`);
      // Exactly what a candidate would get at the start, and nothing else: no attempt exists.
      const files = (challenge.starter[language.data] ?? []).map(({ path, content, editable }) => ({ path, content, editable }));
      if (challenge.manifest.kind === 'system-design') files.push({ path: DESIGN_DOC_PATH, content: challenge.designTemplate ?? '', editable: true });
      return c.json({
        attemptId: 'preview',
        challengeTitle: challenge.manifest.title,
        kind: challenge.manifest.kind,
        language: language.data,
        prompt: challenge.prompt,
        files,
        creatable: challenge.manifest.files.create,
        publicTests: challenge.publicTests,
        deadline: iso(now() + challenge.manifest.timeLimitMinutes * 60_000),
        serverTime: iso(now()),
        status: 'started' as const,
        ackedSeq: -1,
      });
    })
    .post('/invites', jsonBody(CreateInviteBody), async (c) => c.json({ invite: await invites.create(c.req.valid('json'), c.get('staff').id) }, 201))
    .get('/invites', async (c) => c.json({ invites: await invites.list() }))
    .post('/invites/:id/reissue', async (c) => c.json({ invite: await invites.reissue(c.req.param('id')) }))
    .post('/invites/:id/revoke', async (c) => c.json({ invite: await invites.revoke(c.req.param('id')) }))
    .get('/users', async (c) => {
      const rows = await db.query<Parameters<typeof toStaffUser>[0]>('SELECT id, email, name, role, disabled FROM users ORDER BY created_at');
      return c.json({ users: rows.map(toStaffUser) });
    })
    .post('/users', jsonBody(CreateUserBody), async (c) => {
      const body = c.req.valid('json');
      const [taken] = await db.query('SELECT 1 FROM users WHERE email = $1', [body.email.toLowerCase()]);
      if (taken) throw new HttpError(409, 'email_taken', `${body.email} already has an account`);
      const id = newId('usr');
      await db.query('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, body.email.toLowerCase(), body.name, body.role, await hashPassword(body.password), now()]);
      return c.json({ user: { id, email: body.email.toLowerCase(), name: body.name, role: body.role, disabled: false } }, 201);
    })
    .post('/users/:id/disable', async (c) => {
      if (c.req.param('id') === c.get('staff').id) throw new HttpError(400, 'invalid_request', 'you cannot disable your own account');
      const [row] = await db.query<Parameters<typeof toStaffUser>[0]>('UPDATE users SET disabled = true WHERE id = $1 RETURNING id, email, name, role, disabled', [c.req.param('id')]);
      if (!row) throw notFound('that user');
      await db.query('DELETE FROM sessions WHERE user_id = $1', [row.id]);
      return c.json({ user: toStaffUser(row) });
    });
}
