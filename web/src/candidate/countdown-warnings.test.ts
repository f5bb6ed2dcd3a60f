import { describe, expect, it } from 'vitest';
import { dueWarning, formatRemaining } from './countdown-warnings.js';

describe('countdown warnings', () => {
  it('warns once at 10, 5 and 1 minutes, the most urgent only when several are crossed at once', () => {
    const hour = 60 * 60_000;
    const given = new Set<number>();
    expect(dueWarning(11 * 60_000, hour, given)).toEqual({ due: null, passed: [] });
    expect(dueWarning(9.9 * 60_000, hour, given)).toEqual({ due: 10, passed: [10] });
    given.add(10);
    expect(dueWarning(9 * 60_000, hour, given).due).toBeNull();
    // The page asleep from 9 minutes to 40 s left: the 1-minute warning, and the 5-minute one is passed for good.
    expect(dueWarning(40_000, hour, given)).toEqual({ due: 1, passed: [10, 5, 1] });
    expect(dueWarning(0, hour, new Set()).due).toBeNull();
  });

  it('never names a threshold that was already behind when the page opened', () => {
    // A 5-minute test: no "10 minutes left" at 04:55, nor "5 minutes left" at its start.
    const fiveMinutes = 5 * 60_000 - 200;
    expect(dueWarning(4 * 60_000 + 55_000, fiveMinutes, new Set()).due).toBeNull();
    expect(dueWarning(59_000, fiveMinutes, new Set()).due).toBe(1);
    // Reloaded with 4 minutes left of an hour: only the 1-minute warning is still to come.
    expect(dueWarning(3.5 * 60_000, 4 * 60_000, new Set()).due).toBeNull();
  });

  it('formats what is left', () => {
    expect(formatRemaining(3_661_000)).toBe('1:01:01');
    expect(formatRemaining(59_001)).toBe('01:00');
    expect(formatRemaining(-5)).toBe('00:00');
  });
});
