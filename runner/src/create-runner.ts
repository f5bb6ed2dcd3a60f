import Docker from 'dockerode';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createChallengeCatalog } from '@assay/challenges';
import { createGrader } from './grading/create-grader.js';
import { openReference } from './grading/open-reference.js';
import { createReferenceTimer } from './harness/reference-timer.js';
import { imageTag } from './images/image-tag.js';
import { createDockerSandboxes } from './sandbox/docker-sandboxes.js';
import { assertUsableEngine } from './sandbox/engine-check.js';
import { instanceIdOf } from './sandbox/instance-id.js';
import { createJanitor } from './sandbox/janitor.js';
import { runtimeOf, type Runtime } from './sandbox/runtime.js';
import type { RunnerConfig } from './runner-config.js';
import { createGradeWorker } from './worker/create-grade-worker.js';
import { createJobDeliveries } from './worker/job-deliveries.js';
import { createRunnerHeartbeat } from './worker/runner-heartbeat.js';

/** Redis calls at shutdown wait no longer than this: during an outage they would wait for ever. */
const SHUTDOWN_CALL_MS = 1_000;

/**
 * Wires a runner: checks the engine and images, sweeps leftovers, warms the pool for every
 * challenge's limits, and starts the grade worker. `close()` shuts down in order: stop taking
 * jobs and let running ones finish (bounded by RUNNER_SHUTDOWN_MS, after which their sandboxes
 * are removed and the jobs left to re-delivery), then pool, heartbeat, Redis.
 */
export async function createRunner(config: RunnerConfig, logger: Logger) {
  const docker = new Docker();
  const images: Record<Runtime, string> = {
    node: config.ASSAY_IMAGE_NODE ?? (await imageTag('node')),
    python: config.ASSAY_IMAGE_PYTHON ?? (await imageTag('python')),
  };
  await assertUsableEngine(docker, images);

  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = config.ASSAY_QUEUE_PREFIX;
  const owner = { instanceId: instanceIdOf(config.REDIS_URL, prefix), runnerId: config.RUNNER_ID };
  const heartbeat = createRunnerHeartbeat({ redis, prefix, runnerId: config.RUNNER_ID });
  await heartbeat.start();
  // This runner is alive whatever Redis says (a Redis restart loses every heartbeat until the next beat).
  const isRunnerAlive = async (id: string) => id === config.RUNNER_ID || (await heartbeat.isAlive(id));
  const janitor = createJanitor({ docker, instanceId: owner.instanceId, isRunnerAlive, graceMs: config.RUNNER_JANITOR_GRACE_MS });
  const swept = await janitor.sweep();
  if (swept.length) logger.info({ removed: swept.length }, 'removed sandboxes left by runners that are gone');

  const deliveries = createJobDeliveries({ redis, docker, prefix });
  const sandboxes = createDockerSandboxes({
    docker,
    images,
    owner,
    poolSize: config.RUNNER_POOL_SIZE,
    onContainer: (gradingId, containerId) => deliveries.record(gradingId, containerId),
    onError: (error) => logger.warn({ error: String(error) }, 'could not start a warm sandbox'),
  });
  const catalog = createChallengeCatalog({ root: config.ASSAY_CHALLENGES_DIR });
  for (const entry of await catalog.list()) {
    if (!('challenge' in entry)) continue;
    const { manifest } = entry.challenge;
    for (const runtime of new Set(manifest.languages.map(runtimeOf))) sandboxes.warm(runtime, manifest.limits);
  }

  const janitorTimer = setInterval(() => {
    sandboxes.recycle();
    void janitor.sweep().catch((error) => logger.warn({ error: String(error) }, 'janitor sweep failed'));
  }, config.RUNNER_JANITOR_MS);
  janitorTimer.unref();

  const grade = createGrader({ catalog, sandboxes, referenceTimer: createReferenceTimer({ openReference }) });
  const gradeWorker = createGradeWorker({
    connection: redis,
    prefix,
    grade,
    concurrency: config.RUNNER_CONCURRENCY,
    lockDurationMs: config.RUNNER_LOCK_MS,
    deliveries,
    log: (entry, message) => logger.info(entry, message),
  });
  logger.info({ runnerId: config.RUNNER_ID, instanceId: owner.instanceId, concurrency: config.RUNNER_CONCURRENCY, pool: config.RUNNER_POOL_SIZE, images }, 'runner ready');

  return {
    runnerId: config.RUNNER_ID,
    async close(): Promise<void> {
      clearInterval(janitorTimer);
      const drained = gradeWorker.close().then(() => true);
      const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), config.RUNNER_SHUTDOWN_MS).unref());
      if (!(await Promise.race([drained, timedOut]))) {
        // Give up on the jobs in hand: their sandboxes go now, and their locks lapse so BullMQ
        // re-delivers them to another runner. The caller exits the process right after.
        logger.warn('jobs still running at shutdown; they will be re-delivered to another runner');
        gradeWorker.abandon();
      }
      await sandboxes.close();
      await janitor.removeOwnedBy(config.RUNNER_ID);
      // Bounded: while Redis is down the heartbeat's removal would wait for it for ever (its key expires anyway).
      await Promise.race([heartbeat.stop(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_CALL_MS).unref())]);
      redis.disconnect();
    },
  };
}
