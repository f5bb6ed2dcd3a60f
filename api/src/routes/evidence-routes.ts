import { Hono } from 'hono';
import type { ChallengeCatalog } from '@assay/challenges';
import { IntegrityReplyBody, type RecordingLimits } from '@assay/contract';
import type { AppEnv, AttemptRow, CandidateContext } from '../app-env.js';
import { attemptFacts } from '../attempts/attempt-facts.js';
import type { Attempts } from '../attempts/attempts.js';
import { eventPageQuery } from '../attempts/event-page-query.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError } from '../http-error.js';
import type { IntegrityReplies } from '../integrity/integrity-replies.js';
import { jsonBody } from '../middleware/validate.js';

function submittedAttempt(candidate: CandidateContext): AttemptRow {
  if (!candidate.attempt) throw new HttpError(409, 'not_started', 'start the assessment first');
  if (candidate.attempt.status === 'started') throw new HttpError(409, 'not_submitted', 'what was recorded about your session is shown once you have submitted');
  return candidate.attempt;
}

/**
 * After submitting, a candidate sees the evidence the reviewers' integrity summary is made of
 * (their own runs, recording and files: the page states the same sentences from them) and may
 * answer it. Mounted under the candidate routes, so only the invite's holder gets here. The
 * hidden verdict and score are not part of it.
 */
export function evidenceRoutes({ catalog, attempts, gradings, replies, recordingLimits }: { catalog: ChallengeCatalog; attempts: Attempts; gradings: Gradings; replies: IntegrityReplies; recordingLimits: RecordingLimits }) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { id } = submittedAttempt(c.get('candidate'));
      const row = (await attempts.withInvite(id))!;
      const facts = attemptFacts(row, await catalog.get(row.challenge_id), recordingLimits);
      return c.json({
        attempt: { ...facts.attempt, verdict: null, score: null },
        recording: facts.recording,
        runs: await gradings.publicRuns(id),
        files: await attempts.savedFiles(id),
        reply: await replies.get(id),
      });
    })
    .get('/events', async (c) => {
      const { id } = submittedAttempt(c.get('candidate'));
      const { after, limit } = eventPageQuery(c.req.query());
      const events = await attempts.readEvents(id, after, limit);
      return c.json({ events, done: events.length < limit });
    })
    .put('/reply', jsonBody(IntegrityReplyBody), async (c) => {
      const { id } = submittedAttempt(c.get('candidate'));
      return c.json({ reply: await replies.save(id, c.req.valid('json').note) });
    });
}
