import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invite, NewInvite } from '@assay/contract';
import { createTestApi, type TestApi } from '../test-api.js';
import { inviteLinkIn, startSmtpSink, type SmtpSink } from '../test-smtp.js';

const tokenOf = (link: string) => link.split('/i/')[1]!;
const body = (email: string) => ({ candidateName: 'Grace Hopper', candidateEmail: email, challengeId: 'fixture' });

describe('invites with a mail server', () => {
  let smtp: SmtpSink;
  let t: TestApi;
  let admin: Awaited<ReturnType<TestApi['staff']>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApi({ smtpUrl: smtp.url });
    admin = await t.staff('admin');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('emails the link, and says so', async () => {
    const created = NewInvite.parse((await admin('POST', '/api/admin/invites', body('grace@example.test'))).body).invite;
    expect(created.delivery).toMatchObject({ state: 'sent', error: null });
    const mail = await smtp.nextTo('grace@example.test');
    expect(mail.subject).toMatch(/^Your take-home assessment: /);
    expect(mail.text).toContain('Hello Grace Hopper');
    expect(inviteLinkIn(mail)).toBe(created.link);
    expect((await t.candidate(tokenOf(created.link))('GET', '/api/candidate/invite')).status).toBe(200);
  });

  it('a resend emails a fresh link and the old one stops working', async () => {
    const created = NewInvite.parse((await admin('POST', '/api/admin/invites', body('ada@example.test'))).body).invite;
    const first = inviteLinkIn(await smtp.nextTo('ada@example.test'));
    const reissued = await admin('POST', `/api/admin/invites/${created.id}/reissue`);
    expect(reissued.status).toBe(200);
    const second = inviteLinkIn(await smtp.nextTo('ada@example.test', 1));
    expect(second).not.toBe(first);
    expect(NewInvite.parse(reissued.body).invite.link).toBe(second);
    expect((await t.candidate(tokenOf(first))('GET', '/api/candidate/invite')).status).toBe(401);
    const candidate = t.candidate(tokenOf(second));
    expect((await candidate('GET', '/api/candidate/invite')).status).toBe(200);

    // Once the candidate has started, their link is theirs: no resend, no revoke after submitting.
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const refused = await admin('POST', `/api/admin/invites/${created.id}/reissue`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Grace Hopper has already started with their link, so it keeps working; nothing to resend');
    await candidate('POST', '/api/candidate/submit');
    const revoke = await admin('POST', `/api/admin/invites/${created.id}/revoke`);
    expect(revoke.status).toBe(409);
    expect(revoke.body.error.message).toBe('Grace Hopper has already submitted; there is nothing left to revoke');
  });
});

describe('invites when the mail server fails', () => {
  it('records the failure and its reason, and the link still works by hand', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const t = await createTestApi({ smtpUrl: `smtp://127.0.0.1:${closedPort}` });
    try {
      const admin = await t.staff('admin');
      const created = NewInvite.parse((await admin('POST', '/api/admin/invites', body('grace@example.test'))).body).invite;
      expect(created.delivery.state).toBe('failed');
      expect(created.delivery.error).toMatch(/^the mail server did not take the message: .*ECONNREFUSED/);
      expect((await t.candidate(created.token)('GET', '/api/candidate/invite')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('invites without a mail server', () => {
  it('an expired invite gets a new link good for another week', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const t = await createTestApi({ now: () => clock });
    try {
      const admin = await t.staff('admin');
      const created = NewInvite.parse((await admin('POST', '/api/admin/invites', body('grace@example.test'))).body).invite;
      clock += 8 * 24 * 3600_000;
      expect((await t.candidate(created.token)('GET', '/api/candidate/invite')).status).toBe(410);
      // A week on, the first sign-in has lapsed too.
      const later = await t.staff('admin');
      const again = NewInvite.parse((await later('POST', `/api/admin/invites/${created.id}/reissue`)).body).invite;
      expect(again).toMatchObject({ state: 'pending', expiresAt: new Date(clock + 7 * 24 * 3600_000).toISOString() });
      expect((await t.candidate(again.token)('GET', '/api/candidate/invite')).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('extra time moves the candidate\'s deadline and what they are told, and no reviewer sees it', async () => {
    const clock = Date.parse('2026-12-01T10:00:00Z');
    const t = await createTestApi({ now: () => clock });
    try {
      const admin = await t.staff('admin');
      const created = NewInvite.parse((await admin('POST', '/api/admin/invites', { ...body('ada@example.test'), timeLimitMinutes: 60, extraTimeMinutes: 15 })).body).invite;
      expect(created).toMatchObject({ timeLimitMinutes: 60, extraTimeMinutes: 15 });
      const candidate = t.candidate(created.token);
      expect((await candidate('GET', '/api/candidate/invite')).body.timeLimitMinutes).toBe(75);
      const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
      expect(started.body.deadline).toBe(new Date(clock + 75 * 60_000).toISOString());
      const reviewer = await t.staff('reviewer');
      const seen = [await reviewer('GET', '/api/review/attempts'), await reviewer('GET', `/api/review/attempts/${started.body.attemptId}`)].map((r) => r.text).join('');
      expect(seen).not.toMatch(/extra/i);
      expect((await reviewer('GET', '/api/admin/invites')).status).toBe(403);
      const refused = await admin('POST', '/api/admin/invites', { ...body('bo@example.test'), extraTimeMinutes: -5 });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/extraTimeMinutes/);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('are marked for sending by hand, and a new link voids the old one', async () => {
    const t = await createTestApi();
    try {
      const admin = await t.staff('admin');
      const created = NewInvite.parse((await admin('POST', '/api/admin/invites', body('grace@example.test'))).body).invite;
      expect(created.delivery).toEqual({ state: 'manual', at: null, error: null });
      const again = NewInvite.parse((await admin('POST', `/api/admin/invites/${created.id}/reissue`)).body).invite;
      expect(again.token).not.toBe(created.token);
      expect((await t.candidate(created.token)('GET', '/api/candidate/invite')).status).toBe(401);
      const listed = (await admin('GET', '/api/admin/invites')).body.invites.map((i: unknown) => Invite.parse(i));
      expect(listed).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
