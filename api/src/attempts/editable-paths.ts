import picomatch from 'picomatch';
import { DESIGN_DOC_PATH, sourceFileProblem, type Language } from '@assay/contract';
import type { Challenge } from '@assay/challenges';
import { HttpError } from '../http-error.js';

/**
 * Which paths a candidate may write: editable starter files, `files.create` globs, and DESIGN.md
 * for system design; never another language's source or a file under node_modules/__pycache__.
 */
export function assertWritable(challenge: Challenge, language: Language, paths: string[]): void {
  const starter = new Map((challenge.starter[language] ?? []).map((f) => [f.path, f.editable]));
  const creatable = picomatch(challenge.manifest.files.create.length ? challenge.manifest.files.create : ['!**']);
  for (const path of paths) {
    if (path === DESIGN_DOC_PATH && challenge.manifest.kind === 'system-design') continue;
    const problem = sourceFileProblem(path, language);
    if (problem) throw new HttpError(400, 'wrong_language', problem);
    const editable = starter.get(path);
    if (editable === false) throw new HttpError(403, 'read_only', `${path} is read-only in this challenge`);
    if (editable === undefined && !creatable(path)) {
      const allowed = challenge.manifest.files.create;
      throw new HttpError(
        400,
        'unknown_file',
        allowed.length ? `${path} is not a file of this challenge; new files must match ${allowed.join(', ')}` : `${path} is not a file of this challenge, which does not allow new files`,
      );
    }
  }
}
