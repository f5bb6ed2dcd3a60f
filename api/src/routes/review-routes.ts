import { Hono } from 'hono';
import type { ChallengeCatalog } from '@assay/challenges';
import { DESIGN_DOC_PATH, ScoreBody, type GradingResult, type Language } from '@assay/contract';
import type { AppEnv, AttemptRow } from '../app-env.js';
import type { Attempts } from '../attempts/attempts.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError, notFound } from '../http-error.js';
import { requireStaff } from '../middleware/staff-auth.js';
import { jsonBody } from '../middleware/validate.js';

interface ListRow extends AttemptRow {
  candidate_name: string;
  candidate_email: string;
  challenge_id: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const SORTS: Record<string, string> = { started: 'a.started_at', score: 'a.score', submitted: 'a.submitted_at', candidate: 'i.candidate_name' };

export function reviewRoutes({ db, catalog, attempts, gradings, now }: { db: Database; catalog: ChallengeCatalog; attempts: Attempts; gradings: Gradings; now: () => number }) {
  async function attemptOr404(id: string): Promise<ListRow> {
    const [row] = await db.query<ListRow>('SELECT a.*, i.candidate_name, i.candidate_email, i.challenge_id FROM attempts a JOIN invites i ON i.id = a.invite_id WHERE a.id = $1', [id]);
    if (!row) throw notFound('that attempt');
    return row;
  }

  return new Hono<AppEnv>()
    .use(requireStaff(db, now))
    .get('/attempts', async (c) => {
      const status = c.req.query('status');
      const challenge = c.req.query('challenge');
      const sort = SORTS[c.req.query('sort') ?? 'started'] ?? SORTS.started!;
      const direction = c.req.query('order') === 'asc' ? 'ASC' : 'DESC';
      const rows = await db.query<ListRow>(
        `SELECT a.*, i.candidate_name, i.candidate_email, i.challenge_id FROM attempts a JOIN invites i ON i.id = a.invite_id
         WHERE ($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR i.challenge_id = $2)
         ORDER BY ${sort} ${direction} NULLS LAST LIMIT 500`,
        [status ?? null, challenge ?? null],
      );
      return c.json({
        attempts: rows.map((row) => ({
          id: row.id,
          candidateName: row.candidate_name,
          candidateEmail: row.candidate_email,
          challengeId: row.challenge_id,
          language: row.language,
          status: row.status,
          verdict: row.verdict,
          score: row.score,
          startedAt: iso(row.started_at),
          submittedAt: iso(row.submitted_at),
          minutesUsed: Math.round(((row.submitted_at ?? Math.min(now(), row.deadline)) - row.started_at) / 60_000),
        })),
      });
    })
    .get('/attempts/:id', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const challenge = await catalog.get(row.challenge_id);
      const language = row.language as Language;
      const gradingRows = await db.query<{ id: string; suite: string; status: string; created_at: number; content_hash: string; result: GradingResult | null }>(
        'SELECT id, suite, status, created_at, content_hash, result FROM gradings WHERE attempt_id = $1 ORDER BY created_at',
        [row.id],
      );
      const hidden = gradingRows.filter((g) => g.suite === 'hidden').at(-1);
      const starter = (challenge.starter[language] ?? []).map(({ path, content, editable }) => ({ path, content, editable }));
      if (challenge.manifest.kind === 'system-design') starter.push({ path: DESIGN_DOC_PATH, content: challenge.designTemplate ?? '', editable: true });
      return c.json({
        attempt: {
          id: row.id,
          candidateName: row.candidate_name,
          candidateEmail: row.candidate_email,
          challengeId: row.challenge_id,
          challengeTitle: challenge.manifest.title,
          kind: challenge.manifest.kind,
          language,
          status: row.status,
          verdict: row.verdict,
          score: row.score,
          startedAt: iso(row.started_at),
          deadline: iso(row.deadline),
          submittedAt: iso(row.submitted_at),
          contentHash: row.content_hash,
          currentContentHash: challenge.contentHash,
        },
        files: await attempts.savedFiles(row.id),
        starterFiles: starter,
        verdict: hidden ? { gradingId: hidden.id, status: hidden.status, result: hidden.result } : null,
        runs: gradingRows.filter((g) => g.suite === 'public').map((g) => ({ id: g.id, at: iso(g.created_at), status: g.status, verdict: g.result?.verdict ?? null, passed: g.result?.tests.filter((t) => t.status === 'passed').length ?? null, total: g.result?.tests.length ?? null })),
        rubric: challenge.manifest.rubric,
      });
    })
    .get('/attempts/:id/events', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const after = Number(c.req.query('after') ?? -1);
      const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 5000), 1), 20_000);
      if (!Number.isInteger(after) || !Number.isInteger(limit)) throw new HttpError(400, 'invalid_request', 'after and limit are whole numbers');
      const events = await attempts.readEvents(row.id, after, limit);
      return c.json({ events, done: events.length < limit });
    })
    .post('/attempts/:id/regrade', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      if (row.status === 'started') throw new HttpError(409, 'not_submitted', 'the candidate has not submitted yet');
      const challenge = await catalog.get(row.challenge_id);
      const files = (await attempts.savedFiles(row.id)).filter((f) => f.path !== DESIGN_DOC_PATH);
      // An explicit re-grade uses the challenge as it is now, and says so in the grading it records.
      // A new grading is a new job id: a job the queue gave up on keeps its id for days.
      const gradingId = await db.transaction(async (tx) => {
        await tx.query("UPDATE attempts SET status = 'submitted' WHERE id = $1", [row.id]);
        return gradings.create(tx, row, 'hidden', challenge.contentHash, files);
      });
      void gradings.drain();
      return c.json({ gradingId }, 202);
    })
    .post('/attempts/:id/scores', jsonBody(ScoreBody), async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const { rubric } = (await catalog.get(row.challenge_id)).manifest;
      const body = c.req.valid('json');
      for (const criterion of rubric) {
        const given = body.criteria.find((s) => s.id === criterion.id);
        if (!given) throw new HttpError(400, 'invalid_request', `criteria: score "${criterion.title}" (${criterion.id})`);
        if (!criterion.levels.some((l) => l.score === given.score)) {
          throw new HttpError(400, 'invalid_request', `criteria.${criterion.id}: choose one of the levels ${criterion.levels.map((l) => l.score).join(', ')}`);
        }
      }
      const unknown = body.criteria.filter((s) => !rubric.some((r) => r.id === s.id));
      if (unknown.length) throw new HttpError(400, 'invalid_request', `criteria: ${unknown.map((s) => s.id).join(', ')} not in this challenge's rubric`);
      await db.query(
        'INSERT INTO scores (attempt_id, reviewer_id, criteria, recommendation, note, submitted_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6) ON CONFLICT (attempt_id, reviewer_id) DO UPDATE SET criteria = excluded.criteria, recommendation = excluded.recommendation, note = excluded.note, submitted_at = excluded.submitted_at',
        [row.id, c.get('staff').id, JSON.stringify(body.criteria), body.recommendation, body.note, now()],
      );
      return c.json({ ok: true }, 201);
    })
    .get('/attempts/:id/scores', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const scores = await db.query<{ reviewer_id: string; name: string; criteria: unknown; recommendation: string; note: string; submitted_at: number }>(
        'SELECT s.*, u.name FROM scores s JOIN users u ON u.id = s.reviewer_id WHERE s.attempt_id = $1 ORDER BY s.submitted_at',
        [row.id],
      );
      const me = c.get('staff').id;
      const mine = scores.find((s) => s.reviewer_id === me);
      // Independent scoring: others' scores stay hidden until this reviewer has submitted theirs.
      const visible = mine ? scores : [];
      return c.json({
        submittedOwn: Boolean(mine),
        hiddenCount: mine ? 0 : scores.length,
        scores: visible.map((s) => ({ reviewerId: s.reviewer_id, reviewerName: s.name, criteria: s.criteria, recommendation: s.recommendation, note: s.note, submittedAt: iso(s.submitted_at), mine: s.reviewer_id === me })),
      });
    });
}
