import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** What a challenges folder needs so node loads its `*.suite.ts` as ES modules. */
export const MODULE_PACKAGE = '{ "type": "module" }\n';

const PackageType = z.object({ type: z.string().optional() });

/**
 * Whether suites under `root` load as ES modules (node reads the nearest package.json above a
 * file): undefined when they do, else a sentence saying what to add.
 */
export async function modulePackageProblem(root: string): Promise<string | undefined> {
  const found = await nearestPackage(root);
  if (!found) return `${root} has no package.json, and challenge suites are ES modules: add ${join(root, 'package.json')} containing ${MODULE_PACKAGE.trim()}.`;
  if (found.isModule) return undefined;
  return `${found.file} does not say "type": "module", and challenge suites are ES modules: add "type": "module" to it, or give ${root} a package.json containing ${MODULE_PACKAGE.trim()}.`;
}

/** Gives `root` the package.json it needs when there is none above it; true when one was written. */
export async function ensureModulePackage(root: string): Promise<boolean> {
  if (await nearestPackage(root)) return false;
  await writeFile(join(root, 'package.json'), MODULE_PACKAGE);
  return true;
}

async function nearestPackage(from: string): Promise<{ file: string; isModule: boolean } | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return { file, isModule: PackageType.safeParse(parseJson(text)).data?.type === 'module' };
    if (dirname(dir) === dir) return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
