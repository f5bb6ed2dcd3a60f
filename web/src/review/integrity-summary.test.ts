import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@assay/contract';
import { integritySummary, type IntegrityDetail } from './integrity-summary.js';

const pasted = 'function solve() {\n  return 42;\n}\n';
type Server = IntegrityDetail;
const attempt: Server['attempt'] = {
  id: 'a1', candidateName: 'Ada', candidateEmail: 'ada@example.test', challengeId: 'c', challengeTitle: 'C', kind: 'coding', language: 'typescript',
  status: 'submitted', verdict: 'failed', score: 0.5, startedAt: '2026-01-01T10:00:00.000Z', deadline: null, submittedAt: '2026-01-01T10:42:00.000Z', contentHash: 'h', currentContentHash: 'h',
};
const recording: Server['recording'] = { events: 7, bytes: 700, maxEvents: 250_000, maxBytes: 32 * 1024 * 1024, fullAt: null };
const server = (runs: Server['runs'], full = recording): Server => ({ attempt, runs, recording: full });
const run = (id: string, passed: number, total: number, at: string | null = null) => ({ id, at, status: 'done', verdict: 'failed', passed, total });
const texts = (notes: ReturnType<typeof integritySummary>, source: string) => notes.filter((n) => n.source === source).map((n) => n.text);

describe('the integrity summary', () => {
  it('says what the server observed apart from what the browser reported: pastes and their survival, time away, runs', () => {
    const events: RecordedEvent[] = [
      { seq: 0, t: 0, type: 'snapshot', files: { 'a.ts': '' } },
      { seq: 1, t: 61_000, type: 'edit', file: 'a.ts', changes: [{ offset: 0, length: 0, text: pasted }] },
      { seq: 2, t: 61_000, type: 'paste', file: 'a.ts', size: pasted.length, lines: 4 },
      { seq: 3, t: 120_000, type: 'focus', focused: false },
      { seq: 4, t: 300_000, type: 'focus', focused: true },
      { seq: 5, t: 310_000, type: 'run', runId: 'r1', passed: 1, total: 3 },
      { seq: 6, t: 400_000, type: 'run', runId: 'r2', passed: 3, total: 3 },
    ];
    const notes = integritySummary(events, new Map([['a.ts', 'function solve() {\n  return 43;\n}\n']]), server([run('r1', 1, 3, '2026-01-01T10:05:10.000Z'), run('r2', 3, 3, '2026-01-01T10:06:40.000Z')]));
    expect(texts(notes, 'server')).toEqual(['Submitted 42 minutes after starting.', 'Ran the visible tests 2 time(s); they first all passed at 6:40.', "The hidden tests' verdict: failed (50%)."]);
    expect(texts(notes, 'browser')).toEqual([
      'Pasted 1 time, 34 characters in all.',
      'The largest paste (34 characters, 4 lines, into a.ts at 1:01) is 67% still in the final code.',
      'Left the assessment window 1 time(s), 3 minutes away in all.',
    ]);
    expect(texts(notes, 'disagreement')).toEqual([]);
  });

  it('says plainly where the browser reports runs the server never graded, or other results', () => {
    const events: RecordedEvent[] = [
      { seq: 0, t: 0, type: 'run', runId: 'forged', passed: 99, total: 99 },
      { seq: 1, t: 60_000, type: 'run', runId: 'r1', passed: 3, total: 3 },
    ];
    expect(texts(integritySummary(events, new Map(), server([run('r1', 1, 3)])), 'disagreement')).toEqual([
      'The browser reports 1 test run(s) the server never saw (at 0:00); those runs did not happen on Assay, whatever they claim to have passed.',
      'The run at 1:00 is reported as 3/3 passed; the server graded it 1/3.',
    ]);
  });

  it('never contradicts the server about runs: runs the recording lacks are said to be missing from it', () => {
    const notes = integritySummary([{ seq: 0, t: 0, type: 'snapshot', files: {} }], new Map(), server([run('r1', 3, 3)]));
    expect(texts(notes, 'server')).toContain('Ran the visible tests 1 time(s); they first all passed.');
    expect(notes.map((n) => n.text).join(' ')).not.toMatch(/Never ran/);
    expect(texts(notes, 'disagreement')).toEqual(["1 run(s) the server graded are missing from the browser's recording (the page was closed or offline before it sent them); the server's count above stands."]);
  });

  it('tells the reviewer when the recording reached its cap', () => {
    const full = { ...recording, fullAt: '2026-01-01T10:30:00.000Z' };
    expect(texts(integritySummary([], new Map(), server([], full)), 'server').join(' ')).toMatch(/The recording reached its cap \(250,000 events or 32 MiB\) at .*; what the candidate did after that was not recorded\./);
  });

  it('treats a file named like an Object.prototype member as a file', () => {
    const events: RecordedEvent[] = [{ seq: 0, t: 0, type: 'paste', file: 'constructor', size: 3, lines: 1 }];
    expect(() => integritySummary(events, new Map(), server([]))).not.toThrow();
  });

  it('says so when nothing of the kind happened', () => {
    expect(texts(integritySummary([{ seq: 0, t: 0, type: 'snapshot', files: {} }], new Map(), server([])), 'browser')).toEqual([
      'Nothing was pasted into the editor.',
      'Never left the assessment window.',
    ]);
  });
});
