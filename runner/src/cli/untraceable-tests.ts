import type { TestCase } from '../harness/test-case.js';

/**
 * Why a hidden suite is not traceable to what the candidate was told: each hidden test that
 * names no requirement, and each requirement that no hidden test checks. (A test naming an
 * unknown requirement does not load at all.) Empty when every failure can be explained from a
 * sentence of the prompt.
 */
export function untraceableTests(requirements: Readonly<Record<string, string>>, hidden: readonly Pick<TestCase, 'name' | 'requirements'>[]): string[] {
  const checked = new Set(hidden.flatMap((test) => test.requirements.map((r) => r.id)));
  return [
    ...hidden.filter((test) => test.requirements.length === 0).map((test) => `hidden test "${test.name}" names no requirement`),
    ...Object.keys(requirements).filter((id) => !checked.has(id)).map((id) => `requirement "${id}" has no hidden test`),
  ];
}
