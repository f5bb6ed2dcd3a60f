import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every line of a challenge folder that still says `TODO` (what `challenge new` writes for the
 * author to replace), as `path:line: text`. A challenge with any is not finished.
 */
export async function leftoverTodos(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== 'package.json').map((e) => join(e.parentPath, e.name));
  for (const path of files.sort()) {
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (/\bTODO\b/.test(line)) found.push(`${relative(dir, path)}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}
