import { z } from 'zod';
import { Language } from './language.js';
import { Suite } from './grading.js';
import { SubmittedFiles } from './submitted-file.js';

/** Name of the BullMQ queue the API fills and runners drain. */
export const GRADE_QUEUE = 'grade';
/** Name of the BullMQ queue runners fill with finished verdicts and the API drains into the database. */
export const VERDICT_QUEUE = 'verdicts';

/**
 * Data of one job on the grade queue. `gradingId` is also the BullMQ job id, so enqueueing
 * the same grading twice is a no-op, and it fences the verdict: one row per grading.
 */
export const GradeJobData = z.object({
  gradingId: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/),
  attemptId: z.string().min(1).max(80),
  challengeId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  /** Content hash the attempt was started with; the verdict records the hash it was graded with. */
  contentHash: z.string(),
  language: Language,
  suite: Suite,
  files: SubmittedFiles,
});
export type GradeJobData = z.infer<typeof GradeJobData>;
