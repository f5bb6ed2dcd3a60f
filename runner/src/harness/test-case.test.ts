import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadChallenge, scaffoldChallenge } from '@assay/challenges';
import { loadTestCases } from './test-case.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'assay-suite-'));
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function problemOf(tests: string): Promise<string> {
  const { manifest } = await loadChallenge(await scaffoldChallenge(root, 'demo', { kind: 'coding' }), root);
  const file = join(root, 'demo/tests/hidden/broken.suite.ts');
  // Imported by path: vitest, not node's resolution hook, loads modules here.
  await writeFile(file, `import { defineSuite } from '${harness}';\n\nexport default defineSuite(({ test }) => {\n${tests}});\n`);
  return loadTestCases([file], manifest, 'v1').then(
    () => 'loaded',
    (error: unknown) => (error instanceof Error ? error.message.replace(root, '<root>') : String(error)),
  );
}

const body = 'async () => {}';
const harness = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('loading suites', () => {
  it('names the line of a test in an undeclared category, the categories declared and the fix', async () => {
    expect(await problemOf(`  test('a', { category: 'correctness', requirements: ['answer'] }, ${body});\n  test('b', { category: 'corectness', requirements: ['answer'] }, ${body});\n`)).toBe(
      '<root>/demo/tests/hidden/broken.suite.ts:5: test "b" uses category "corectness", which challenge.yaml does not declare under tests.categories (it declares correctness); declare it there or use one of those',
    );
  });

  it('names the line of a duplicate test name and says why names must differ', async () => {
    expect(await problemOf(`  test('a', { category: 'correctness', requirements: ['answer'] }, ${body});\n  test('a', { category: 'correctness', requirements: ['answer'] }, ${body});\n`)).toBe(
      '<root>/demo/tests/hidden/broken.suite.ts:5: test "a" has the name of another test; give each test its own name, since results are matched by name',
    );
  });

  it('reports a suite that does not import as the suite not loading', async () => {
    expect(await problemOf(`  test('a', { category: 'correctness', requirements: ['answer'] }, async () => { await import('./nowhere.js'); });\n}, oops);\n`)).toMatch(
      /^<root>\/demo\/tests\/hidden\/broken\.suite\.ts: does not load: /,
    );
  });

  it('says how to fix an undeclared requirement', async () => {
    expect(await problemOf(`  test('a', { category: 'correctness', requirements: ['anwser'] }, ${body});\n`)).toMatch(
      /broken\.suite\.ts:4: test "a" names requirement "anwser", which challenge\.yaml does not declare under requirements; declare it there/,
    );
  });
});
