import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { ChallengeCatalog } from '@assay/challenges';
import type { RecordingLimits } from '@assay/contract';
import type { AppEnv } from './app-env.js';
import type { Attempts } from './attempts/attempts.js';
import type { Database } from './db/database.js';
import type { Gradings } from './grading/gradings.js';
import { HttpError } from './http-error.js';
import { csrfGuard } from './middleware/csrf.js';
import type { Invites } from './invites/invites.js';
import type { GradeQueue } from './queue/grade-queue.js';
import { adminRoutes } from './routes/admin-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { candidateRoutes } from './routes/candidate-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { securityHeaders } from './security-headers.js';
import type { Scorecards } from './scoring/scorecards.js';
import type { ReviewFeed } from './live/review-feed.js';
import type { IntegrityReplies } from './integrity/integrity-replies.js';
import { serveWeb } from './serve-web.js';

export interface AppDeps {
  db: Database;
  catalog: ChallengeCatalog;
  queue: GradeQueue;
  attempts: Attempts;
  gradings: Gradings;
  scorecards: Scorecards;
  feed: ReviewFeed;
  replies: IntegrityReplies;
  invites: Invites;
  publicUrl: string;
  webDist?: string;
  now?: () => number;
  logger?: Pick<Logger, 'error'>;
  /** Who is calling, for the login rate limit; default: the socket's address. */
  clientIp?: (c: Context) => string;
  /** Where `challenge validate` leaves its records (ApiConfig.ASSAY_DATA_DIR). */
  dataDir: string;
  /** See ApiConfig.ASSAY_RUN_BACKPRESSURE_DEPTH. */
  runBackpressureDepth?: number;
  /** The per-attempt recording cap in force (ApiConfig.ASSAY_RECORDING_MAX_*), shown to reviewers. */
  recordingLimits: RecordingLimits;
}

/** Requests larger than this are refused before they are read: 1 MiB of files plus JSON overhead. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const { db, catalog } = deps;
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders());
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new HttpError(413, 'too_large', `a request can be at most ${MAX_BODY_BYTES / 1024 / 1024} MiB`); } }));
  for (const path of ['/api/auth/*', '/api/admin/*', '/api/review/*']) app.use(path, csrfGuard(deps.publicUrl));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/auth', authRoutes({ db, now, secureCookies: deps.publicUrl.startsWith('https:'), clientIp: deps.clientIp ?? socketAddress }));
  app.route('/api/admin', adminRoutes({ db, catalog, invites: deps.invites, gradings: deps.gradings, now, dataDir: deps.dataDir }));
  app.route('/api/candidate', candidateRoutes({ db, catalog, attempts: deps.attempts, gradings: deps.gradings, replies: deps.replies, queue: deps.queue, now, runBackpressureDepth: deps.runBackpressureDepth ?? 200, recordingLimits: deps.recordingLimits }));
  app.route('/api/review', reviewRoutes({ db, catalog, attempts: deps.attempts, gradings: deps.gradings, scorecards: deps.scorecards, replies: deps.replies, feed: deps.feed, recordingLimits: deps.recordingLimits, now }));
  app.all('/api/*', () => {
    throw new HttpError(404, 'not_found', 'no such API route');
  });
  if (deps.webDist) app.route('/', serveWeb(deps.webDist));

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: { code: error.code, message: error.message } }, error.status, error.headers);
    if (error instanceof HTTPException) {
      const malformed = /json/i.test(error.message);
      return c.json({ error: { code: malformed ? 'invalid_json' : 'bad_request', message: malformed ? 'the request body is not valid JSON' : error.message } }, error.status);
    }
    deps.logger?.error({ error: error instanceof Error ? error.stack : String(error), path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'something went wrong on our side; try again' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'not found' } }, 404));
  return app;
}

/** The peer's address on a real socket; requests made in-process (tests) share one key. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
