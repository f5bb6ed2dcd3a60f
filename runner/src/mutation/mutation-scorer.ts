import { availableParallelism } from 'node:os';
import pMap from 'p-map';
import type { Challenge } from '@assay/challenges';
import type { MutationScore, SubmittedFile } from '@assay/contract';
import { openSession } from '../grading/open-session.js';
import type { TestSession } from '../harness/run-tests.js';
import { createSutClient } from '../harness/sut-client.js';
import { loadTestCases } from '../harness/test-case.js';
import type { AgentProcess } from '../sandbox/agent-process.js';
import { spawnLocalAgent } from '../sandbox/local-agent.js';
import { matchEquivalents, readEquivalentMutants, type EquivalentMutant } from './equivalent-mutants.js';
import { instrumentReference, type Mutant } from './instrument-reference.js';
import { mutationScore, type ScoredMutant } from './mutation-score.js';
import { COVERAGE_FUNCTION, SWITCH_FUNCTION, switchedReference } from './mutant-switch.js';
import { runMutant } from './run-mutant.js';
import { suiteReach } from './suite-reach.js';

export interface MutationReport extends MutationScore {
  /** Declarations in equivalent-mutants.yaml that match no mutant of the current reference. */
  stale: EquivalentMutant[];
  /** The survivors as mutants, to declare in equivalent-mutants.yaml. */
  surviving: Mutant[];
}

export interface MutationScorerDeps {
  /** Starts a trusted agent process (default: a local node process; the reference and its mutants are the author's code). */
  spawnAgent?: () => Promise<AgentProcess>;
  /** Mutants graded at once (default: the machine's cores). */
  concurrency?: number;
}

export interface MutationScorer {
  /** The hidden suite's mutation score on the TypeScript reference; null when the challenge has none. */
  score(challenge: Challenge): Promise<MutationReport | null>;
}

/**
 * Mutation testing of a challenge's hidden suite. Fast path: Stryker's mutant switching (one
 * instrumented build, a mutant switched on per process), one coverage run saying which tests
 * reach which mutant, only those tests run per mutant (fastest first, stopping at the first
 * failure), a few trusted processes at once. Performance tests are left out: their verdict is
 * a CPU-time ratio, which would kill a mutant by the machine's noise rather than by a check.
 */
export function createMutationScorer({ spawnAgent = () => spawnLocalAgent('node'), concurrency = availableParallelism() }: MutationScorerDeps = {}): MutationScorer {
  return {
    async score(challenge) {
      const { manifest, trusted } = challenge;
      const reference = trusted.reference.typescript;
      const entry = manifest.entry.typescript;
      if (!reference || !entry) return null;
      const started = performance.now();
      const tests = (await loadTestCases(trusted.testModules.hidden, manifest, challenge.contentHash)).filter((t) => !t.performance);
      const { files, mutants } = await instrumentReference(reference);
      const { equivalent, stale } = matchEquivalents(mutants, await readEquivalentMutants(challenge.dir));
      const codeInterface = { ...manifest.interface, functions: { ...manifest.interface.functions, [COVERAGE_FUNCTION]: [], [SWITCH_FUNCTION]: ['id', 'hitLimit'] } };
      const open = async (code: SubmittedFile[]): Promise<TestSession> => openSession(await spawnAgent(), manifest.limits, { language: 'typescript', entry, files: code, interface: codeInterface });

      // The unmutated reference must load; a cold process on a crowded machine can miss the load budget, so it gets three tries.
      const openUnmutated = async (): Promise<TestSession> => {
        for (let attempt = 1; ; attempt++) {
          const session = await open(switchedReference(files, entry));
          if (session.load.kind === 'loaded') return session;
          await session.close();
          if (attempt === 3) throw new Error(`the instrumented TypeScript reference did not load in 3 tries (${session.load.kind}: ${session.load.message}); check that the reference loads, and that the machine is not overloaded`);
        }
      };
      const baseline = await openUnmutated();
      const reach = await suiteReach(tests, baseline).finally(() => baseline.close());
      // Live processes with no mutant switched on, each serving mutant after mutant until one dies.
      const idle: TestSession[] = [];
      const results = await pMap(
        mutants,
        async (mutant): Promise<ScoredMutant> => {
          if (equivalent.has(mutant)) return { mutant, outcome: 'equivalent' };
          const atLoad = reach.atLoad.get(mutant.id) ?? 0;
          const reaching = tests.filter((t) => atLoad > 0 || reach.perTest.get(t)?.has(mutant.id)).sort((a, b) => reach.durationMs.get(a)! - reach.durationMs.get(b)!);
          if (reaching.length === 0) return { mutant, outcome: 'uncovered' };
          const hitLimit = 1_000 + 10 * reaching.reduce((sum, t) => sum + (reach.perTest.get(t)?.get(mutant.id) ?? 0), atLoad);
          // Five times what a test took unmutated, and a floor for a busy machine: a mutant that loops
          // where no switch counts its hits costs half a second, not the challenge's call timeout.
          const budgeted = reaching.map((test) => ({ test, budgetMs: 500 + 5 * reach.durationMs.get(test)! }));
          // A mutant reached while the module loads needs a process that loads with it switched on.
          const session = atLoad > 0 ? await open(switchedReference(files, entry, { id: mutant.id, hitLimit })) : (idle.pop() ?? (await openUnmutated()));
          const { sut } = createSutClient(session.channel);
          let reusable = atLoad === 0;
          try {
            if (atLoad === 0) await sut.call(SWITCH_FUNCTION, mutant.id, hitLimit);
            const outcome = await runMutant(budgeted, session);
            if (reusable && !session.channel.stoppedBy) await sut.call(SWITCH_FUNCTION, null, 0);
            return { mutant, outcome };
          } catch (error) {
            reusable = false;
            throw error;
          } finally {
            if (reusable && !session.channel.stoppedBy) idle.push(session);
            else await session.close();
          }
        },
        { concurrency },
      );
      await Promise.all(idle.map((s) => s.close()));
      return { ...mutationScore(results, performance.now() - started), stale };
    },
  };
}
