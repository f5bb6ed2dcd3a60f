import { z } from 'zod';
import { RubricCriterion } from '../challenge-manifest.js';
import { GradingResult } from '../grading.js';
import { Language } from '../language.js';
import { AttemptStatus } from './candidate.js';
import { ScoreBody, ScoreDraft } from './staff.js';

const IsoTime = z.string();
const ChallengeKind = z.enum(['coding', 'system-design']);

/** One row of the reviewers' attempts list. */
export const AttemptSummary = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  challengeId: z.string(),
  language: Language,
  status: AttemptStatus,
  verdict: z.string().nullable(),
  score: z.number().nullable(),
  startedAt: IsoTime.nullable(),
  submittedAt: IsoTime.nullable(),
  minutesUsed: z.number(),
  /** How many reviewers have submitted a scorecard, and whether the caller is one of them. */
  scorecards: z.number().int(),
  scoredByMe: z.boolean(),
});
export type AttemptSummary = z.infer<typeof AttemptSummary>;
export const AttemptList = z.object({ attempts: z.array(AttemptSummary) });

export const ReviewFile = z.object({ path: z.string(), content: z.string() });
export const StarterFile = ReviewFile.extend({ editable: z.boolean() });

/** Everything a reviewer needs for one attempt, hidden-test results included (staff only). */
export const AttemptDetail = z.object({
  attempt: z.object({
    id: z.string(),
    candidateName: z.string(),
    candidateEmail: z.string(),
    challengeId: z.string(),
    challengeTitle: z.string(),
    kind: ChallengeKind,
    language: Language,
    status: AttemptStatus,
    verdict: z.string().nullable(),
    score: z.number().nullable(),
    startedAt: IsoTime.nullable(),
    deadline: IsoTime.nullable(),
    submittedAt: IsoTime.nullable(),
    /** The challenge version the attempt was started against, and the one on disk now. */
    contentHash: z.string(),
    currentContentHash: z.string(),
  }),
  files: z.array(ReviewFile),
  starterFiles: z.array(StarterFile),
  verdict: z.object({ gradingId: z.string(), status: z.string(), result: GradingResult.nullable() }).nullable(),
  runs: z.array(
    z.object({ id: z.string(), at: IsoTime.nullable(), status: z.string(), verdict: z.string().nullable(), passed: z.number().nullable(), total: z.number().nullable() }),
  ),
  rubric: z.array(RubricCriterion),
  /** How much was recorded against the cap; `fullAt` is when a batch was first refused for going past it. */
  recording: z.object({ events: z.number().int(), bytes: z.number().int(), maxEvents: z.number().int(), maxBytes: z.number().int(), fullAt: IsoTime.nullable() }),
  /** The candidate's reply to the integrity facts, written after submitting. */
  candidateReply: z.object({ note: z.string(), savedAt: IsoTime }).nullable(),
});
export type AttemptDetail = z.infer<typeof AttemptDetail>;

/** Recorded events in seq order, a page at a time. Events are parsed by the replay engine. */
export const EventPage = z.object({ events: z.array(z.unknown()), done: z.boolean() });

/** One submitted version of a reviewer's scorecard. */
export const ScoreVersion = z.object({
  criteria: ScoreBody.shape.criteria,
  recommendation: ScoreBody.shape.recommendation,
  note: z.string(),
  submittedAt: IsoTime,
});
export type ScoreVersion = z.infer<typeof ScoreVersion>;
export const ReviewerScore = ScoreVersion.extend({
  reviewerId: z.string(),
  reviewerName: z.string(),
  mine: z.boolean(),
  /** Earlier versions of this scorecard, newest first: an amendment keeps what it replaced. */
  earlier: z.array(ScoreVersion),
});
export type ReviewerScore = z.infer<typeof ReviewerScore>;
/** Independent scoring: `scores` is empty until the caller has submitted their own. */
export const ScoresView = z.object({ submittedOwn: z.boolean(), hiddenCount: z.number().int(), scores: z.array(ReviewerScore) });
export type ScoresView = z.infer<typeof ScoresView>;

/** The caller's unsubmitted scorecard for one attempt, or null. */
export const ScoreDraftView = z.object({ draft: ScoreDraft.nullable(), savedAt: IsoTime.nullable() });
export type ScoreDraftView = z.infer<typeof ScoreDraftView>;

/**
 * One message of the reviewers' live feed (`GET /api/review/feed`, server-sent events named
 * `change`): which attempt changed and how. It carries no attempt data, so a page fetches what
 * it shows through the usual routes, with the usual checks.
 */
export const AttemptChange = z.object({
  attemptId: z.string(),
  change: z.enum(['started', 'submitted', 'run', 'graded', 'scored', 'replied']),
});
export type AttemptChange = z.infer<typeof AttemptChange>;
