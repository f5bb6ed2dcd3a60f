import { describe, expect, it } from 'vitest';
import { dueWarning, formatRemaining } from './countdown-warnings.js';

describe('countdown warnings', () => {
  it('warns once at 10, 5 and 1 minutes, the most urgent first when several are due', () => {
    const given = new Set<number>();
    expect(dueWarning(11 * 60_000, given)).toBeNull();
    expect(dueWarning(9.9 * 60_000, given)).toBe(10);
    given.add(10);
    expect(dueWarning(9 * 60_000, given)).toBeNull();
    // A candidate who reloads with 40 s left gets the 1-minute warning, not the 10-minute one.
    expect(dueWarning(40_000, new Set())).toBe(1);
    expect(dueWarning(0, new Set())).toBeNull();
  });
  it('formats what is left', () => {
    expect(formatRemaining(3_661_000)).toBe('1:01:01');
    expect(formatRemaining(59_001)).toBe('01:00');
    expect(formatRemaining(-5)).toBe('00:00');
  });
});
