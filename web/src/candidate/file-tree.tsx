import type { EditorFile } from '../editor/code-editor.js';

/** The attempt's files; read-only ones are marked, unsaved ones dotted. */
export function FileTree({ files, active, unsaved, onOpen }: { files: EditorFile[]; active: string; unsaved: ReadonlySet<string>; onOpen: (path: string) => void }) {
  return (
    <nav aria-label="Files" className="file-tree">
      <ul>
        {files.map((file) => (
          <li key={file.path}>
            <button type="button" aria-current={file.path === active ? 'true' : undefined} onClick={() => onOpen(file.path)} title={file.editable ? file.path : `${file.path} (read-only)`}>
              {file.path}
              {file.editable ? null : <span className="badge muted"> read-only</span>}
              {unsaved.has(file.path) ? <span aria-label="not saved yet"> •</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
