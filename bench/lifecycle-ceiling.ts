import Docker from 'dockerode';
import type { Challenge } from '@assay/challenges';
import { SandboxLimits, type Language } from '@assay/contract';
import { assembleSubmission } from '../runner/src/grading/assemble-submission.js';
import { openSession } from '../runner/src/grading/open-session.js';
import { startDockerAgent } from '../runner/src/sandbox/docker-agent.js';
import { runtimeOf } from '../runner/src/sandbox/runtime.js';
import { sandboxSpec } from '../runner/src/sandbox/sandbox-spec.js';
import { startCpuMeter } from './cpu-meter.js';

/** At each level of parallelism tried: containers per second, and the machine's CPU per container. */
export type RatesByParallel = Record<number, { perSecond: number; cpuSecondsEach: number }>;

export interface CeilingFigures {
  /**
   * Bare create, start and force-remove of the hardened container: the engine's own rate. The
   * container is removed before the program inside has booted, so no sandbox work is in it.
   */
  bare: RatesByParallel;
  /**
   * The fixed part of every grading: create, attach, start, the agent boots and loads the
   * reference code, remove. No test runs. The least a fresh container per job can cost, and the
   * ceiling grading throughput is compared with.
   */
  loaded: RatesByParallel;
}

/** Both lifecycles, `parallel` at a time for `total` containers, at each level of parallelism. */
export async function lifecycleCeiling(challenge: Challenge, images: Record<'node' | 'python', string>, { parallels, total }: { parallels: number[]; total: number }): Promise<CeilingFigures> {
  const docker = new Docker();
  const language: Language = 'typescript';
  const limits = challenge.manifest.limits;
  const code = { language, entry: challenge.manifest.entry[language]!, files: assembleSubmission(challenge, language, challenge.trusted.reference[language]!), interface: challenge.manifest.interface };
  const owner = { instanceId: 'bench-ceiling', runnerId: 'bench-ceiling' };
  const bareSpec = sandboxSpec(images.node, 'node', SandboxLimits.parse({}), owner);
  const bare = async () => {
    const container = await docker.createContainer(bareSpec);
    await container.start();
    await container.remove({ force: true });
  };
  const loaded = async () => {
    const agent = await startDockerAgent(docker, images[runtimeOf(language)], runtimeOf(language), limits, owner);
    const session = await openSession(agent, limits, code);
    if (session.load.kind !== 'loaded') throw new Error(`the reference did not load in a sandbox: ${JSON.stringify(session.load)}`);
    await session.close();
    await agent.kill();
  };
  const figures: CeilingFigures = { bare: {}, loaded: {} };
  for (const parallel of parallels) {
    figures.bare[parallel] = await rate(bare, parallel, total);
    figures.loaded[parallel] = await rate(loaded, parallel, total);
  }
  return figures;
}

/** The best rate over the levels tried: the ceiling. */
export const best = (rates: RatesByParallel): number => Math.max(...Object.values(rates).map((r) => r.perSecond));

async function rate(lifecycle: () => Promise<void>, parallel: number, total: number): Promise<{ perSecond: number; cpuSecondsEach: number }> {
  let next = 0;
  const cpu = startCpuMeter();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next++ < total) await lifecycle();
    }),
  );
  const used = cpu.stop();
  return { perSecond: total / used.seconds, cpuSecondsEach: (used.machineBusyCores * used.seconds) / total };
}
