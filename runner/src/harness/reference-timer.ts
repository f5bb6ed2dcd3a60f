import type { Challenge } from '@assay/challenges';
import type { Language } from '@assay/contract';
import { InfraError } from '../sandbox/sandbox-errors.js';
import type { TestSession } from './run-tests.js';
import { runBody } from './run-tests.js';
import type { TestCase } from './test-case.js';

export interface ReferenceTimerDeps {
  /** Opens the reference solution in a trusted local agent (never a candidate's sandbox). */
  openReference(challenge: Challenge, language: Language): Promise<TestSession>;
  /** Timed runs per test; the median is the baseline. Default 3. */
  samples?: number;
}

/**
 * The baseline of a performance test: the same body against the reference solution, on the
 * same machine, cached per challenge version, language and test, so a budget is a ratio.
 */
export function createReferenceTimer({ openReference, samples = 3 }: ReferenceTimerDeps) {
  const cache = new Map<string, Promise<number>>();

  return {
    /**
     * The reference's time for a test: cached, or with `now` measured again at once, under
     * whatever load the machine has at this moment.
     */
    forChallenge(challenge: Challenge, language: Language): (test: TestCase, options?: { now?: boolean }) => Promise<number> {
      return (test, { now = false } = {}) => {
        if (now) return measure(challenge, language, test);
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

  async function measure(challenge: Challenge, language: Language, test: TestCase): Promise<number> {
    const session = await openReference(challenge, language);
    try {
      if (session.load.kind !== 'loaded') throw new InfraError(`the ${language} reference of ${challenge.manifest.id} does not load: ${session.load.message}`);
      // One untimed run first: the candidate's agent is warm by the time its performance test
      // runs, so a cold-JIT reference would make every budget easier than it says.
      await runBody(test, session.channel);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) times.push(await runBody(test, session.channel));
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)]!;
    } catch (error) {
      if (error instanceof InfraError) throw error;
      throw new InfraError(`the ${language} reference fails performance test "${test.name}": ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await session.close();
    }
  }
}

export type ReferenceTimer = ReturnType<typeof createReferenceTimer>;
