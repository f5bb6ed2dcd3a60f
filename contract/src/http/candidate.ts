import { z } from 'zod';
import { Language } from '../language.js';
import { FILE_LIMITS, FilePath, SubmittedFiles } from '../submitted-file.js';
import { WorkspaceRules } from '../workspace-rules.js';
import { TestResult, CapturedLog } from '../grading.js';

export const StartBody = z.object({ language: Language }).strict();
/**
 * Files written and files deleted, in one transaction: a rename is its new path in `files` and
 * its old one in `deleted`, so the server never holds both or neither.
 */
export const SaveFilesBody = z
  .object({ files: SubmittedFiles, deleted: z.array(FilePath).max(FILE_LIMITS.maxFiles, `delete at most ${FILE_LIMITS.maxFiles} files at once`).default([]) })
  .strict()
  .refine((body) => body.files.length + body.deleted.length > 0, 'send at least one file to save or delete')
  .refine((body) => !body.files.some((f) => body.deleted.includes(f.path)), 'a file cannot be both saved and deleted in one request');

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

export const RunStatus = z.object({
  runId: z.string(),
  status: z.enum(['queued', 'done']),
  /** Public tests only. */
  result: z
    .object({ verdict: z.string(), summary: z.string(), tests: z.array(TestResult), log: CapturedLog })
    .nullable(),
});
export type RunStatus = z.infer<typeof RunStatus>;

export const CandidateFile = z.object({ path: z.string(), content: z.string(), editable: z.boolean() });
export type CandidateFile = z.infer<typeof CandidateFile>;
export const CandidateAttempt = z.object({
  attemptId: z.string(),
  challengeTitle: z.string(),
  kind: z.enum(['coding', 'system-design']),
  language: Language,
  prompt: z.string(),
  files: z.array(CandidateFile),
  /** Which files may be written, created, renamed and deleted (`createPathRules` reads them). */
  rules: WorkspaceRules,
  /** The visible suites' source: public by definition (hidden suites never leave the server). */
  publicTests: z.array(z.object({ path: z.string(), content: z.string() })),
  deadline: z.string(),
  serverTime: z.string(),
  status: AttemptStatus,
  /** Every recorded event up to this seq is stored: a browser without its buffer continues after it. */
  ackedSeq: z.number().int(),
  /** The latest visible-test run, so its results show again after a reload (null: none yet). */
  lastRun: RunStatus.nullable(),
});
export type CandidateAttempt = z.infer<typeof CandidateAttempt>;

export const CandidateStatus = z.object({ status: AttemptStatus, deadline: z.string().nullable(), serverTime: z.string(), submittedAt: z.string().nullable() });
export const EventsAck = z.object({ ackedSeq: z.number().int() });
export const Started = z.object({ attemptId: z.string(), deadline: z.string(), language: Language });
export const Saved = z.object({ saved: z.number().int(), savedAt: z.string() });
export const Submitted = z.object({ status: z.literal('submitted'), submittedAt: z.string() });
