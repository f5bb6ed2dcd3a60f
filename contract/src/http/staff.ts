import { z } from 'zod';
import { Language } from '../language.js';

export const Role = z.enum(['admin', 'reviewer']);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.object({ email: z.string().email('enter an email address'), password: z.string().min(1, 'enter your password').max(200) }).strict();
export const StaffUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role, disabled: z.boolean() });
export type StaffUser = z.infer<typeof StaffUser>;

export const CreateUserBody = z
  .object({
    email: z.string().email('enter an email address'),
    name: z.string().trim().min(1, 'enter their name').max(120),
    role: Role,
    password: z.string().min(12, 'use at least 12 characters').max(200),
  })
  .strict();

export const SetPasswordBody = z.object({ password: CreateUserBody.shape.password }).strict();

export const CreateInviteBody = z
  .object({
    candidateName: z.string().trim().min(1, 'enter the candidate\'s name').max(120),
    candidateEmail: z.string().email('enter the candidate\'s email address'),
    challengeId: z.string().min(1),
    /** Defaults to every language the challenge offers. */
    languages: z.array(Language).min(1).optional(),
    /** Defaults to the challenge's time limit. */
    timeLimitMinutes: z.number().int().min(5).max(600).optional(),
    /** An accommodation: minutes on top of the time limit for this candidate only (admins see it; reviewers never do). */
    extraTimeMinutes: z.number().int().min(0).max(600).optional(),
    /** ISO date-time; defaults to seven days from now. */
    expiresAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

export const InviteState = z.enum(['pending', 'started', 'submitted', 'graded', 'expired', 'revoked']);
/**
 * How the current link reached the candidate: `sent` by email (accepted by the mail server),
 * `failed` (the mail server refused or could not be reached; `error` says why), or `manual`
 * (no mail server is configured: the admin sends the link themselves).
 */
export const InviteDelivery = z.object({ state: z.enum(['manual', 'sent', 'failed']), at: z.string().nullable(), error: z.string().nullable() });
export type InviteDelivery = z.infer<typeof InviteDelivery>;
export const Invite = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  challengeId: z.string(),
  languages: z.array(Language),
  timeLimitMinutes: z.number(),
  extraTimeMinutes: z.number(),
  expiresAt: z.string(),
  state: InviteState,
  attemptId: z.string().nullable(),
  createdAt: z.string(),
  delivery: InviteDelivery,
});
export type Invite = z.infer<typeof Invite>;
/** Returned once, when a link is issued (created or re-issued): the only time the raw token exists outside the candidate's link. */
export const CreatedInvite = Invite.extend({ token: z.string(), link: z.string() });

export const ScoreBody = z
  .object({
    criteria: z.array(z.object({ id: z.string(), score: z.number().int(), note: z.string().max(4000).default('') }).strict()).min(1),
    recommendation: z.enum(['strong-no', 'no', 'yes', 'strong-yes']),
    note: z.string().max(8000).default(''),
  })
  .strict();
export type ScoreBody = z.infer<typeof ScoreBody>;
export type Recommendation = ScoreBody['recommendation'];

/**
 * A scorecard as the reviewer is filling it in: any part may still be missing. Saved as they
 * type, per reviewer; `null` discards it (a submission discards it too).
 */
export const ScoreDraft = z
  .object({
    criteria: z.array(z.object({ id: z.string().max(64), score: z.number().int().nullable(), note: z.string().max(4000) }).strict()).max(50),
    recommendation: ScoreBody.shape.recommendation.nullable(),
    note: z.string().max(8000),
  })
  .strict();
export type ScoreDraft = z.infer<typeof ScoreDraft>;
export const SaveScoreDraftBody = z.object({ draft: ScoreDraft.nullable() }).strict();
