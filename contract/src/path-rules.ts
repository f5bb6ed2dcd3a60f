import picomatch from 'picomatch';
import { DESIGN_DOC_PATH } from './challenge-manifest.js';
import { sourceFileProblem } from './language.js';
import { FILE_LIMITS, FilePath } from './submitted-file.js';
import type { WorkspaceRules } from './workspace-rules.js';

export type PathKind = 'writable' | 'read-only' | 'unknown';

/** Why a path was refused, with the API's error code for it. */
export interface PathProblem {
  code: 'invalid_path' | 'wrong_language' | 'read_only' | 'unknown_file' | 'file_exists' | 'entry_file' | 'too_many_files';
  message: string;
}

export interface PathRules {
  /** What `path` is: a file the candidate may write, a locked starter file, or no file of this attempt. */
  kindOf(path: string): PathKind;
  /** Why the candidate may not save `path`, or null. */
  writeProblem(path: string): PathProblem | null;
  /** Why a new file (or a renamed one) may not be called `path`, given the attempt's current files. */
  createProblem(path: string, existing: readonly string[]): PathProblem | null;
  /** Why `path` may not be deleted (or renamed away), or null. */
  deleteProblem(path: string): PathProblem | null;
}

export function createPathRules(rules: WorkspaceRules): PathRules {
  const starter = new Map(rules.starter.map((f) => [f.path, f.editable]));
  // Always POSIX: the same glob must match the same paths on a Windows browser and a Linux API.
  const creatable = picomatch(rules.creatable.length ? rules.creatable : ['!**'], { windows: false });
  const isDesignDoc = (path: string) => path === DESIGN_DOC_PATH && rules.kind === 'system-design';

  const kindOf = (path: string): PathKind => {
    if (isDesignDoc(path)) return 'writable';
    const editable = starter.get(path);
    if (editable === undefined) return creatable(path) ? 'writable' : 'unknown';
    return editable ? 'writable' : 'read-only';
  };

  const writeProblem = (path: string): PathProblem | null => {
    if (isDesignDoc(path)) return null;
    const wrongLanguage = sourceFileProblem(path, rules.language);
    if (wrongLanguage) return { code: 'wrong_language', message: wrongLanguage };
    const kind = kindOf(path);
    if (kind === 'read-only') return { code: 'read_only', message: `${path} is read-only in this challenge` };
    if (kind === 'unknown') {
      const allowed = rules.creatable;
      return {
        code: 'unknown_file',
        message: allowed.length ? `${path} is not a file of this challenge; new files must match ${allowed.join(', ')}` : `${path} is not a file of this challenge, which does not allow new files`,
      };
    }
    return null;
  };

  return {
    kindOf,
    writeProblem,
    createProblem(path, existing) {
      const parsed = FilePath.safeParse(path);
      if (!parsed.success) return { code: 'invalid_path', message: parsed.error.issues[0]!.message };
      const folded = path.toLowerCase();
      const clash = existing.find((other) => other.toLowerCase() === folded);
      if (clash !== undefined) return { code: 'file_exists', message: clash === path ? `${path} already exists; pick another name` : `${path} differs from ${clash} only in case; pick another name` };
      const folder = existing.find((other) => other.startsWith(`${path}/`) || path.startsWith(`${other}/`));
      if (folder !== undefined) return { code: 'file_exists', message: `${path} would be both a file and a folder (${folder} exists); pick another name` };
      if (existing.length >= FILE_LIMITS.maxFiles) return { code: 'too_many_files', message: `an attempt can hold at most ${FILE_LIMITS.maxFiles} files; delete one first` };
      return writeProblem(path);
    },
    deleteProblem(path) {
      if (path === rules.entry) return { code: 'entry_file', message: `${path} is the module the tests load, so it cannot be deleted or renamed` };
      if (isDesignDoc(path)) return { code: 'entry_file', message: `${path} is the written part of this challenge, so it cannot be deleted or renamed` };
      return writeProblem(path);
    },
  };
}
