import { Hono } from 'hono';
import { validationStatus, type ChallengeCatalog } from '@assay/challenges';
import { CreateInviteBody, CreateUserBody, DESIGN_DOC_PATH, Language, SetPasswordBody } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { createAccounts } from '../auth/accounts.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError, notFound } from '../http-error.js';
import { workspaceRules } from '../attempts/editable-paths.js';
import { requireStaff } from '../middleware/staff-auth.js';
import { jsonBody } from '../middleware/validate.js';
import type { Invites } from '../invites/invites.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** A grading with no verdict after this long is shown to admins as stuck (a healthy one takes seconds). */
const STUCK_AFTER_MS = 60_000;

export function adminRoutes({ db, catalog, invites, gradings, now, dataDir }: { db: Database; catalog: ChallengeCatalog; invites: Invites; gradings: Gradings; now: () => number; dataDir: string }) {
  const accounts = createAccounts({ db, now });
  return new Hono<AppEnv>()
    .use(requireStaff(db, now, 'admin'))
    .get('/challenges', async (c) => {
      const entries = await catalog.list();
      return c.json({
        challenges: await Promise.all(entries.map(async (entry) =>
          'challenge' in entry
            ? {
                id: entry.id,
                title: entry.challenge.manifest.title,
                summary: entry.challenge.manifest.summary,
                kind: entry.challenge.manifest.kind,
                languages: entry.challenge.manifest.languages,
                timeLimitMinutes: entry.challenge.manifest.timeLimitMinutes,
                contentHash: entry.challenge.contentHash,
                problems: [],
                validation: await validationStatus(dataDir, entry.id, entry.challenge.contentHash),
              }
            : { id: entry.id, problems: entry.problems },
        )),
      });
    })
    .get('/challenges/:id/preview', async (c) => {
      const challenge = await catalog.get(c.req.param('id')).catch(() => {
        throw notFound('that challenge');
      });
      const offered = challenge.manifest.languages;
      const language = Language.safeParse(c.req.query('language') ?? offered[0]);
      if (!language.success || !offered.includes(language.data)) throw new HttpError(400, 'invalid_request', `language: ${challenge.manifest.id} is offered in ${offered.join(', ')}`);
      // Exactly what a candidate would get at the start, and nothing else: no attempt exists.
      const files = (challenge.starter[language.data] ?? []).map(({ path, content, editable }) => ({ path, content, editable }));
      if (challenge.manifest.kind === 'system-design') files.push({ path: DESIGN_DOC_PATH, content: challenge.designTemplate ?? '', editable: true });
      return c.json({
        attemptId: 'preview',
        challengeTitle: challenge.manifest.title,
        kind: challenge.manifest.kind,
        language: language.data,
        prompt: challenge.prompt,
        files,
        rules: workspaceRules(challenge, language.data),
        publicTests: challenge.publicTests,
        deadline: iso(now() + challenge.manifest.timeLimitMinutes * 60_000),
        serverTime: iso(now()),
        status: 'started' as const,
        ackedSeq: -1,
        lastRun: null,
      });
    })
    .post('/invites', jsonBody(CreateInviteBody), async (c) => c.json({ invite: await invites.create(c.req.valid('json'), c.get('staff').id) }, 201))
    .get('/invites', async (c) => c.json({ invites: await invites.list() }))
    .post('/invites/:id/reissue', async (c) => c.json({ invite: await invites.reissue(c.req.param('id')) }))
    .post('/invites/:id/revoke', async (c) => c.json({ invite: await invites.revoke(c.req.param('id')) }))
    .get('/gradings', async (c) => c.json({ stuckAfterSeconds: STUCK_AFTER_MS / 1000, gradings: await gradings.troubled(STUCK_AFTER_MS) }))
    .get('/users', async (c) => c.json({ users: await accounts.list() }))
    .post('/users', jsonBody(CreateUserBody), async (c) => c.json({ user: await accounts.create(c.req.valid('json')) }, 201))
    .post('/users/:id/disable', async (c) => c.json({ user: await accounts.disable(c.req.param('id'), c.get('staff').id) }))
    .post('/users/:id/enable', async (c) => c.json({ user: await accounts.enable(c.req.param('id')) }))
    .post('/users/:id/password', jsonBody(SetPasswordBody), async (c) => c.json({ user: await accounts.setPassword(c.req.param('id'), c.get('staff').id, c.req.valid('json').password) }));
}
