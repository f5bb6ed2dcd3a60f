import { z } from 'zod';
import { Language } from './language.js';

/** A mutant of the reference the hidden suite did not kill, with the line before and after. */
export const MutationSurvivor = z.object({
  mutator: z.string(),
  /** The reference file, relative to its language folder. */
  file: z.string(),
  /** 1-based line where the mutation starts. */
  line: z.number().int().positive(),
  original: z.string(),
  mutated: z.string(),
  /** No hidden test reached the mutated code at all. */
  uncovered: z.boolean(),
});
export type MutationSurvivor = z.infer<typeof MutationSurvivor>;

/**
 * How strong the hidden suite is: the share of the TypeScript reference's mutants (declared
 * equivalents excluded) that some hidden test fails on. A timed-out mutant counts as killed.
 */
export const MutationScore = z.object({
  /** killed + timedOut over mutants − equivalent; 1 when nothing is left to kill. */
  score: z.number().min(0).max(1),
  threshold: z.number().min(0).max(1),
  mutants: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative(),
  timedOut: z.number().int().nonnegative(),
  equivalent: z.number().int().nonnegative(),
  survivors: z.array(MutationSurvivor),
  durationMs: z.number().nonnegative(),
});
export type MutationScore = z.infer<typeof MutationScore>;

/**
 * What `npm run challenge -- validate` last proved about a challenge folder, written where the
 * API reads it (the API cannot run sandboxes itself). `contentHash` says which version it was.
 */
export const ValidationRecord = z.object({
  challengeId: z.string(),
  contentHash: z.string(),
  status: z.enum(['passed', 'failed']),
  at: z.string(),
  languages: z.array(Language),
  /** The checks that failed, in words. */
  failures: z.array(z.string()),
  /** Absent when validation ran with --skip-mutation or the challenge has no TypeScript reference. */
  mutation: MutationScore.optional(),
});
export type ValidationRecord = z.infer<typeof ValidationRecord>;

/** As an admin sees it: `stale` means the folder changed since it was last validated. */
export const ValidationStatus = z.object({
  status: z.enum(['passed', 'failed', 'stale', 'not-validated']),
  at: z.string().nullable(),
  failures: z.array(z.string()),
  mutation: MutationScore.nullable(),
});
export type ValidationStatus = z.infer<typeof ValidationStatus>;
