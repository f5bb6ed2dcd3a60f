import { z } from 'zod';

/** Languages a challenge can offer. TypeScript and JavaScript share the node sandbox image. */
export const Language = z.enum(['typescript', 'javascript', 'python']);
export type Language = z.infer<typeof Language>;

export const LANGUAGE_LABELS: Record<Language, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  python: 'Python',
};
