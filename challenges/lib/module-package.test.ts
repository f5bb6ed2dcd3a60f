import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureModulePackage, modulePackageProblem } from './module-package.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'assay-package-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the package.json a challenges folder needs', () => {
  it('is written into a folder that has none above it, and then the folder is ready', async () => {
    expect(await modulePackageProblem(root)).toBe(`${root} has no package.json, and challenge suites are ES modules: add ${root}/package.json containing { "type": "module" }.`);
    expect(await ensureModulePackage(root)).toBe(true);
    expect(JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(await modulePackageProblem(root)).toBeUndefined();
  });

  it("says what to add to an existing package.json that is not a module, and never rewrites the author's file", async () => {
    await writeFile(join(root, 'package.json'), '{ "name": "mine" }');
    await mkdir(join(root, 'challenges'));
    expect(await ensureModulePackage(join(root, 'challenges'))).toBe(false);
    expect(await modulePackageProblem(join(root, 'challenges'))).toMatch(/package\.json does not say "type": "module", and challenge suites are ES modules: add "type": "module" to it/);
    expect(await readFile(join(root, 'package.json'), 'utf8')).toBe('{ "name": "mine" }');
  });
});
