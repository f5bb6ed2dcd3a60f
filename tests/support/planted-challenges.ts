import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMENT: Record<string, string> = { '.py': '#', '.ts': '//', '.js': '//' };

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * A copy of one challenge folder whose hidden tests, reference and wrong solutions each carry
 * `marker` in a comment: the secret parts still load and grade, and any response that ever
 * contains the marker has leaked one of them.
 */
export async function challengesWithMarkers(id: string, marker: string): Promise<{ root: string; planted: number }> {
  const root = await mkdtemp(join(tmpdir(), 'assay-planted-'));
  await cp(join(ROOT, 'challenges', id), join(root, id), { recursive: true });
  // What any challenges folder of a team's own needs: suites are ES modules.
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  let planted = 0;
  for (const secret of ['tests/hidden', 'solutions']) {
    for await (const path of filesUnder(join(root, id, secret))) {
      const comment = COMMENT[extname(path)];
      if (!comment) continue;
      await writeFile(path, `${comment} ${marker}\n${await readFile(path, 'utf8')}`);
      planted++;
    }
  }
  return { root, planted };
}
