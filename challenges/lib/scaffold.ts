import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ChallengeError } from './challenge-error.js';

/**
 * Writes a new challenge folder whose every file is a TODO the author fills in. It loads at
 * once; `validate` fails with "reference fails …" until the reference is written, and passes
 * as soon as the author has filled in the reference, an alternative design per language
 * (solutions/alternative-<name>/), the requirements, the tests and the starter.
 */
export async function scaffoldChallenge(root: string, id: string, { kind }: { kind: 'coding' | 'system-design' }): Promise<string> {
  const dir = join(root, id);
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) throw new ChallengeError([{ file: dir, message: `"${id}" is not a challenge id: use 2 to 63 lowercase letters, digits and dashes, starting with a letter or digit.` }]);
  if (await stat(dir).then(() => true, () => false)) throw new ChallengeError([{ file: dir, message: 'already exists; choose another id, or edit that challenge.' }]);
  const files: Record<string, string> = {
    'challenge.yaml': manifest(id, kind),
    'prompt.md': `# TODO: title\n\nTODO: what the candidate builds, the interface in each language, the semantics and edge cases,\nand what is graded (without giving away the hidden tests).\n\n## Requirements\n{{requirements}}\n`,
    'starter/typescript/src/solution.ts': `export class Solution {\n  answer(input: number): number {\n    throw new Error('Not implemented');\n  }\n}\n`,
    'starter/javascript/src/solution.js': `export class Solution {\n  /** @param {number} input @returns {number} */\n  answer(input) {\n    throw new Error('Not implemented');\n  }\n}\n`,
    'starter/python/solution.py': `class Solution:\n    def answer(self, input: int) -> int:\n        raise NotImplementedError\n`,
    'solutions/reference/typescript/src/solution.ts': `export class Solution {\n  answer(input: number): number {\n    throw new Error('TODO: write the reference solution');\n  }\n}\n`,
    'solutions/reference/javascript/src/solution.js': `export class Solution {\n  answer(input) {\n    throw new Error('TODO: write the reference solution');\n  }\n}\n`,
    'solutions/reference/python/solution.py': `class Solution:\n    def answer(self, input: int) -> int:\n        raise NotImplementedError("TODO: write the reference solution")\n`,
    'solutions/alternative-second-design/typescript/src/solution.ts': `export class Solution {\n  answer(input: number): number {\n    throw new Error('TODO: a correct design unlike the reference (rename this folder after it)');\n  }\n}\n`,
    'solutions/alternative-second-design/javascript/src/solution.js': `export class Solution {\n  answer(input) {\n    throw new Error('TODO: a correct design unlike the reference (rename this folder after it)');\n  }\n}\n`,
    'solutions/alternative-second-design/python/solution.py': `class Solution:\n    def answer(self, input: int) -> int:\n        raise NotImplementedError("TODO: a correct design unlike the reference (rename this folder after it)")\n`,
    'solutions/wrong-off-by-one/fails.yaml': `# TODO: one line on the realistic bug this solution has (rename the folder after it).\nmustFail:\n  - "TODO: a hidden test"\n`,
    'solutions/wrong-off-by-one/typescript/src/solution.ts': `export class Solution {\n  answer(input: number): number {\n    return input; // TODO: a realistic bug the hidden tests must catch\n  }\n}\n`,
    'solutions/wrong-off-by-one/javascript/src/solution.js': `export class Solution {\n  answer(input) {\n    return input; // TODO: a realistic bug the hidden tests must catch\n  }\n}\n`,
    'solutions/wrong-off-by-one/python/solution.py': `class Solution:\n    def answer(self, input: int) -> int:\n        return input  # TODO: a realistic bug the hidden tests must catch\n`,
    'tests/public/example.suite.ts': suite('public'),
    'tests/hidden/example.suite.ts': suite('hidden'),
  };
  if (kind === 'system-design') files['design-template.md'] = `# Design\n\n## Requirements and assumptions\nTODO\n\n## Architecture\n\`\`\`mermaid\nflowchart LR\n  client --> service\n\`\`\`\n\n## Trade-offs\nTODO\n`;
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

function manifest(id: string, kind: string): string {
  return `id: ${id}
title: "TODO: a title"
summary: "TODO: one or two sentences on what the candidate builds."
kind: ${kind}
languages: [typescript, javascript, python]
timeLimitMinutes: 90
interface:
  classes:
    Solution:
      constructor: []
      methods:
        answer: [input]
entry:
  typescript: src/solution.ts
  javascript: src/solution.js
  python: solution.py
requirements:
  answer: "TODO: one sentence the candidate reads, which hidden tests check."
tests:
  categories:
    correctness:
      weight: 1
      description: "TODO: what correctness tests check."
rubric:
  - id: design
    title: "TODO: a criterion"
    description: "TODO: what reviewers look for."
    levels:
      - { score: 1, label: Weak, description: "TODO: what weak work looks like." }
      - { score: 2, label: Fair, description: "TODO" }
      - { score: 3, label: Good, description: "TODO" }
      - { score: 4, label: Excellent, description: "TODO" }
# Sandbox limits of one grading run (these are the defaults; the schema is contract/src/challenge-manifest.ts).
limits:
  callTimeoutMs: 2000
  runTimeoutMs: 30000
  memoryMb: 256
  cpus: 1
  outputKb: 64
  outputKillKb: 1024
files:
  readonly: []   # globs of starter files the candidate can read but not change
  create: []     # globs of new files a candidate may add, e.g. ["src/**/*.ts", "src/**/*.js", "*.py"]
${kind === 'system-design' ? 'design:\n  template: design-template.md\n' : ''}`;
}

function suite(which: string): string {
  return `import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

export default defineSuite(({ test }) => {
  test('TODO: a ${which} test', { category: 'correctness', requirements: ['answer'] }, async ({ sut }) => {
    const solution = await sut.create('Solution');
    assert.equal(await solution.call('answer', 1), 2);
  });
});
`;
}
