import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@assay/contract';
import { integritySummary } from './integrity-summary.js';

const pasted = 'function solve() {\n  return 42;\n}\n';

describe('the integrity summary', () => {
  it('says what was pasted and how much of it survived, time away, and when tests first passed', () => {
    const events: RecordedEvent[] = [
      { seq: 0, t: 0, type: 'snapshot', files: { 'a.ts': '' } },
      { seq: 1, t: 61_000, type: 'edit', file: 'a.ts', changes: [{ offset: 0, length: 0, text: pasted }] },
      { seq: 2, t: 61_000, type: 'paste', file: 'a.ts', size: pasted.length, lines: 4 },
      { seq: 3, t: 120_000, type: 'focus', focused: false },
      { seq: 4, t: 300_000, type: 'focus', focused: true },
      { seq: 5, t: 310_000, type: 'run', runId: 'r1', passed: 1, total: 3 },
      { seq: 6, t: 400_000, type: 'run', runId: 'r2', passed: 3, total: 3 },
    ];
    expect(integritySummary(events, { 'a.ts': 'function solve() {\n  return 43;\n}\n' })).toEqual([
      'Pasted 1 time, 34 characters in all.',
      'The largest paste (34 characters, 4 lines, into a.ts at 1:01) is 67% still in the final code.',
      'Left the assessment window 1 time(s), 3 minutes away in all.',
      'Ran the visible tests 2 time(s); they first all passed at 6:40.',
    ]);
  });
  it('says so when nothing of the kind happened', () => {
    expect(integritySummary([{ seq: 0, t: 0, type: 'snapshot', files: {} }], {})).toEqual([
      'Nothing was pasted into the editor.',
      'Never left the assessment window.',
      'Never ran the visible tests.',
    ]);
  });
});
