import picomatch from 'picomatch';
import type { Challenge } from '@assay/challenges';
import { SOURCE_EXTENSION, sourceFileProblem, type Language, type SubmittedFile } from '@assay/contract';

/**
 * The exact files that enter a sandbox: the starter, with each editable file replaced by the
 * candidate's version and new files allowed by `files.create` added; read-only starter files
 * always come from the challenge. Only source files of the attempt's language go in, so nothing
 * else a candidate ships (package.json, data files, a `.js` that would shadow a compiled `.ts`,
 * anything under node_modules) reaches the agent.
 * The API already refused anything else at save time; this is the runner not trusting that.
 */
export function assembleSubmission(challenge: Challenge, language: Language, submitted: readonly SubmittedFile[]): SubmittedFile[] {
  const starter = challenge.starter[language] ?? [];
  const byPath = new Map(submitted.map((file) => [file.path, file.content]));
  const mayCreate = picomatch(challenge.manifest.files.create.length ? challenge.manifest.files.create : ['!**']);
  const files: SubmittedFile[] = starter.map((file) => ({
    path: file.path,
    content: file.editable && byPath.has(file.path) ? byPath.get(file.path)! : file.content,
  }));
  const starterPaths = new Set(starter.map((file) => file.path));
  for (const file of submitted) {
    if (!starterPaths.has(file.path) && mayCreate(file.path) && !sourceFileProblem(file.path, language)) files.push({ path: file.path, content: file.content });
  }
  return files.filter((file) => SOURCE_EXTENSION[language].some((extension) => file.path.endsWith(extension)));
}
