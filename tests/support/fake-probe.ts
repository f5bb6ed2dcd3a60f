import type { SandboxLimits, SubmittedFile } from '@assay/contract';
import type { SandboxProvider } from '../../runner/src/grading/sandbox-provider.js';
import type { TestRun } from '../../runner/src/harness/run-tests.js';
import type { TestBody } from '../../runner/src/harness/suite.js';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { runCode } from './box.js';

/**
 * "Probe": the smallest code that uses a dependency — a class built with a dependency and a
 * clock, whose `run(x)` is the code under test — for exercising fakes across the sandbox
 * boundary. It exports a declared error class, `ProbeError`.
 */
const probeInterface = {
  classes: { Probe: { constructor: ['dep', 'clock'], methods: { run: ['x'] } } },
  functions: {},
  errors: { ProbeError: 'raised by run when asked to' },
};

function probeFiles(runtime: Runtime, body: string): SubmittedFile[] {
  if (runtime === 'node') {
    return [{ path: 'probe.js', content: `export class ProbeError extends Error {}\nexport class Probe {\n  constructor(dep, clock) { this.dep = dep; this.clock = clock; }\n  run(x) {\n${body}\n  }\n}` }];
  }
  const indented = body.split('\n').map((line) => `        ${line}`).join('\n');
  return [{ path: 'probe.py', content: `class ProbeError(Exception):\n    pass\n\n\nclass Probe:\n    def __init__(self, dep, clock):\n        self.dep = dep\n        self.clock = clock\n\n    def run(self, x):\n${indented}\n` }];
}

export function probeTest(name: string, body: TestBody): TestCase {
  return { name, category: 'c', weight: 1, requirements: [], file: 'inline', declaredErrors: Object.keys(probeInterface.errors), body };
}

/** Grades `tests` against a Probe whose `run(x)` body is `body`, in a real sandbox. */
export function runProbe(
  sandboxes: SandboxProvider,
  runtime: Runtime,
  body: string,
  tests: TestCase[],
  limitOverrides: Partial<SandboxLimits> = {},
): Promise<TestRun & { elapsedMs: number }> {
  return runCode(sandboxes, runtime, { files: probeFiles(runtime, body), interface: probeInterface }, tests, limitOverrides);
}
