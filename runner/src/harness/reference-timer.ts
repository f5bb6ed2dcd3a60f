import type { Challenge } from '@assay/challenges';
import type { Language } from '@assay/contract';
import { InfraError } from '../sandbox/sandbox-errors.js';
import type { TestSession } from './run-tests.js';
import { runBody } from './run-tests.js';
import type { TestCase } from './test-case.js';

export interface ReferenceTimerDeps {
  /** Opens the reference solution in a trusted local agent (never a candidate's sandbox). */
  openReference(challenge: Challenge, language: Language): Promise<TestSession>;
  /** Cold runs per test, each in a fresh process; the fastest is the baseline. Default 5. */
  samples?: number;
}

/** The baseline of a performance test. `spreadMs` is how far the slowest cold run was from the fastest. */
export interface ReferenceTiming {
  cpuMs: number;
  wallMs: number;
  spreadMs: number;
  runs: number;
}

/**
 * The baseline of a performance test: the same body against the reference solution, on the
 * same machine, cached per challenge version, language and test, so a budget is a ratio.
 *
 * Each sample is the first run in a fresh local process, cold like a candidate's re-run in a
 * fresh sandbox, and its figure is that process's own CPU time: what other gradings do to the
 * machine or to the runner's event loop meanwhile moves its wall time, not its CPU time.
 * Samples run one after another, never two at once.
 */
export function createReferenceTimer({ openReference, samples = 5 }: ReferenceTimerDeps) {
  const cache = new Map<string, Promise<ReferenceTiming>>();

  return {
    forChallenge(challenge: Challenge, language: Language): (test: TestCase) => Promise<ReferenceTiming> {
      return (test) => {
        const key = `${challenge.contentHash}:${language}:${test.name}`;
        let timing = cache.get(key);
        if (!timing) {
          timing = measure(challenge, language, test);
          cache.set(key, timing);
          timing.catch(() => cache.delete(key));
        }
        return timing;
      };
    },
  };

  async function measure(challenge: Challenge, language: Language, test: TestCase): Promise<ReferenceTiming> {
    const times = [];
    for (let i = 0; i < samples; i++) times.push(await coldRun(challenge, language, test));
    times.sort((a, b) => a.cpuMs - b.cpuMs);
    const fastest = times[0]!;
    return { cpuMs: fastest.cpuMs, wallMs: fastest.wallMs, spreadMs: times.at(-1)!.cpuMs - fastest.cpuMs, runs: times.length };
  }

  async function coldRun(challenge: Challenge, language: Language, test: TestCase) {
    const session = await openReference(challenge, language);
    try {
      if (session.load.kind !== 'loaded') throw new InfraError(`the ${language} reference of ${challenge.manifest.id} does not load: ${session.load.message}`);
      return await runBody(test, session.channel);
    } catch (error) {
      if (error instanceof InfraError) throw error;
      throw new InfraError(`the ${language} reference fails performance test "${test.name}": ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await session.close();
    }
  }
}

export type ReferenceTimer = ReturnType<typeof createReferenceTimer>;
