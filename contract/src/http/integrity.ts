import { z } from 'zod';
import { AttemptDetail } from './review.js';

/** A candidate's reply to the integrity facts about their session (shown to reviewers beside them). */
export const INTEGRITY_REPLY_MAX = 2_000;
export const IntegrityReplyBody = z.object({
  note: z.string().max(INTEGRITY_REPLY_MAX, `a reply can be at most ${INTEGRITY_REPLY_MAX.toLocaleString('en')} characters; shorten it`),
});
export const IntegrityReply = z.object({ note: z.string(), savedAt: z.string() });
export type IntegrityReply = z.infer<typeof IntegrityReply>;
export const IntegrityReplyView = z.object({ reply: IntegrityReply.nullable() });

/**
 * What a candidate sees of the evidence about their session once submitted: the facts the
 * reviewers' integrity summary is made from (their own runs, recording and files), never the
 * hidden verdict or score, and their reply.
 */
export const CandidateEvidence = AttemptDetail.pick({ attempt: true, runs: true, recording: true, files: true }).extend({ reply: IntegrityReply.nullable() });
export type CandidateEvidence = z.infer<typeof CandidateEvidence>;
