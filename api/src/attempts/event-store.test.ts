import { afterEach, describe, expect, it } from 'vitest';
import { randomSession, typingSession } from '../../../web/src/replay/random-session.js';
import { createTestApi, type TestApi } from '../test-api.js';
import { decodeEventChunk, encodeEventChunk } from './event-chunk-codec.js';

const open: TestApi[] = [];
const FILE = 'src/solution.ts';
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

describe('event chunk codec', () => {
  it('gives back exactly the events it was given: every kind, multi-range edits, lone surrogates, times that go back', () => {
    const events = randomSession(11, 6_000);
    events[100] = { ...events[100]!, t: 3 }; // a clock that went backwards after a reload
    expect(decodeEventChunk(encodeEventChunk(events))).toEqual(events);
    const fractional = events.slice(0, 50).map((event, i) => ({ ...event, t: i * 1.25 }));
    expect(decodeEventChunk(encodeEventChunk(fractional))).toEqual(fractional);
  });

  it('stores a run of keystrokes in a few bytes each, and refuses seqs with a gap', () => {
    const typed = typingSession(3, 5_000);
    const bytes = encodeEventChunk(typed).length;
    expect(bytes / typed.length).toBeLessThan(4);
    expect(() => encodeEventChunk([typed[0]!, typed[2]!])).toThrow(/consecutive seqs/);
  });
});

describe.each([['PGlite', false], ['Postgres', true]] as const)('event store on %s', (_, postgres) => {
  it('compacts acknowledged events into chunks, never twice, and reads them back in order with the rows after them', async () => {
    const t = await createTestApi({ postgres });
    open.push(t);
    const admin = await t.staff('admin');
    const created = await admin('POST', '/api/admin/invites', { candidateName: 'A', candidateEmail: 'a@example.test', challengeId: 'fixture' });
    const candidate = t.candidate(created.body.invite.token);
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const attemptId = (await candidate('GET', '/api/candidate/attempt')).body.attemptId as string;
    // The fixture challenge has one file, and the API accepts events naming only the attempt's files.
    const session = typingSession(5, 12_000).map((event) =>
      event.type === 'snapshot' ? { ...event, files: { [FILE]: Object.values(event.files).join('') } } : 'file' in event ? { ...event, file: FILE } : event,
    );
    const batches = [];
    for (let i = 0; i < session.length; i += 500) batches.push(session.slice(i, i + 500));
    // Out of order and with a batch sent twice, as a reload or an outage would.
    for (const batch of [batches[1]!, batches[0]!, ...batches.slice(2, 12), batches[3]!, ...batches.slice(12)]) {
      expect((await candidate('POST', '/api/candidate/events', { events: batch })).status).toBe(200);
    }
    const ackedSeq = (await candidate('POST', '/api/candidate/events', { events: batches[0]! })).body.ackedSeq;
    expect(ackedSeq).toBe(session.length - 1);
    const sizes = await t.api.db.query<{ chunks: string; rows: string }>('SELECT (SELECT count(*) FROM event_chunks WHERE attempt_id = $1) AS chunks, (SELECT count(*) FROM events WHERE attempt_id = $1) AS rows', [attemptId]);
    expect(Number(sizes[0]!.chunks)).toBeGreaterThan(0);
    expect(Number(sizes[0]!.rows)).toBeLessThan(5_000);

    const reviewer = await t.staff('reviewer');
    const read: unknown[] = [];
    let after = -1;
    for (;;) {
      const page = await reviewer('GET', `/api/review/attempts/${attemptId}/events?after=${after}&limit=3000`);
      read.push(...page.body.events);
      if (page.body.done) break;
      after = page.body.events.at(-1).seq;
    }
    expect(read).toEqual(session);

    await candidate('POST', '/api/candidate/submit');
    const left = await t.api.db.query('SELECT seq FROM events WHERE attempt_id = $1', [attemptId]);
    expect(left).toEqual([]);
    expect((await reviewer('GET', `/api/review/attempts/${attemptId}/events?limit=20000`)).body.events).toEqual(session);
  });
});

describe('the recording cap', () => {
  it('refuses a whole batch past the event or byte cap with 413 recording_full, counts re-sent events once, and tells the reviewer', async () => {
    const t = await createTestApi({ recordingLimits: { maxEvents: 10, maxBytes: 2_000 } });
    open.push(t);
    const admin = await t.staff('admin');
    const start = async () => {
      const created = await admin('POST', '/api/admin/invites', { candidateName: 'A', candidateEmail: 'a@example.test', challengeId: 'fixture' });
      const candidate = t.candidate(created.body.invite.token);
      await candidate('POST', '/api/candidate/start', { language: 'typescript' });
      return { candidate, attemptId: (await candidate('GET', '/api/candidate/attempt')).body.attemptId as string };
    };
    const focus = (seq: number) => ({ seq, t: seq, type: 'focus', focused: true });

    const byCount = await start();
    const first = Array.from({ length: 10 }, (_, seq) => focus(seq));
    expect((await byCount.candidate('POST', '/api/candidate/events', { events: first })).body.ackedSeq).toBe(9);
    expect((await byCount.candidate('POST', '/api/candidate/events', { events: first })).status).toBe(200);
    const past = await byCount.candidate('POST', '/api/candidate/events', { events: [focus(10)] });
    expect(past.status).toBe(413);
    expect(past.body.error.code).toBe('recording_full');
    const detail = await admin('GET', `/api/review/attempts/${byCount.attemptId}`);
    expect(detail.body.recording).toMatchObject({ events: 10, maxEvents: 10, maxBytes: 2_000 });
    expect(detail.body.recording.fullAt).not.toBeNull();

    const byBytes = await start();
    const edit = (seq: number) => ({ seq, t: seq, type: 'edit', file: FILE, changes: [{ offset: 0, length: 0, text: 'x'.repeat(500) }] });
    expect((await byBytes.candidate('POST', '/api/candidate/events', { events: [edit(0), edit(1), edit(2)] })).status).toBe(200);
    expect((await byBytes.candidate('POST', '/api/candidate/events', { events: [edit(3)] })).status).toBe(413);
    const stored = await admin('GET', `/api/review/attempts/${byBytes.attemptId}/events`);
    expect(stored.body.events).toHaveLength(3);
  });
});
