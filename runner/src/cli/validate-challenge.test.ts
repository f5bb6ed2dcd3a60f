import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GradeJobData, GradingResult, type TestResult } from '@assay/contract';
import { loadChallenge, scaffoldChallenge } from '@assay/challenges';
import { validateChallenge } from './validate-challenge.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'assay-validate-'));
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const measured = (ratio: number) => ({ candidateCpuMs: ratio * 10, candidateWallMs: ratio * 10, referenceCpuMs: 10, referenceSpreadMs: 1, ratio, maxRatio: 5, runs: 1 });
const result = (name: string, passed: boolean, measurement?: TestResult['measurement']): TestResult => ({
  name,
  category: 'correctness',
  weight: 1,
  status: passed ? 'passed' : 'failed',
  message: '',
  durationMs: 1,
  requirements: [],
  ...(measurement ? { measurement } : {}),
});

/** Grades by which scaffold solution it is given: the reference passes, the wrong one fails more than fails.yaml names. */
async function grade(input: unknown) {
  const job = GradeJobData.parse(input);
  const code = job.files.map((f) => f.content).join('\n');
  const tests = code.includes('a realistic bug')
    ? [result('TODO: a hidden test', false), result('answers zero', false), result('is fast', false, measured(7.5))]
    : [result('TODO: a hidden test', true), result('answers zero', true), result('is fast', true, measured(1))];
  const passed = tests.every((t) => t.status === 'passed');
  return GradingResult.parse({
    ...job,
    verdict: passed ? 'passed' : 'failed',
    score: passed ? 1 : 0,
    tests,
    log: { text: '', truncated: false, bytes: 0 },
    summary: '',
    durationMs: 1,
    finishedAt: new Date(0).toISOString(),
  });
}

describe('validateChallenge', () => {
  it('lists what a wrong solution fails beyond fails.yaml, every performance ratio against its limit, and leftover TODOs', async () => {
    const dir = await scaffoldChallenge(root, 'demo', { kind: 'coding' });
    // Imported by path: vitest, not node's resolution hook, loads the suites here.
    for (const suite of ['tests/public/example.suite.ts', 'tests/hidden/example.suite.ts']) {
      const text = await readFile(join(dir, suite), 'utf8');
      await writeFile(join(dir, suite), text.replace('@assay/runner/harness', fileURLToPath(new URL('../harness/index.ts', import.meta.url))));
    }
    const challenge = await loadChallenge(dir, root);
    const checks = await validateChallenge(challenge, grade, { repeats: 1, languages: ['python'] });
    const byWhat = (start: string) => checks.find((c) => c.what.startsWith(start));

    expect(byWhat('wrong-off-by-one')).toMatchObject({
      ok: true,
      detail: "also fails, beyond fails.yaml: answers zero, is fast\n      is fast: 7.50× the reference's CPU time, limit 5× (75.0 ms vs 10.0 ms, best of 1)",
    });
    expect(byWhat('reference timed against itself')?.detail).toBe("is fast: 1.00× the reference's CPU time, limit 5× (10.0 ms vs 10.0 ms, best of 1)");
    const todos = byWhat('no TODO is left');
    expect(todos?.ok).toBe(false);
    expect(todos?.detail).toMatch(/^replace each: challenge\.yaml:2: title: "TODO: a title"\n/);
    expect(todos?.detail).toMatch(/solutions\/wrong-off-by-one\/fails\.yaml:1: # TODO/);
  });
});
