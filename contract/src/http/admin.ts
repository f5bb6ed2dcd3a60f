import { z } from 'zod';
import { Language } from '../language.js';
import { CreatedInvite, Invite, StaffUser } from './staff.js';

/** Where a challenge folder is wrong: file, line and manifest field where known. */
export const ChallengeProblem = z.object({ file: z.string(), line: z.number().optional(), field: z.string().optional(), message: z.string() });

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
