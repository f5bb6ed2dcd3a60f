import { ScoreBody, ScoreDraft, type RubricCriterion, type ScoreDraftView, type ScoresView, type ScoreVersion } from '@assay/contract';
import type { Database } from '../db/database.js';
import { HttpError } from '../http-error.js';
import type { Announce } from '../live/review-feed.js';

interface StoredScore {
  reviewer_id: string;
  name: string;
  criteria: unknown;
  recommendation: string;
  note: string;
  submitted_at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const invalid = (message: string) => new HttpError(400, 'invalid_request', message);

/** A stored version, parsed back through the contract (the database is a boundary too). */
function toVersion(row: StoredScore): ScoreVersion {
  const { criteria, recommendation, note } = ScoreBody.parse({ criteria: row.criteria, recommendation: row.recommendation, note: row.note });
  return { criteria, recommendation, note, submittedAt: iso(row.submitted_at) };
}

/** Each criterion named must be in the rubric, and each score one of its levels. */
function checkAgainstRubric(rubric: RubricCriterion[], given: Array<{ id: string; score: number | null }>): void {
  const unknown = given.filter((s) => !rubric.some((r) => r.id === s.id));
  if (unknown.length) throw invalid(`${unknown.map((s) => `"${s.id}"`).join(', ')} is not in this challenge's rubric`);
  for (const { id, score } of given) {
    const criterion = rubric.find((r) => r.id === id)!;
    if (score !== null && !criterion.levels.some((l) => l.score === score)) {
      throw invalid(`${criterion.title}: choose one of the levels ${criterion.levels.map((l) => `${l.score} (${l.label})`).join(', ')}`);
    }
  }
}

/**
 * Rubric scorecards: the current one per reviewer (`scores`), every version ever submitted
 * (`score_history`), and the draft a reviewer is typing (`score_drafts`). Scoring is
 * independent: others' scorecards stay hidden until the caller has submitted their own. With no
 * hiring decision recorded anywhere yet, a scorecard can always be amended; the history keeps
 * what each amendment replaced.
 */
export function createScorecards({ db, announce, now }: { db: Database; announce: Announce; now: () => number }) {
  return {
    async draft(attemptId: string, reviewerId: string): Promise<ScoreDraftView> {
      const [row] = await db.query<{ draft: unknown; saved_at: number }>('SELECT draft, saved_at FROM score_drafts WHERE attempt_id = $1 AND reviewer_id = $2', [attemptId, reviewerId]);
      return row ? { draft: ScoreDraft.parse(row.draft), savedAt: iso(row.saved_at) } : { draft: null, savedAt: null };
    },

    /** Keeps the reviewer's draft (null discards it). */
    async saveDraft(attemptId: string, reviewerId: string, rubric: RubricCriterion[], draft: ScoreDraft | null): Promise<ScoreDraftView> {
      if (draft === null) {
        await db.query('DELETE FROM score_drafts WHERE attempt_id = $1 AND reviewer_id = $2', [attemptId, reviewerId]);
        return { draft: null, savedAt: null };
      }
      checkAgainstRubric(rubric, draft.criteria);
      const at = now();
      await db.query(
        'INSERT INTO score_drafts (attempt_id, reviewer_id, draft, saved_at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (attempt_id, reviewer_id) DO UPDATE SET draft = excluded.draft, saved_at = excluded.saved_at',
        [attemptId, reviewerId, JSON.stringify(draft), at],
      );
      return { draft, savedAt: iso(at) };
    },

    /** Submits (or amends) the reviewer's scorecard: every criterion scored; the draft is done with. */
    async submit(attemptId: string, reviewerId: string, rubric: RubricCriterion[], body: ScoreBody): Promise<void> {
      const missing = rubric.filter((r) => !body.criteria.some((s) => s.id === r.id));
      if (missing.length) throw invalid(`score every criterion: ${missing.map((r) => r.title).join(', ')} has no level chosen`);
      checkAgainstRubric(rubric, body.criteria);
      const values = [attemptId, reviewerId, JSON.stringify(body.criteria), body.recommendation, body.note, now()];
      await db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO scores (attempt_id, reviewer_id, criteria, recommendation, note, submitted_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6) ON CONFLICT (attempt_id, reviewer_id) DO UPDATE SET criteria = excluded.criteria, recommendation = excluded.recommendation, note = excluded.note, submitted_at = excluded.submitted_at',
          values,
        );
        await tx.query('INSERT INTO score_history (attempt_id, reviewer_id, criteria, recommendation, note, submitted_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6) ON CONFLICT DO NOTHING', values);
        await tx.query('DELETE FROM score_drafts WHERE attempt_id = $1 AND reviewer_id = $2', [attemptId, reviewerId]);
      });
      announce({ attemptId, change: 'scored' });
    },

    /** For each attempt: how many scorecards are in, and whether the caller's is one. */
    async tally(attemptIds: string[], callerId: string): Promise<Map<string, { scorecards: number; scoredByMe: boolean }>> {
      const rows = await db.query<{ attempt_id: string; reviewer_id: string }>('SELECT attempt_id, reviewer_id FROM scores WHERE attempt_id = ANY($1::text[])', [attemptIds]);
      const tally = new Map(attemptIds.map((id) => [id, { scorecards: 0, scoredByMe: false }]));
      for (const row of rows) {
        const entry = tally.get(row.attempt_id)!;
        entry.scorecards += 1;
        entry.scoredByMe ||= row.reviewer_id === callerId;
      }
      return tally;
    },

    /** Every reviewer's scorecard for the caller, once the caller has submitted their own. */
    async view(attemptId: string, callerId: string): Promise<ScoresView> {
      const current = await db.query<StoredScore>('SELECT s.*, u.name FROM scores s JOIN users u ON u.id = s.reviewer_id WHERE s.attempt_id = $1 ORDER BY s.submitted_at', [attemptId]);
      if (!current.some((s) => s.reviewer_id === callerId)) return { submittedOwn: false, hiddenCount: current.length, scores: [] };
      const history = await db.query<StoredScore>("SELECT h.*, '' AS name FROM score_history h WHERE h.attempt_id = $1 ORDER BY h.submitted_at DESC", [attemptId]);
      return {
        submittedOwn: true,
        hiddenCount: 0,
        scores: current.map((row) => ({
          ...toVersion(row),
          reviewerId: row.reviewer_id,
          reviewerName: row.name,
          mine: row.reviewer_id === callerId,
          earlier: history.filter((h) => h.reviewer_id === row.reviewer_id && h.submitted_at !== row.submitted_at).map(toVersion),
        })),
      };
    },
  };
}

export type Scorecards = ReturnType<typeof createScorecards>;
