import { Hono } from 'hono';
import type { ChallengeCatalog } from '@assay/challenges';
import { DESIGN_DOC_PATH, SaveScoreDraftBody, ScoreBody, type GradingResult, type Language, type RecordingLimits } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { eventPageQuery } from '../attempts/event-page-query.js';
import { attemptFacts } from '../attempts/attempt-facts.js';
import type { Attempts, AttemptWithInvite } from '../attempts/attempts.js';
import type { IntegrityReplies } from '../integrity/integrity-replies.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import type { Scorecards } from '../scoring/scorecards.js';
import { HttpError, notFound } from '../http-error.js';
import { requireStaff, staffSessionCheck } from '../middleware/staff-auth.js';
import type { ReviewFeed } from '../live/review-feed.js';
import { streamFeed } from '../live/feed-stream.js';
import { jsonBody } from '../middleware/validate.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const SORTS: Record<string, string> = { started: 'a.started_at', score: 'a.score', submitted: 'a.submitted_at', candidate: 'i.candidate_name' };

export function reviewRoutes({ db, catalog, attempts, gradings, scorecards, replies, feed, recordingLimits, now }: { db: Database; catalog: ChallengeCatalog; attempts: Attempts; gradings: Gradings; scorecards: Scorecards; replies: IntegrityReplies; feed: ReviewFeed; recordingLimits: RecordingLimits; now: () => number }) {
  async function attemptOr404(id: string): Promise<AttemptWithInvite> {
    const row = await attempts.withInvite(id);
    if (!row) throw notFound('that attempt');
    return row;
  }

  return new Hono<AppEnv>()
    .use(requireStaff(db, now))
    .get('/feed', (c) => streamFeed(c, feed, staffSessionCheck(c, db, now)))
    .get('/attempts', async (c) => {
      const status = c.req.query('status');
      const challenge = c.req.query('challenge');
      const sort = SORTS[c.req.query('sort') ?? 'started'] ?? SORTS.started!;
      const direction = c.req.query('order') === 'asc' ? 'ASC' : 'DESC';
      const rows = await db.query<AttemptWithInvite>(
        `SELECT a.*, i.candidate_name, i.candidate_email, i.challenge_id FROM attempts a JOIN invites i ON i.id = a.invite_id
         WHERE ($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR i.challenge_id = $2)
         ORDER BY ${sort} ${direction} NULLS LAST LIMIT 500`,
        [status ?? null, challenge ?? null],
      );
      const tally = await scorecards.tally(rows.map((row) => row.id), c.get('staff').id);
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
          ...tally.get(row.id)!,
        })),
      });
    })
    .get('/attempts/:id', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const challenge = await catalog.get(row.challenge_id);
      const [hidden] = await db.query<{ id: string; status: string; result: GradingResult | null }>(
        "SELECT id, status, result FROM gradings WHERE attempt_id = $1 AND suite = 'hidden' ORDER BY created_at DESC LIMIT 1",
        [row.id],
      );
      const starter = (challenge.starter[row.language as Language] ?? []).map(({ path, content, editable }) => ({ path, content, editable }));
      if (challenge.manifest.kind === 'system-design') starter.push({ path: DESIGN_DOC_PATH, content: challenge.designTemplate ?? '', editable: true });
      return c.json({
        ...attemptFacts(row, challenge, recordingLimits),
        files: await attempts.savedFiles(row.id),
        starterFiles: starter,
        verdict: hidden ? { gradingId: hidden.id, status: hidden.status, result: hidden.result } : null,
        runs: await gradings.publicRuns(row.id),
        rubric: challenge.manifest.rubric,
        candidateReply: await replies.get(row.id),
      });
    })
    .get('/attempts/:id/events', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const { after, limit } = eventPageQuery(c.req.query());
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
      await scorecards.submit(row.id, c.get('staff').id, (await catalog.get(row.challenge_id)).manifest.rubric, c.req.valid('json'));
      return c.json({ ok: true }, 201);
    })
    .get('/attempts/:id/scores', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      return c.json(await scorecards.view(row.id, c.get('staff').id));
    })
    .get('/attempts/:id/scores/draft', async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      return c.json(await scorecards.draft(row.id, c.get('staff').id));
    })
    .put('/attempts/:id/scores/draft', jsonBody(SaveScoreDraftBody), async (c) => {
      const row = await attemptOr404(c.req.param('id'));
      const { rubric } = (await catalog.get(row.challenge_id)).manifest;
      return c.json(await scorecards.saveDraft(row.id, c.get('staff').id, rubric, c.req.valid('json').draft));
    });
}
