import picomatch from 'picomatch';
import { DESIGN_DOC_PATH, sourceFileProblem, type Language, type RecordedEvent } from '@assay/contract';
import type { Challenge } from '@assay/challenges';
import { HttpError } from '../http-error.js';

type PathKind = 'writable' | 'read-only' | 'unknown';

/** What a path is in an attempt: a starter file (editable or not), DESIGN.md for system design, a path `files.create` allows, or none of these. */
function pathKinds(challenge: Challenge, language: Language): (path: string) => PathKind {
  const starter = new Map((challenge.starter[language] ?? []).map((f) => [f.path, f.editable]));
  const creatable = picomatch(challenge.manifest.files.create.length ? challenge.manifest.files.create : ['!**']);
  return (path) => {
    if (path === DESIGN_DOC_PATH && challenge.manifest.kind === 'system-design') return 'writable';
    const editable = starter.get(path);
    if (editable === undefined) return creatable(path) ? 'writable' : 'unknown';
    return editable ? 'writable' : 'read-only';
  };
}

/**
 * Which paths a candidate may write: editable starter files, `files.create` globs, and DESIGN.md
 * for system design; never another language's source or a file under node_modules/__pycache__.
 */
export function assertWritable(challenge: Challenge, language: Language, paths: string[]): void {
  const kindOf = pathKinds(challenge, language);
  for (const path of paths) {
    if (path === DESIGN_DOC_PATH && challenge.manifest.kind === 'system-design') continue;
    const problem = sourceFileProblem(path, language);
    if (problem) throw new HttpError(400, 'wrong_language', problem);
    const kind = kindOf(path);
    if (kind === 'read-only') throw new HttpError(403, 'read_only', `${path} is read-only in this challenge`);
    if (kind === 'unknown') {
      const allowed = challenge.manifest.files.create;
      throw new HttpError(
        400,
        'unknown_file',
        allowed.length ? `${path} is not a file of this challenge; new files must match ${allowed.join(', ')}` : `${path} is not a file of this challenge, which does not allow new files`,
      );
    }
  }
}

/**
 * Recorded events name files by free text from the candidate's browser, which the reviewer's
 * page and its integrity sentences read: only files of the attempt (any starter file, or one it
 * could have written) are accepted, so a name like `constructor` or a sentence never gets in.
 */
export function assertRecordedFiles(challenge: Challenge, language: Language, events: readonly RecordedEvent[]): void {
  const kindOf = pathKinds(challenge, language);
  for (const event of events) {
    const paths = event.type === 'snapshot' ? Object.keys(event.files) : 'file' in event ? [event.file] : [];
    const unknown = paths.find((path) => kindOf(path) === 'unknown');
    if (unknown !== undefined) throw new HttpError(400, 'unknown_file', `event ${event.seq}: ${JSON.stringify(unknown)} is not a file of this attempt`);
  }
}
