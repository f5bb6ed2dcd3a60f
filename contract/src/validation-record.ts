import { z } from 'zod';
import { Language } from './language.js';

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
});
export type ValidationRecord = z.infer<typeof ValidationRecord>;

/** As an admin sees it: `stale` means the folder changed since it was last validated. */
export const ValidationStatus = z.object({
  status: z.enum(['passed', 'failed', 'stale', 'not-validated']),
  at: z.string().nullable(),
  failures: z.array(z.string()),
});
export type ValidationStatus = z.infer<typeof ValidationStatus>;
