import { z } from 'zod';
import { Language } from '../language.js';
import { ValidationStatus } from '../validation-record.js';
import { CreatedInvite, Invite, StaffUser } from './staff.js';

/** One thing wrong with a challenge folder, located as precisely as we can. */
export const ChallengeProblem = z.object({
  /** Path relative to the challenges root, e.g. `rate-limiter/challenge.yaml`. */
  file: z.string(),
  line: z.number().optional(),
  /** Dotted path of the manifest field, e.g. `limits.memoryMb`. */
  field: z.string().optional(),
  message: z.string(),
});
export type ChallengeProblem = z.infer<typeof ChallengeProblem>;

/** `rate-limiter/challenge.yaml:6 timeLimitMinutes: Too big` */
export function formatProblem(problem: ChallengeProblem): string {
  const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
  return `${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`;
}

/** A folder under challenges/: loaded, or the problems that keep it from loading. */
export const ChallengeEntry = z.union([
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: z.enum(['coding', 'system-design']),
    languages: z.array(Language),
    timeLimitMinutes: z.number(),
    contentHash: z.string(),
    problems: z.array(ChallengeProblem).length(0),
    validation: ValidationStatus,
  }),
  z.object({ id: z.string(), problems: z.array(ChallengeProblem).min(1) }),
]);
export type ChallengeEntry = z.infer<typeof ChallengeEntry>;
export const ChallengeList = z.object({ challenges: z.array(ChallengeEntry) });

export const InviteList = z.object({ invites: z.array(Invite) });
export const OneInvite = z.object({ invite: Invite });
export const NewInvite = z.object({ invite: CreatedInvite });
export const UserList = z.object({ users: z.array(StaffUser) });
export const OneUser = z.object({ user: StaffUser });

/** A grading an admin should act on: waiting long for a verdict (`stuck`), or ended in `infra_error` with the reason. */
export const TroubledGrading = z.object({
  gradingId: z.string(),
  attemptId: z.string(),
  suite: z.enum(['public', 'hidden']),
  candidateName: z.string(),
  challengeId: z.string(),
  state: z.enum(['stuck', 'infra_error']),
  createdAt: z.string(),
  enqueuedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why it ended, for an `infra_error` (e.g. the runner holding it died 3 times). */
  reason: z.string().nullable(),
});
export type TroubledGrading = z.infer<typeof TroubledGrading>;
export const TroubledGradingList = z.object({ gradings: z.array(TroubledGrading), stuckAfterSeconds: z.number() });
