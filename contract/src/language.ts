import { z } from 'zod';

/** Languages a challenge can offer. TypeScript and JavaScript share the node sandbox image. */
export const Language = z.enum(['typescript', 'javascript', 'python']);
export type Language = z.infer<typeof Language>;

export const LANGUAGE_LABELS: Record<Language, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  python: 'Python',
};

/** The source files an attempt in each language may hold; one attempt is written in one language. */
export const SOURCE_EXTENSION: Record<Language, readonly string[]> = {
  typescript: ['.ts'],
  javascript: ['.js', '.mjs', '.cjs'],
  python: ['.py'],
};

/** Extensions that are some language's source (or compile to one): a path with one is code. */
const ANY_SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx|py|pyc|pyi)$/;

/** Folders a package manager or an interpreter resolves modules from: a file there could shadow one. */
const RESOLVED_FOLDERS = new Set(['node_modules', '__pycache__']);

/**
 * Why a candidate may not save `path` in an attempt in `language`, or null. Only the language's
 * own sources: in a TypeScript attempt a saved `x.js` would replace the compiled `x.ts`, so the
 * code graded would not be the code a reviewer reads; nothing under node_modules/__pycache__.
 */
export function sourceFileProblem(path: string, language: Language): string | null {
  const folder = path.split('/').slice(0, -1).find((segment) => RESOLVED_FOLDERS.has(segment));
  if (folder) return `${path}: files under ${folder}/ are not allowed (they could replace a module the code imports)`;
  if (ANY_SOURCE.test(path) && !SOURCE_EXTENSION[language].some((extension) => path.endsWith(extension))) {
    return `${path}: a ${LANGUAGE_LABELS[language]} attempt holds only ${SOURCE_EXTENSION[language].join(', ')} source files`;
  }
  return null;
}
