import { describe, expect, it } from 'vitest';
import { openReplay } from './open-replay.js';
import { rebuildNaively } from './naive-rebuild.js';
import { prng, randomSession } from './random-session.js';

describe('openReplay', () => {
  it.each([1, 2, 3])('seeks anywhere to exactly what a full reconstruction gives (seed %i, 20,000 events)', (seed) => {
    const events = randomSession(seed, 20_000);
    const replay = openReplay(events, { keyframeEvery: 97 });
    const random = prng(seed * 31);
    const points = [0, replay.durationMs, ...events.filter((_, i) => i % 1999 === 0).map((e) => e.t), ...Array.from({ length: 40 }, () => random() * replay.durationMs)];
    for (const point of points) expect(replay.frameAt(point).files, `t=${point}`).toEqual(rebuildNaively(events, point));
    expect(replay.problems).toEqual([]);
  });

  it('the end is the last state; before the start is the first', () => {
    const events = randomSession(9, 3_000);
    const replay = openReplay(events);
    expect(replay.frameAt(Number.MAX_SAFE_INTEGER).files).toEqual(rebuildNaively(events, Number.MAX_SAFE_INTEGER));
    expect(replay.frameAt(-5).eventIndex).toBe(0);
  });

  it('marks runs, pastes and focus changes in plain words, and finds idle time', () => {
    const replay = openReplay([
      { seq: 0, t: 0, type: 'snapshot', files: { 'a.py': '' } },
      { seq: 1, t: 1_000, type: 'paste', file: 'a.py', size: 1204, lines: 38 },
      { seq: 2, t: 2_000, type: 'focus', focused: false },
      { seq: 3, t: 95_000, type: 'focus', focused: true },
      { seq: 4, t: 96_000, type: 'run', runId: 'r', passed: 12, total: 19 },
    ]);
    expect(replay.markers.map((m) => m.label)).toEqual([
      'Pasted 1,204 characters (38 lines) into a.py',
      'Left the assessment window',
      'Came back to the assessment',
      'Ran tests: 12/19 passed',
    ]);
    expect(replay.idleSpans).toEqual([{ start: 2_000, end: 95_000 }]);
    expect(replay.frameAt(50_000).focused).toBe(false);
  });

  it('shows a file appear, move and disappear, with a moment for each, the open file following its rename', () => {
    const replay = openReplay(
      [
        { seq: 0, t: 0, type: 'snapshot', files: { 'src/a.ts': 'a' } },
        { seq: 1, t: 1_000, type: 'create', file: 'src/helpers.ts' },
        { seq: 2, t: 1_500, type: 'open', file: 'src/helpers.ts' },
        { seq: 3, t: 2_000, type: 'edit', file: 'src/helpers.ts', changes: [{ offset: 0, length: 0, text: 'export {}' }] },
        { seq: 4, t: 3_000, type: 'rename', file: 'src/helpers.ts', to: 'src/util.ts' },
        { seq: 5, t: 4_000, type: 'delete', file: 'src/util.ts' },
      ],
      { keyframeEvery: 2 },
    );
    expect(replay.frameAt(1_000).files).toEqual(Object.assign(Object.create(null), { 'src/a.ts': 'a', 'src/helpers.ts': '' }));
    expect(replay.frameAt(3_000)).toMatchObject({ activeFile: 'src/util.ts', files: { 'src/a.ts': 'a', 'src/util.ts': 'export {}' } });
    expect(Object.keys(replay.frameAt(3_000).files)).toEqual(['src/a.ts', 'src/util.ts']);
    expect(replay.frameAt(4_000)).toMatchObject({ activeFile: null });
    expect(Object.keys(replay.frameAt(4_000).files)).toEqual(['src/a.ts']);
    expect(replay.markers.map((m) => m.label)).toEqual(['Created src/helpers.ts', 'Renamed src/helpers.ts to src/util.ts', 'Deleted src/util.ts']);
  });

  it('clamps an edit past the end of a file instead of failing, and says so', () => {
    const replay = openReplay([
      { seq: 0, t: 0, type: 'snapshot', files: { 'a.ts': 'abc' } },
      { seq: 1, t: 1, type: 'edit', file: 'a.ts', changes: [{ offset: 10, length: 2, text: 'Z' }] },
      { seq: 2, t: 2, type: 'edit', file: 'a.ts', changes: [{ offset: 0, length: 1, text: 'A' }] },
    ]);
    expect(replay.frameAt(2).files['a.ts']).toBe('AbcZ');
    expect(replay.problems).toHaveLength(1);
  });

  it('keeps time moving forwards when a reload came back with an earlier clock', () => {
    const replay = openReplay([
      { seq: 0, t: 5_000, type: 'snapshot', files: { 'a.ts': '' } },
      { seq: 1, t: 4_000, type: 'edit', file: 'a.ts', changes: [{ offset: 0, length: 0, text: 'x' }] },
    ]);
    expect(replay.frameAt(5_000).files['a.ts']).toBe('x');
  });
});
