import type { MiddlewareHandler } from 'hono';
import type { ChallengeCatalog } from '@assay/challenges';
import type { AppEnv, AttemptRow } from '../app-env.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../http-error.js';
import { hashToken } from '../tokens.js';

interface InviteRow {
  id: string;
  candidate_name: string;
  challenge_id: string;
  languages: string[];
  time_limit_minutes: number;
  extra_minutes: number;
  expires_at: number;
  revoked_at: number | null;
}

/**
 * A candidate is whoever holds an invite token (`Authorization: Bearer <token>`): it opens
 * exactly that invite's attempt and nothing else. Revoked links say so; expired links say so
 * unless the attempt already started (then its own deadline rules).
 */
export function requireCandidate(db: Database, catalog: Pick<ChallengeCatalog, 'get'>, now: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new HttpError(401, 'unauthenticated', 'open the invite link you were sent');
    const [invite] = await db.query<InviteRow>(
      'SELECT id, candidate_name, challenge_id, languages, time_limit_minutes, extra_minutes, expires_at, revoked_at FROM invites WHERE token_hash = $1',
      [hashToken(token)],
    );
    if (!invite) throw new HttpError(401, 'unauthenticated', 'this invite link is not valid; check you copied all of it');
    if (invite.revoked_at !== null) throw new HttpError(410, 'invite_revoked', 'this invite was withdrawn by the hiring team; contact them if you think that is a mistake');
    const [attempt] = await db.query<AttemptRow>('SELECT * FROM attempts WHERE invite_id = $1', [invite.id]);
    if (!attempt && invite.expires_at <= now()) {
      throw new HttpError(410, 'invite_expired', 'this invite has expired; ask the hiring team for a new link');
    }
    c.set('candidate', {
      inviteId: invite.id,
      candidateName: invite.candidate_name,
      challenge: await catalog.get(invite.challenge_id),
      languages: invite.languages,
      // The candidate's own limit: extra time granted as an accommodation is simply their time.
      timeLimitMinutes: invite.time_limit_minutes + invite.extra_minutes,
      ...(attempt ? { attempt } : {}),
    });
    return next();
  };
}
