import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every regular file under `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.pyc') && !entry.parentPath.split(sep).includes('__pycache__'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * sha256 over (path, bytes) of every file of the folder, in sorted order: what an attempt
 * was graded against. Any edit, rename, addition or removal changes it.
 */
export async function contentHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await listFiles(dir)) {
    const bytes = await readFile(join(dir, path));
    hash.update(`${path}\u0000${bytes.length}\u0000`).update(bytes);
  }
  return hash.digest('hex');
}
