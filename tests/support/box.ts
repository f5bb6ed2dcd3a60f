import assert from 'node:assert/strict';
import { SandboxLimits, type ChallengeInterface, type SubmittedFile } from '@assay/contract';
import { openSession } from '../../runner/src/grading/open-session.js';
import { runTests, type TestRun } from '../../runner/src/harness/run-tests.js';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import type { SandboxProvider } from '../../runner/src/grading/sandbox-provider.js';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';

/**
 * "Box": the smallest challenge there is — one class, one method `run()` whose body is the
 * code under test — for probing what a sandbox does with hostile code.
 */
const boxInterface = { classes: { Box: { constructor: [], methods: { run: [] } } }, functions: {} };

export function boxFiles(runtime: Runtime, body: string): SubmittedFile[] {
  if (runtime === 'node') return [{ path: 'box.js', content: `export class Box { run() {\n${body}\n} }` }];
  const indented = body.split('\n').map((line) => `        ${line}`).join('\n');
  return [{ path: 'box.py', content: `class Box:\n    def run(self):\n${indented}\n` }];
}

/** A test that passes when `check` accepts what run() returned. */
export function inspectRun(check: (value: unknown) => void): TestCase {
  return {
    name: 'run',
    category: 'c',
    weight: 1,
    requirements: [],
    file: 'inline',
    body: async ({ sut }) => check(await (await sut.create('Box')).call('run')),
  };
}

/** A test that expects run() to return exactly `expected`. */
export function expectRun(expected: unknown): TestCase {
  return inspectRun((value) => assert.deepEqual(value, expected));
}

export function runBox(
  sandboxes: SandboxProvider,
  runtime: Runtime,
  body: string,
  test: TestCase,
  limitOverrides: Partial<SandboxLimits> = {},
): Promise<TestRun & { elapsedMs: number }> {
  return runCode(sandboxes, runtime, { files: boxFiles(runtime, body), interface: boxInterface }, [test], limitOverrides);
}

/** Grades `tests` against one-file code (its first file is the entry) in a real sandbox, with no restarts. */
export async function runCode(
  sandboxes: SandboxProvider,
  runtime: Runtime,
  code: { files: SubmittedFile[]; interface: ChallengeInterface },
  tests: TestCase[],
  limitOverrides: Partial<SandboxLimits> = {},
): Promise<TestRun & { elapsedMs: number }> {
  const limits = SandboxLimits.parse({ callTimeoutMs: 2_000, memoryMb: 128, outputKillKb: 256, ...limitOverrides });
  const started = performance.now();
  const run = await runTests({
    tests,
    runTimeoutMs: limits.runTimeoutMs,
    restarts: 0,
    openSession: async () =>
      openSession(await sandboxes.open(runtime, limits, { gradingId: 'box' }), limits, {
        language: runtime === 'node' ? 'javascript' : 'python',
        entry: code.files[0]!.path,
        files: code.files,
        interface: code.interface,
      }),
  });
  return { ...run, elapsedMs: performance.now() - started };
}
