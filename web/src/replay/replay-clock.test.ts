import { describe, expect, it } from 'vitest';
import { createReplayClock } from './replay-clock.js';

describe('the replay clock', () => {
  it('plays at the chosen speed and stops at the end', () => {
    const clock = createReplayClock({ durationMs: 10_000, idleSpans: [] });
    clock.setSpeed(4);
    clock.play(0);
    expect(clock.advance(1_000)).toBe(4_000);
    clock.setSpeed(64);
    expect(clock.speed).toBe(32);
    expect(clock.advance(2_000)).toBe(10_000);
    expect(clock.playing).toBe(false);
  });
  it('jumps over idle time when asked to, and not otherwise', () => {
    const clock = createReplayClock({ durationMs: 100_000, idleSpans: [{ start: 10_000, end: 90_000 }] });
    clock.seek(9_000);
    clock.play(0);
    expect(clock.advance(3_000)).toBe(90_000);
    clock.setSkipIdle(false);
    clock.seek(9_000);
    clock.play(0);
    expect(clock.advance(3_000)).toBe(12_000);
  });
  it('pausing holds the playhead; playing from the end starts over', () => {
    const clock = createReplayClock({ durationMs: 5_000, idleSpans: [] });
    clock.play(0);
    clock.advance(1_000);
    clock.pause();
    expect(clock.advance(4_000)).toBe(1_000);
    clock.seek(5_000);
    clock.play(0);
    expect(clock.position).toBe(0);
  });
});
