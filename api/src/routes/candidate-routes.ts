import { Hono } from 'hono';
import type { ChallengeCatalog } from '@assay/challenges';
import { DESIGN_DOC_PATH, EventBatch, SaveFilesBody, StartBody, type GradingResult, type Language, type RecordingLimits } from '@assay/contract';
import type { AppEnv, AttemptRow, CandidateContext } from '../app-env.js';
import type { Attempts } from '../attempts/attempts.js';
import { assertRecordedFiles, assertSavable, workspaceRules } from '../attempts/editable-paths.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError, notFound } from '../http-error.js';
import { requireCandidate } from '../middleware/candidate-auth.js';
import { jsonBody } from '../middleware/validate.js';
import type { GradeQueue } from '../queue/grade-queue.js';
import type { IntegrityReplies } from '../integrity/integrity-replies.js';
import { evidenceRoutes } from './evidence-routes.js';

/** Exactly what the consent step tells a candidate the platform records. */
export const RECORDED = [
  'every edit you make in the editor, with its time',
  'your cursor and selection, and which file is open',
  'pastes into the editor and how large they are',
  'when this tab loses and regains focus',
  'each test run and its results',
];
/** Nothing else: no camera, microphone, screen capture or other tabs. */

const RUNS_PER_HOUR = 30;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function requireAttempt(candidate: CandidateContext): AttemptRow {
  if (!candidate.attempt) throw new HttpError(409, 'not_started', 'start the assessment first');
  return candidate.attempt;
}

export function candidateRoutes(deps: { db: Database; catalog: ChallengeCatalog; attempts: Attempts; gradings: Gradings; replies: IntegrityReplies; queue: GradeQueue; now: () => number; runBackpressureDepth: number; recordingLimits: RecordingLimits }) {
  const { db, attempts, gradings, queue, now } = deps;
  /** A visible-test run of the attempt (`runId` null: its latest), with only what the candidate may see. */
  async function publicRun(attemptId: string, runId: string | null) {
    const [run] = await db.query<{ id: string; status: 'queued' | 'done'; result: GradingResult | null }>(
      "SELECT id, status, result FROM gradings WHERE attempt_id = $1 AND suite = 'public' AND ($2::text IS NULL OR id = $2) ORDER BY created_at DESC LIMIT 1",
      [attemptId, runId],
    );
    if (!run) return null;
    const result = run.result && { verdict: run.result.verdict, summary: run.result.summary, tests: run.result.tests, log: run.result.log };
    return { runId: run.id, status: run.status, result };
  }
  return new Hono<AppEnv>()
    .use(requireCandidate(db, deps.catalog, now))
    .route('/evidence', evidenceRoutes(deps))
    .get('/invite', (c) => {
      const { challenge, attempt, languages, timeLimitMinutes, candidateName } = c.get('candidate');
      return c.json({
        challengeTitle: challenge.manifest.title,
        summary: challenge.manifest.summary,
        kind: challenge.manifest.kind,
        languages,
        timeLimitMinutes,
        candidateName,
        status: attempt?.status ?? 'not_started',
        recorded: RECORDED,
      });
    })
    .post('/start', jsonBody(StartBody), async (c) => {
      const candidate = c.get('candidate');
      const { language } = c.req.valid('json');
      if (!candidate.languages.includes(language)) {
        throw new HttpError(400, 'invalid_request', `language: this invite offers ${candidate.languages.join(', ')}`);
      }
      const attempt = await attempts.start(candidate.inviteId, candidate.challenge, language, candidate.timeLimitMinutes);
      return c.json({ attemptId: attempt.id, deadline: iso(attempt.deadline), language: attempt.language });
    })
    .get('/attempt', async (c) => {
      const { challenge } = c.get('candidate');
      const attempt = requireAttempt(c.get('candidate'));
      const language = attempt.language as Language;
      const editable = new Map((challenge.starter[language] ?? []).map((f) => [f.path, f.editable]));
      const saved = await attempts.savedFiles(attempt.id);
      return c.json({
        attemptId: attempt.id,
        challengeTitle: challenge.manifest.title,
        kind: challenge.manifest.kind,
        language,
        prompt: challenge.prompt,
        files: saved.map((f) => ({ ...f, editable: editable.get(f.path) ?? true })),
        rules: workspaceRules(challenge, language),
        publicTests: challenge.publicTests,
        deadline: iso(attempt.deadline),
        serverTime: iso(now()),
        status: attempt.status,
        ackedSeq: attempt.acked_seq,
        lastRun: await publicRun(attempt.id, null),
      });
    })
    .put('/files', jsonBody(SaveFilesBody), async (c) => {
      const { challenge } = c.get('candidate');
      const attempt = requireAttempt(c.get('candidate'));
      const { files, deleted } = c.req.valid('json');
      assertSavable(challenge, attempt.language as Language, { written: files.map((f) => f.path), deleted });
      await attempts.save(attempt, files, deleted);
      return c.json({ saved: files.length + deleted.length, savedAt: iso(now()) });
    })
    .post('/events', jsonBody(EventBatch), async (c) => {
      const { challenge } = c.get('candidate');
      const attempt = requireAttempt(c.get('candidate'));
      const batch = c.req.valid('json');
      assertRecordedFiles(challenge, attempt.language as Language, batch.events);
      return c.json({ ackedSeq: await attempts.recordEvents(attempt, batch) });
    })
    .post('/runs', async (c) => {
      const attempt = requireAttempt(c.get('candidate'));
      if (attempt.status !== 'started') throw new HttpError(409, 'already_submitted', 'this attempt was submitted; tests can no longer be run');
      const [counts] = await db.query<{ pending: number; recent: number }>(
        "SELECT count(*) FILTER (WHERE status = 'queued')::int AS pending, count(*) FILTER (WHERE created_at > $2)::int AS recent FROM gradings WHERE attempt_id = $1 AND suite = 'public'",
        [attempt.id, now() - 3600_000],
      );
      if (counts!.pending > 0) throw new HttpError(429, 'run_in_progress', 'your previous test run is still going; wait for its results');
      if (counts!.recent >= RUNS_PER_HOUR) throw new HttpError(429, 'too_many_runs', `you can run the tests ${RUNS_PER_HOUR} times an hour; wait a few minutes`, { 'Retry-After': '120' });
      // An unreachable queue is no reason to refuse: the run is stored and enqueued when it is back.
      if ((await queue.depth().catch(() => 0)) >= deps.runBackpressureDepth) {
        throw new HttpError(503, 'busy', 'the graders are busy right now; try the run again in a minute (your work is saved)', { 'Retry-After': '30' });
      }
      const files = (await attempts.savedFiles(attempt.id)).filter((f) => f.path !== DESIGN_DOC_PATH);
      const runId = await db.transaction((tx) => gradings.create(tx, attempt, 'public', attempt.content_hash, files));
      // Awaited (it fails fast when Redis is down), so the queue's depth counts this run for the next request's back-pressure.
      await gradings.drain();
      return c.json({ runId, status: 'queued', result: null }, 202);
    })
    .get('/runs/:id', async (c) => {
      const attempt = requireAttempt(c.get('candidate'));
      const run = await publicRun(attempt.id, c.req.param('id'));
      if (!run) throw notFound('that test run');
      return c.json(run);
    })
    .post('/submit', async (c) => {
      const attempt = requireAttempt(c.get('candidate'));
      const { submittedAt } = await attempts.submit(attempt.id);
      return c.json({ status: 'submitted', submittedAt: iso(submittedAt) });
    })
    .get('/status', (c) => {
      const attempt = c.get('candidate').attempt;
      return c.json({
        status: attempt?.status ?? 'not_started',
        deadline: attempt ? iso(attempt.deadline) : null,
        serverTime: iso(now()),
        submittedAt: attempt ? iso(attempt.submitted_at) : null,
      });
    });
}
