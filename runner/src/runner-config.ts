import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEFAULT_CHALLENGES = fileURLToPath(new URL('../../challenges/', import.meta.url));
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));

/** Runner settings from the environment, each with its default. */
export const RunnerConfig = z.object({
  /** Redis that carries the grade and verdict queues. */
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Key prefix for every queue and key (tests use their own). */
  ASSAY_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('assay'),
  ASSAY_CHALLENGES_DIR: z.string().default(DEFAULT_CHALLENGES),
  /** Where `challenge validate` leaves its records for the API (the API's data folder). */
  ASSAY_DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  /** Jobs graded at once by this process. */
  RUNNER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Warm sandboxes kept per runtime and limit set (0 = every run starts a container cold). */
  RUNNER_POOL_SIZE: z.coerce.number().int().min(0).max(32).default(2),
  RUNNER_ID: z.string().regex(/^[A-Za-z0-9._-]+$/).default(`${hostname()}-${process.pid}`),
  /**
   * BullMQ job lock. The worker renews it while a job runs (every half of it), so it bounds how
   * soon a job held by a dead runner is re-delivered, not how long a job may take.
   */
  RUNNER_LOCK_MS: z.coerce.number().int().min(1_000).default(5_000),
  /** How often the janitor looks for leftover sandboxes and the pool replaces warm ones that waited too long. */
  RUNNER_JANITOR_MS: z.coerce.number().int().min(200).default(30_000),
  /** A sandbox of a dead runner of this instance younger than this is spared (tools grade without a heartbeat). */
  RUNNER_JANITOR_GRACE_MS: z.coerce.number().int().min(0).default(60_000),
  /** Sandbox images to use instead of the ones `npm run images` builds (a registry deployment). */
  ASSAY_IMAGE_NODE: z.string().optional(),
  ASSAY_IMAGE_PYTHON: z.string().optional(),
  /** How long SIGTERM waits for jobs in progress before giving up on them (they will be re-delivered). */
  RUNNER_SHUTDOWN_MS: z.coerce.number().int().min(0).default(30_000),
});
export type RunnerConfig = z.infer<typeof RunnerConfig>;

export function runnerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerConfig {
  const parsed = RunnerConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid runner settings: ${problems}`);
  }
  return parsed.data;
}
