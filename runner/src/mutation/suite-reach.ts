import { z } from 'zod';
import { runBody, type TestSession } from '../harness/run-tests.js';
import { createSutClient } from '../harness/sut-client.js';
import type { TestCase } from '../harness/test-case.js';
import { COVERAGE_FUNCTION } from './mutant-switch.js';

const Counts = z.record(z.string(), z.number());

/** Which mutants each test reaches, and how often (a mutant's hit budget is a multiple of it). */
export interface SuiteReach {
  /** Mutants reached while the module loaded: every test reaches them. */
  atLoad: Map<string, number>;
  perTest: Map<TestCase, Map<string, number>>;
  durationMs: Map<TestCase, number>;
}

/**
 * Runs every test once against the unmutated instrumented reference, in one loaded session, reading
 * Stryker's coverage counters after each. A test that fails here fails the reference itself,
 * so no mutant result would mean anything: that is the author's error, thrown as a sentence.
 */
export async function suiteReach(tests: readonly TestCase[], session: TestSession): Promise<SuiteReach> {
  const { sut } = createSutClient(session.channel);
  const read = async () => new Map(Object.entries(Counts.parse(await sut.call(COVERAGE_FUNCTION))));
  const reach: SuiteReach = { atLoad: await read(), perTest: new Map(), durationMs: new Map() };
  for (const test of tests) {
    const started = performance.now();
    try {
      await runBody(test, session.channel);
    } catch (error) {
      throw new Error(`hidden test "${test.name}" fails against the instrumented TypeScript reference (${error instanceof Error ? error.message : String(error)}); the reference must pass every hidden test before its mutants can be scored`);
    }
    reach.durationMs.set(test, performance.now() - started);
    reach.perTest.set(test, await read());
  }
  return reach;
}
