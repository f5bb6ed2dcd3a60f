import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import type { Challenge, ChallengeCatalog } from '@assay/challenges';
import type { GradingResult } from '@assay/contract';
import { createGrader } from '../runner/src/grading/create-grader.js';
import { openReference } from '../runner/src/grading/open-reference.js';
import { createReferenceTimer } from '../runner/src/harness/reference-timer.js';
import { createDockerSandboxes } from '../runner/src/sandbox/docker-sandboxes.js';
import type { Runtime } from '../runner/src/sandbox/runtime.js';
import { summarize, type Summary } from './stats.js';

export interface NoisyNeighbourFigures {
  /** The honest grading's performance ratio (candidate CPU / reference CPU) beside an idle neighbour. */
  idle: Summary;
  /** The same beside a neighbour that floods the runner's channel and burns its CPU share, graded over and over. */
  hostile: Summary;
  /** hostile p50 / idle p50 − 1: the target is within ±20%. */
  change: number;
  /** Gradings the hostile neighbour got through meanwhile, and how they ended. */
  hostileGradings: number;
  hostileVerdicts: Record<string, number>;
}

/**
 * Issue 10's noisy-neighbour check: one runner process grading an honest submission (the
 * JavaScript reference) while a second grading in the same process is hostile — every call
 * floods fd 1 with frames and burns CPU — against the same honest grading beside nothing.
 */
export async function noisyNeighbourBenchmark(
  catalog: Pick<ChallengeCatalog, 'get'>,
  challenge: Challenge,
  images: Record<Runtime, string>,
  { gradings }: { gradings: number },
): Promise<NoisyNeighbourFigures> {
  const docker = new Docker();
  const runnerId = `bench-neighbour-${randomBytes(4).toString('hex')}`;
  const sandboxes = createDockerSandboxes({ docker, images, owner: { instanceId: runnerId, runnerId }, poolSize: 2 });
  const grade = createGrader({ catalog, sandboxes, referenceTimer: createReferenceTimer({ openReference }) });
  const honest = challenge.trusted.reference.javascript!;
  const entry = challenge.manifest.entry.javascript!;
  const job = (files: { path: string; content: string }[]) =>
    grade({ gradingId: `bench-${randomBytes(6).toString('hex')}`, attemptId: 'bench', challengeId: challenge.manifest.id, contentHash: challenge.contentHash, language: 'javascript', suite: 'hidden', files });
  const ratioOf = (result: GradingResult) => {
    const ratios = result.tests.flatMap((t) => (t.measurement ? [t.measurement.ratio] : []));
    if (ratios.length === 0) throw new Error(`the honest grading has no performance measurement (${result.verdict}: ${result.summary})`);
    return Math.max(...ratios);
  };
  const hostileSource = honest.map((file) =>
    file.path === entry
      ? { path: file.path, content: `${file.content}\nconst fs = require('node:fs');\nconst junk = '{}\\n'.repeat(65536);\nfor (const name of Object.getOwnPropertyNames(RateLimiter.prototype)) {\n  const inner = RateLimiter.prototype[name];\n  if (name === 'constructor' || typeof inner !== 'function') continue;\n  RateLimiter.prototype[name] = function (...args) { const end = Date.now() + 50; while (Date.now() < end); for (let i = 0; i < 64; i++) { try { fs.writeSync(1, junk); } catch {} } return inner.apply(this, args); };\n}\n` }
      : file,
  );
  try {
    await job(honest); // warm-up: suites loaded, the reference timed once
    const idle: number[] = [];
    for (let i = 0; i < gradings; i++) idle.push(ratioOf(await job(honest)));
    let stop = false;
    const hostileVerdicts: Record<string, number> = {};
    let hostileGradings = 0;
    const neighbour = (async () => {
      while (!stop) {
        const result = await job(hostileSource);
        hostileGradings += 1;
        hostileVerdicts[result.verdict] = (hostileVerdicts[result.verdict] ?? 0) + 1;
      }
    })();
    const hostile: number[] = [];
    for (let i = 0; i < gradings; i++) hostile.push(ratioOf(await job(honest)));
    stop = true;
    await neighbour;
    const idleSummary = summarize(idle);
    const hostileSummary = summarize(hostile);
    return { idle: idleSummary, hostile: hostileSummary, change: hostileSummary.p50 / idleSummary.p50 - 1, hostileGradings, hostileVerdicts };
  } finally {
    await sandboxes.close();
  }
}
