import { z } from 'zod';
import { Language } from './language.js';

/**
 * What decides which files a candidate may write, create, rename and delete in an attempt. The
 * API sends it with the attempt and judges every save by it; the workspace judges every name the
 * candidate types by the same rules, so the browser and the server cannot disagree. The rules
 * themselves are `createPathRules` (path-rules.ts), a module apart so that pages which only read
 * an attempt do not load the glob matcher.
 */
export const WorkspaceRules = z.object({
  kind: z.enum(['coding', 'system-design']),
  language: Language,
  /** The starter's files in this language, and whether the candidate may change each. */
  starter: z.array(z.object({ path: z.string(), editable: z.boolean() })),
  /** The challenge's `files.create` globs. */
  creatable: z.array(z.string()),
  /** The module the tests load: it can be edited but never deleted or renamed away. */
  entry: z.string().nullable(),
});
export type WorkspaceRules = z.infer<typeof WorkspaceRules>;
