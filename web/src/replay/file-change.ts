import type { RecordedEvent } from '@assay/contract';

export type FileChange = Extract<RecordedEvent, { type: 'create' | 'rename' | 'delete' }>;

/** Files by path, as a Map (gap buffers while keyframes are built) or a record of texts (a seek). */
interface FileStore<T> {
  get(path: string): T | undefined;
  set(path: string, value: T): void;
  delete(path: string): void;
}

/** A null-prototype record of files as a FileStore. */
export const recordStore = <T>(files: Record<string, T>): FileStore<T> => ({
  get: (path) => files[path],
  set: (path, value) => void (files[path] = value),
  delete: (path) => void delete files[path],
});

/**
 * Applies a file created, renamed or deleted. A created file is empty, made by `empty` because
 * a string and a gap buffer make an empty file differently.
 */
export function applyFileChange<T>(files: FileStore<T>, change: FileChange, empty: () => T): void {
  if (change.type === 'create') {
    if (files.get(change.file) === undefined) files.set(change.file, empty());
  } else if (change.type === 'delete') files.delete(change.file);
  else {
    const moved = files.get(change.file);
    files.delete(change.file);
    // A rename of a file the recording never saw still makes the new name exist, as it did in the editor.
    files.set(change.to, moved ?? empty());
  }
}
