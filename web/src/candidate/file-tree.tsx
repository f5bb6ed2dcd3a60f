import { useState } from 'react';
import type { PathRules } from '@assay/contract';
import type { EditorFile } from '../editor/code-editor.js';
import { FileNameForm } from './file-name-form.js';
import { folderOf } from './folder-moves.js';
import { FolderRow } from './folder-row.js';

/** What a file is to the candidate, told by an icon and a word (never colour alone). */
export type FileRole = 'editable' | 'created' | 'read-only';
const ROLE_MARK: Record<FileRole, { icon: string; text: string }> = {
  editable: { icon: '✎', text: 'editable' },
  created: { icon: '✚', text: 'yours' },
  'read-only': { icon: '⊘', text: 'read-only' },
};

export interface FileActions {
  open(path: string): void;
  create(path: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

type Editing = { kind: 'new' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string } | null;

/**
 * The attempt's files with what each is (editable, created by the candidate, read-only), unsaved
 * ones dotted; new files, renames and deletions within the workspace's rules. A file the rules
 * do not let go (read-only, the entry module) offers no rename or delete at all. Folders are
 * headings over their files, renamed or deleted as a whole (`FolderRow`).
 */
export function FileTree({ files, active, unsaved, roleOf, rules, actions, editable }: { files: EditorFile[]; active: string; unsaved: ReadonlySet<string>; roleOf: (path: string) => FileRole; rules: PathRules; actions: FileActions; editable: boolean }) {
  const [editing, setEditing] = useState<Editing>(null);
  const paths = files.map((f) => f.path);
  const problemOfNew = (others: string[]) => (name: string) => rules.createProblem(name, others)?.message ?? null;
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <nav aria-label="Files" className="file-tree">
      <ul>
        {sorted.map((file, index) => {
          // A folder's heading comes before the first of its files in path order.
          const folder = folderOf(file.path);
          const heading = folder !== '' && folder !== folderOf(sorted[index - 1]?.path ?? '') ? <FolderRow key={`folder:${folder}`} folder={folder} paths={paths} rules={rules} actions={actions} editable={editable} /> : null;
          const role = roleOf(file.path);
          const movable = editable && rules.deleteProblem(file.path) === null;
          if (editing?.kind === 'rename' && editing.path === file.path) {
            return [
              heading,
              <li key={file.path}>
                <FileNameForm
                  initial={file.path}
                  label={`New name for ${file.path}`}
                  action="Rename"
                  problemOf={problemOfNew(paths.filter((p) => p !== file.path))}
                  onDone={(to) => (setEditing(null), actions.rename(file.path, to))}
                  onCancel={() => setEditing(null)}
                />
              </li>,
            ];
          }
          return [
            heading,
            <li key={file.path} className="file-row">
              <button type="button" className="file-name" aria-current={file.path === active ? 'true' : undefined} onClick={() => actions.open(file.path)}>
                <span aria-hidden="true" className={`file-role ${role}`}>
                  {ROLE_MARK[role].icon}
                </span>{' '}
                {file.path}
                <span className="file-role-text"> ({ROLE_MARK[role].text})</span>
                {unsaved.has(file.path) ? <span aria-label="not saved yet"> •</span> : null}
              </button>
              {movable && editing?.kind === 'delete' && editing.path === file.path ? (
                <span className="file-confirm" role="group" aria-label={`Delete ${file.path}?`}>
                  <button type="button" className="danger" onClick={() => (setEditing(null), actions.remove(file.path))}>
                    Delete {file.path}
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Keep
                  </button>
                </span>
              ) : movable ? (
                <span className="file-actions">
                  <button type="button" aria-label={`Rename ${file.path}`} title="Rename" onClick={() => setEditing({ kind: 'rename', path: file.path })}>
                    ✎
                  </button>
                  <button type="button" aria-label={`Delete ${file.path}`} title="Delete" onClick={() => setEditing({ kind: 'delete', path: file.path })}>
                    🗑
                  </button>
                </span>
              ) : null}
            </li>,
          ];
        })}
      </ul>
      {!editable ? null : editing?.kind === 'new' ? (
        <FileNameForm
          initial={folderOf(active)}
          label="New file path (folders with /)"
          action="Create"
          problemOf={problemOfNew(paths)}
          onDone={(path) => (setEditing(null), actions.create(path))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="new-file" onClick={() => setEditing({ kind: 'new' })}>
          ✚ New file
        </button>
      )}
    </nav>
  );
}
