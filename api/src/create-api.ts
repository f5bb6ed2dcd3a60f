import { Redis } from 'ioredis';
import type { ChallengeCatalog } from '@assay/challenges';
import { createChallengeCatalog } from '@assay/challenges';
import { RECORDING_LIMITS } from '@assay/contract';
import { createApp } from './app.js';
import { createAttempts } from './attempts/attempts.js';
import { createEventStore } from './attempts/event-store.js';
import { MAIL_FROM, type ApiConfig } from './config.js';
import { createDatabase } from './db/create-database.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createGradings } from './grading/gradings.js';
import { createInviteMailer } from './invites/invite-mailer.js';
import { createInvites } from './invites/invites.js';
import { createGradeQueue } from './queue/grade-queue.js';
import { createScorecards } from './scoring/scorecards.js';
import { createReviewFeed } from './live/review-feed.js';
import { createIntegrityReplies } from './integrity/integrity-replies.js';

/**
 * Everything the API is made of, wired from its settings: database (migrated), catalog, queue,
 * the domain modules and the Hono app. main.ts adds the server and background work; tests use
 * this with a database and prefix of their own.
 */
export async function createApi(config: Pick<ApiConfig, 'DATABASE_URL' | 'ASSAY_DATA_DIR' | 'REDIS_URL' | 'ASSAY_QUEUE_PREFIX' | 'ASSAY_CHALLENGES_DIR' | 'ASSAY_WEB_DIST' | 'publicUrl'> & Partial<Pick<ApiConfig, 'ASSAY_RUN_BACKPRESSURE_DEPTH' | 'ASSAY_SMTP_URL' | 'ASSAY_MAIL_FROM' | 'ASSAY_RECORDING_MAX_EVENTS' | 'ASSAY_RECORDING_MAX_BYTES'>>, options: { db?: Database; catalog?: ChallengeCatalog; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const db = options.db ?? (await createDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: `${config.ASSAY_DATA_DIR}/pglite` }));
  await migrate(db);
  // The API looks at the challenge folders at most every 2 s; see createChallengeCatalog.
  const catalog = options.catalog ?? createChallengeCatalog({ root: config.ASSAY_CHALLENGES_DIR, recheckAfterMs: 2_000 });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // Redis down: queue calls fail fast and say so; ioredis reconnects by itself
  const queue = createGradeQueue({ connection: redis, prefix: config.ASSAY_QUEUE_PREFIX });
  const challengeIdOf = async (attemptId: string) =>
    (await db.query<{ challenge_id: string }>('SELECT i.challenge_id FROM attempts a JOIN invites i ON i.id = a.invite_id WHERE a.id = $1', [attemptId]))[0]!.challenge_id;
  const feed = createReviewFeed({ redis, prefix: config.ASSAY_QUEUE_PREFIX });
  const gradings = createGradings({ db, queue, challengeIdOf, announce: feed.announce, now });
  const recordingLimits = { maxEvents: config.ASSAY_RECORDING_MAX_EVENTS ?? RECORDING_LIMITS.maxEvents, maxBytes: config.ASSAY_RECORDING_MAX_BYTES ?? RECORDING_LIMITS.maxBytes };
  const attempts = createAttempts({ db, gradings, events: createEventStore({ db, limits: recordingLimits, now }), announce: feed.announce, now });
  const invites = createInvites({ db, catalog, mailer: createInviteMailer({ smtpUrl: config.ASSAY_SMTP_URL, from: config.ASSAY_MAIL_FROM ?? MAIL_FROM }), publicUrl: config.publicUrl, now });
  const app = createApp({ db, catalog, queue, attempts, gradings, scorecards: createScorecards({ db, announce: feed.announce, now }), feed, replies: createIntegrityReplies({ db, announce: feed.announce, now }), invites, publicUrl: config.publicUrl, webDist: config.ASSAY_WEB_DIST, dataDir: config.ASSAY_DATA_DIR, runBackpressureDepth: config.ASSAY_RUN_BACKPRESSURE_DEPTH, recordingLimits, now });
  return {
    app,
    db,
    redis,
    queue,
    gradings,
    attempts,
    feed,
    async close(): Promise<void> {
      await feed.close();
      await queue.close();
      redis.disconnect();
      await db.close();
    },
  };
}
