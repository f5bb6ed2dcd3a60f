import { z } from 'zod';
import { Language } from '../language.js';
import { SubmittedFiles } from '../submitted-file.js';
import { TestResult, CapturedLog } from '../grading.js';

export const StartBody = z.object({ language: Language }).strict();
export const SaveFilesBody = z.object({ files: SubmittedFiles.min(1, 'send at least one file') }).strict();

export const AttemptStatus = z.enum(['not_started', 'started', 'submitted', 'graded']);
export type AttemptStatus = z.infer<typeof AttemptStatus>;

/** What the invite link shows before the candidate starts. */
export const InviteInfo = z.object({
  challengeTitle: z.string(),
  summary: z.string(),
  kind: z.enum(['coding', 'system-design']),
  languages: z.array(Language),
  timeLimitMinutes: z.number(),
  candidateName: z.string(),
  status: AttemptStatus,
  /** Plain words for the consent step: exactly what the platform records. */
  recorded: z.array(z.string()),
});

export const CandidateFile = z.object({ path: z.string(), content: z.string(), editable: z.boolean() });
export const CandidateAttempt = z.object({
  attemptId: z.string(),
  challengeTitle: z.string(),
  kind: z.enum(['coding', 'system-design']),
  language: Language,
  prompt: z.string(),
  files: z.array(CandidateFile),
  /** Globs of new files the candidate may create. */
  creatable: z.array(z.string()),
  publicTests: z.array(z.object({ path: z.string(), content: z.string() })),
  deadline: z.string(),
  serverTime: z.string(),
  status: AttemptStatus,
  /** Every recorded event up to this seq is stored: a browser without its buffer continues after it. */
  ackedSeq: z.number().int(),
});
export type CandidateAttempt = z.infer<typeof CandidateAttempt>;

export const RunStatus = z.object({
  runId: z.string(),
  status: z.enum(['queued', 'done']),
  /** Public tests only. */
  result: z
    .object({ verdict: z.string(), summary: z.string(), tests: z.array(TestResult), log: CapturedLog })
    .nullable(),
});
export type RunStatus = z.infer<typeof RunStatus>;

export const CandidateStatus = z.object({ status: AttemptStatus, deadline: z.string().nullable(), serverTime: z.string(), submittedAt: z.string().nullable() });
export const EventsAck = z.object({ ackedSeq: z.number().int() });
export const Started = z.object({ attemptId: z.string(), deadline: z.string(), language: Language });
export const Saved = z.object({ saved: z.number().int(), savedAt: z.string() });
export const Submitted = z.object({ status: z.literal('submitted'), submittedAt: z.string() });
