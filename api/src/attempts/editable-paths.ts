import { createPathRules, type Language, type RecordedEvent, type WorkspaceRules } from '@assay/contract';
import type { Challenge } from '@assay/challenges';
import { HttpError } from '../http-error.js';

/** The rules an attempt's files follow, as the workspace receives them with the attempt. */
export function workspaceRules(challenge: Challenge, language: Language): WorkspaceRules {
  return {
    kind: challenge.manifest.kind,
    language,
    starter: (challenge.starter[language] ?? []).map(({ path, editable }) => ({ path, editable })),
    creatable: challenge.manifest.files.create,
    entry: challenge.manifest.entry[language] ?? null,
  };
}

/**
 * Checks a save against the workspace's rules, the same function the browser runs as the
 * candidate types a name: writes go to editable starter files, `files.create` globs and DESIGN.md
 * for system design; deletions never touch read-only files, the entry module or DESIGN.md.
 */
export function assertSavable(challenge: Challenge, language: Language, save: { written: string[]; deleted: string[] }): void {
  const rules = createPathRules(workspaceRules(challenge, language));
  for (const [paths, problemOf] of [
    [save.written, rules.writeProblem],
    [save.deleted, rules.deleteProblem],
  ] as const) {
    for (const path of paths) {
      const problem = problemOf(path);
      if (problem) throw new HttpError(problem.code === 'read_only' ? 403 : 400, problem.code, problem.message);
    }
  }
}

/**
 * Recorded events name files by free text from the candidate's browser, which the reviewer's
 * page and its integrity sentences read: only files of the attempt (any starter file, or one it
 * could have written) are accepted, so a name like `constructor` or a sentence never gets in.
 */
export function assertRecordedFiles(challenge: Challenge, language: Language, events: readonly RecordedEvent[]): void {
  const { kindOf } = createPathRules(workspaceRules(challenge, language));
  for (const event of events) {
    const paths = event.type === 'snapshot' ? Object.keys(event.files) : event.type === 'rename' ? [event.file, event.to] : 'file' in event ? [event.file] : [];
    const unknown = paths.find((path) => kindOf(path) === 'unknown');
    if (unknown !== undefined) throw new HttpError(400, 'unknown_file', `event ${event.seq}: ${JSON.stringify(unknown)} is not a file of this attempt`);
  }
}
