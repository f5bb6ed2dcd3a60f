import { Hono } from 'hono';
import { validationStatus, type ChallengeCatalog } from '@assay/challenges';
import { CreateInviteBody, CreateUserBody, DESIGN_DOC_PATH, Language, type Invite } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { hashPassword } from '../auth/passwords.js';
import { toStaffUser } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError, notFound } from '../http-error.js';
import { requireStaff } from '../middleware/staff-auth.js';
import { jsonBody } from '../middleware/validate.js';
import { hashToken, newId, newToken } from '../tokens.js';

interface InviteRow {
  id: string;
  candidate_name: string;
  candidate_email: string;
  challenge_id: string;
  languages: Invite['languages'];
  time_limit_minutes: number;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
  attempt_id: string | null;
  attempt_status: 'started' | 'submitted' | 'graded' | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A grading with no verdict after this long is shown to admins as stuck (a healthy one takes seconds). */
const STUCK_AFTER_MS = 60_000;

function toInvite(row: InviteRow, now: number): Invite {
  const state = row.revoked_at !== null ? 'revoked' : (row.attempt_status ?? (row.expires_at <= now ? 'expired' : 'pending'));
  return {
    id: row.id,
    candidateName: row.candidate_name,
    candidateEmail: row.candidate_email,
    challengeId: row.challenge_id,
    languages: row.languages,
    timeLimitMinutes: row.time_limit_minutes,
    expiresAt: iso(row.expires_at),
    state,
    attemptId: row.attempt_id,
    createdAt: iso(row.created_at),
  };
}

const INVITE_SELECT = 'SELECT i.*, a.id AS attempt_id, a.status AS attempt_status FROM invites i LEFT JOIN attempts a ON a.invite_id = i.id';

export function adminRoutes({ db, catalog, gradings, now, publicUrl, dataDir }: { db: Database; catalog: ChallengeCatalog; gradings: Gradings; now: () => number; publicUrl: string; dataDir: string }) {
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
    .post('/invites', jsonBody(CreateInviteBody), async (c) => {
      const body = c.req.valid('json');
      const challenge = await catalog.get(body.challengeId).catch(() => {
        throw new HttpError(400, 'unknown_challenge', `there is no challenge "${body.challengeId}"; see GET /api/admin/challenges`);
      });
      const offered = challenge.manifest.languages;
      const languages = body.languages ?? offered;
      const unknown = languages.filter((l) => !offered.includes(l));
      if (unknown.length) throw new HttpError(400, 'invalid_request', `languages: ${challenge.manifest.id} is offered in ${offered.join(', ')}, not ${unknown.join(', ')}`);
      const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : now() + 7 * 24 * 3600_000;
      if (expiresAt <= now()) throw new HttpError(400, 'invalid_request', 'expiresAt: choose a time in the future');
      const token = newToken();
      const id = newId('inv');
      await db.query(
        'INSERT INTO invites (id, token_hash, candidate_name, candidate_email, challenge_id, languages, time_limit_minutes, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)',
        [id, hashToken(token), body.candidateName, body.candidateEmail, challenge.manifest.id, JSON.stringify(languages), body.timeLimitMinutes ?? challenge.manifest.timeLimitMinutes, expiresAt, c.get('staff').id, now()],
      );
      const [row] = await db.query<InviteRow>(`${INVITE_SELECT} WHERE i.id = $1`, [id]);
      return c.json({ invite: { ...toInvite(row!, now()), token, link: `${publicUrl}/i/${token}` } }, 201);
    })
    .get('/invites', async (c) => {
      const rows = await db.query<InviteRow>(`${INVITE_SELECT} ORDER BY i.created_at DESC LIMIT 500`);
      return c.json({ invites: rows.map((row) => toInvite(row, now())) });
    })
    .post('/invites/:id/revoke', async (c) => {
      const [row] = await db.query<{ id: string }>('UPDATE invites SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING id', [c.req.param('id'), now()]);
      if (!row) throw notFound('that invite');
      const [invite] = await db.query<InviteRow>(`${INVITE_SELECT} WHERE i.id = $1`, [row.id]);
      return c.json({ invite: toInvite(invite!, now()) });
    })
    .get('/gradings', async (c) => {
      const rows = await gradings.troubled(STUCK_AFTER_MS);
      return c.json({
        stuckAfterSeconds: STUCK_AFTER_MS / 1000,
        gradings: rows.map((g) => ({
          gradingId: g.id,
          attemptId: g.attempt_id,
          suite: g.suite,
          candidateName: g.candidate_name,
          challengeId: g.challenge_id,
          state: g.status === 'queued' ? ('stuck' as const) : ('infra_error' as const),
          createdAt: iso(g.created_at),
          enqueuedAt: g.enqueued_at === null ? null : iso(g.enqueued_at),
          finishedAt: g.finished_at === null ? null : iso(g.finished_at),
          reason: g.summary,
        })),
      });
    })
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
