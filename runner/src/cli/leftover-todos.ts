import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every line of a challenge folder that still says `TODO` (what `challenge new` writes for the
 * author to replace), as `path:line: text`. A challenge with any is not finished.
 */
export async function leftoverTodos(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'package.json') continue;
    const path = join(entry.parentPath, entry.name);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (/\bTODO\b/.test(line)) found.push(`${relative(dir, path)}:${index + 1}: ${line.trim()}`);
    });
  }
  return found.sort();
}
