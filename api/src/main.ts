import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { watchGivenUpGradings } from './background/given-up-gradings.js';
import { createVerdictConsumer } from './background/verdict-consumer.js';
import { every } from './background/periodic.js';
import { apiConfigFromEnv } from './config.js';
import { createApi } from './create-api.js';

const logger = pino({ name: 'assay-api' });
/** How often open attempts past their deadline are submitted, the grading outbox drained, and gradings reconciled with the queue. */
const SWEEP_MS = 5_000;
const DRAIN_MS = 2_000;
const RECONCILE_MS = 15_000;
const RECONCILE_AFTER_MS = 10_000;

try {
  const config = apiConfigFromEnv();
  const api = await createApi(config);
  const admin = await ensureFirstAdmin(api.db, config.ASSAY_ADMIN_EMAIL, config.ASSAY_ADMIN_PASSWORD, Date.now());
  if (admin?.generated) {
    // Printed once, on the first start; only its hash is stored.
    console.log(`\n  Admin login: ${admin.email} / ${admin.password}   (shown once; keep it)\n`);
  } else if (admin) {
    logger.info({ email: admin.email }, 'created the first admin from ASSAY_ADMIN_EMAIL / ASSAY_ADMIN_PASSWORD');
  }
  const verdicts = createVerdictConsumer({ connection: api.redis.duplicate({ maxRetriesPerRequest: null }), prefix: config.ASSAY_QUEUE_PREFIX, gradings: api.gradings, log: (entry, message) => logger.info(entry, message) });
  const sweeper = every(SWEEP_MS, async () => {
    for (const id of await api.attempts.overdue()) {
      await api.attempts.submit(id);
      logger.info({ attemptId: id }, 'time ran out: submitted the last saved files');
    }
  }, (error) => logger.warn({ error: String(error) }, 'deadline sweep failed'));
  const givenUp = watchGivenUpGradings({ connection: api.redis.duplicate({ maxRetriesPerRequest: null }), prefix: config.ASSAY_QUEUE_PREFIX, gradings: api.gradings, log: (entry, message) => logger.warn(entry, message) });
  const reconcile = async (olderThanMs: number) => {
    const drained = await api.gradings.drain();
    const { requeued, ended } = await api.gradings.reconcile(olderThanMs);
    if (drained || requeued || ended) logger.warn({ drained, requeued, ended }, 'gradings enqueued from the outbox, re-enqueued after a lost job, or ended as infra_error');
  };
  const onReconcileError = (error: unknown) => logger.warn({ error: String(error) }, 'reconcile failed');
  // At once on start and whenever Redis is back (it may have lost every job), then periodically.
  void reconcile(0).catch(onReconcileError);
  api.redis.on('ready', () => void reconcile(0).catch(onReconcileError));
  const drainer = every(DRAIN_MS, () => api.gradings.drain(), onReconcileError);
  const reconciler = every(RECONCILE_MS, () => reconcile(RECONCILE_AFTER_MS), onReconcileError);

  const server = serve({
    fetch: (request, env) => api.app.fetch(request, env),
    port: config.PORT,
    hostname: config.HOST,
  });
  logger.info({ url: config.publicUrl }, 'API listening');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await Promise.all([sweeper.stop(), drainer.stop(), reconciler.stop(), verdicts.close(), givenUp.close()]);
    await api.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
} catch (error) {
  logger.fatal(error instanceof Error ? error.stack : String(error));
  process.exit(1);
}
