import type { ChallengeCatalog } from '@assay/challenges';
import { InviteDelivery, Language, type CreateInviteBody, type Invite } from '@assay/contract';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http-error.js';
import { hashToken, newId, newToken } from '../tokens.js';
import type { InviteMailer } from './invite-mailer.js';

const InviteRow = z.object({
  id: z.string(),
  candidate_name: z.string(),
  candidate_email: z.string(),
  challenge_id: z.string(),
  languages: z.array(Language),
  time_limit_minutes: z.number(),
  extra_minutes: z.number(),
  expires_at: z.number(),
  revoked_at: z.number().nullable(),
  created_at: z.number(),
  delivery: InviteDelivery.shape.state,
  delivery_at: z.number().nullable(),
  delivery_error: z.string().nullable(),
  attempt_id: z.string().nullable(),
  attempt_status: z.enum(['started', 'submitted', 'graded']).nullable(),
});
type InviteRow = z.infer<typeof InviteRow>;

const SELECT = 'SELECT i.*, a.id AS attempt_id, a.status AS attempt_status FROM invites i LEFT JOIN attempts a ON a.invite_id = i.id';
const LINK_LIFETIME_MS = 7 * 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function toInvite(row: InviteRow, now: number): Invite {
  const state = row.revoked_at !== null ? 'revoked' : (row.attempt_status ?? (row.expires_at <= now ? 'expired' : 'pending'));
  return {
    id: row.id,
    candidateName: row.candidate_name,
    candidateEmail: row.candidate_email,
    challengeId: row.challenge_id,
    languages: row.languages,
    timeLimitMinutes: row.time_limit_minutes,
    extraTimeMinutes: row.extra_minutes,
    expiresAt: iso(row.expires_at),
    state,
    attemptId: row.attempt_id,
    createdAt: iso(row.created_at),
    delivery: { state: row.delivery, at: row.delivery_at === null ? null : iso(row.delivery_at), error: row.delivery_error },
  };
}

/**
 * Invites (the `invites` table): a link per candidate, emailed when a mail server is
 * configured. A link exists in clear only in the answer that issues it and in the email; the
 * table keeps its hash, so issuing a new one voids the old one.
 */
export function createInvites({ db, catalog, mailer, publicUrl, now }: { db: Database; catalog: ChallengeCatalog; mailer: InviteMailer | null; publicUrl: string; now: () => number }) {
  async function load(id: string): Promise<InviteRow> {
    const [row] = await db.query(`${SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw notFound('that invite');
    return InviteRow.parse(row);
  }

  /** Emails the link when there is a mail server, and records how it went. */
  async function deliver(row: InviteRow, link: string): Promise<void> {
    if (!mailer) return;
    const challenge = await catalog.get(row.challenge_id);
    const outcome = await mailer
      .send({ to: row.candidate_email, candidateName: row.candidate_name, challengeTitle: challenge.manifest.title, link, timeLimitMinutes: row.time_limit_minutes + row.extra_minutes, expiresAt: row.expires_at })
      .then(() => ({ state: 'sent', error: null }), (error: Error) => ({ state: 'failed', error: error.message }));
    await db.query('UPDATE invites SET delivery = $2, delivery_at = $3, delivery_error = $4 WHERE id = $1', [row.id, outcome.state, now(), outcome.error]);
  }

  async function issued(id: string, token: string) {
    const link = `${publicUrl}/i/${token}`;
    await deliver(await load(id), link);
    return { ...toInvite(await load(id), now()), token, link };
  }

  return {
    async list(): Promise<Invite[]> {
      const rows = await db.query(`${SELECT} ORDER BY i.created_at DESC LIMIT 500`);
      return rows.map((row) => toInvite(InviteRow.parse(row), now()));
    },

    async create(body: CreateInviteBody, createdBy: string) {
      const challenge = await catalog.get(body.challengeId).catch(() => {
        throw new HttpError(400, 'unknown_challenge', `there is no challenge "${body.challengeId}"; see GET /api/admin/challenges`);
      });
      const offered = challenge.manifest.languages;
      const languages = body.languages ?? offered;
      const unknown = languages.filter((l) => !offered.includes(l));
      if (unknown.length) throw new HttpError(400, 'invalid_request', `${challenge.manifest.title} is offered in ${offered.join(', ')}, not ${unknown.join(', ')}`);
      const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : now() + LINK_LIFETIME_MS;
      if (expiresAt <= now()) throw new HttpError(400, 'invalid_request', 'the link must expire in the future');
      const token = newToken();
      const id = newId('inv');
      await db.query(
        'INSERT INTO invites (id, token_hash, candidate_name, candidate_email, challenge_id, languages, time_limit_minutes, extra_minutes, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)',
        [id, hashToken(token), body.candidateName, body.candidateEmail, challenge.manifest.id, JSON.stringify(languages), body.timeLimitMinutes ?? challenge.manifest.timeLimitMinutes, body.extraTimeMinutes ?? 0, expiresAt, createdBy, now()],
      );
      return issued(id, token);
    },

    /**
     * A fresh link for an invite not yet started (an expired one gets another week): the old
     * link stops working at once, and the new one is emailed when it can be.
     */
    async reissue(id: string) {
      const invite = toInvite(await load(id), now());
      if (invite.state !== 'pending' && invite.state !== 'expired') {
        throw new HttpError(409, 'invite_in_use', invite.state === 'revoked' ? 'this invite was revoked; create a new one' : `${invite.candidateName} has already started with their link, so it keeps working; nothing to resend`);
      }
      const token = newToken();
      await db.query("UPDATE invites SET token_hash = $2, expires_at = greatest(expires_at, $3), delivery = 'manual', delivery_at = NULL, delivery_error = NULL WHERE id = $1", [id, hashToken(token), invite.state === 'expired' ? now() + LINK_LIFETIME_MS : 0]);
      return issued(id, token);
    },

    /** Withdraws a link; work already submitted stays as it is. */
    async revoke(id: string): Promise<Invite> {
      const invite = toInvite(await load(id), now());
      if (invite.state === 'submitted' || invite.state === 'graded') throw new HttpError(409, 'already_submitted', `${invite.candidateName} has already submitted; there is nothing left to revoke`);
      await db.query('UPDATE invites SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1', [id, now()]);
      return toInvite(await load(id), now());
    },
  };
}

export type Invites = ReturnType<typeof createInvites>;
