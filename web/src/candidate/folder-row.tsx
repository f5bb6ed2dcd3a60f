import { useState } from 'react';
import type { PathRules } from '@assay/contract';
import { FileNameForm } from './file-name-form.js';
import type { FileActions } from './file-tree.js';
import { folderMovable, folderMoveProblem, folderMoves } from './folder-moves.js';

/** A folder's heading in the file tree, with a rename and a delete that apply to every file under it. */
export function FolderRow({ folder, paths, rules, actions, editable }: { folder: string; paths: readonly string[]; rules: PathRules; actions: FileActions; editable: boolean }) {
  const [editing, setEditing] = useState<'rename' | 'delete' | null>(null);
  if (editing === 'rename') {
    return (
      <li className="folder-row">
        <FileNameForm
          initial={folder.slice(0, -1)}
          label={`New name for the folder ${folder}`}
          action="Rename"
          problemOf={(to) => folderMoveProblem(rules, folder, to, paths)}
          onDone={(to) => {
            setEditing(null);
            for (const [from, next] of folderMoves(folder, to, paths)) actions.rename(from, next);
          }}
          onCancel={() => setEditing(null)}
        />
      </li>
    );
  }
  return (
    <li className="folder-row file-row">
      <span className="folder-name">
        <span aria-hidden="true">▾</span> {folder} <span className="file-role-text">(folder)</span>
      </span>
      {!editable || !folderMovable(rules, folder, paths) ? null : editing === 'delete' ? (
        <span className="file-confirm" role="group" aria-label={`Delete the folder ${folder}?`}>
          <button type="button" className="danger" onClick={() => (setEditing(null), paths.filter((p) => p.startsWith(folder)).forEach((p) => actions.remove(p)))}>
            Delete {folder} and its files
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="file-actions">
          <button type="button" aria-label={`Rename the folder ${folder}`} title="Rename folder" onClick={() => setEditing('rename')}>
            ✎
          </button>
          <button type="button" aria-label={`Delete the folder ${folder}`} title="Delete folder" onClick={() => setEditing('delete')}>
            🗑
          </button>
        </span>
      )}
    </li>
  );
}
