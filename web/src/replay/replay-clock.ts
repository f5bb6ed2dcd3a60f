export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;

/**
 * The replay's playhead: where it is, whether it plays, how fast, and whether idle stretches are
 * jumped over. Pure: the UI calls `advance` with its frame times (requestAnimationFrame).
 */
export function createReplayClock({ durationMs, idleSpans }: { durationMs: number; idleSpans: ReadonlyArray<{ start: number; end: number }> }) {
  let position = 0;
  let playing = false;
  let speed = 1;
  let skipIdle = true;
  let lastNow: number | null = null;

  const skip = (t: number) => {
    if (!skipIdle) return t;
    // Keep a second of each idle stretch so the jump is visible, then go to its end.
    const span = idleSpans.find((s) => t > s.start + 1_000 && t < s.end);
    return span ? span.end : t;
  };

  return {
    get position() {
      return position;
    },
    get playing() {
      return playing;
    },
    get speed() {
      return speed;
    },
    get skipIdle() {
      return skipIdle;
    },
    play(now: number) {
      if (position >= durationMs) position = 0;
      playing = true;
      lastNow = now;
    },
    pause() {
      playing = false;
      lastNow = null;
    },
    seek(t: number) {
      position = Math.max(0, Math.min(durationMs, t));
    },
    setSpeed(next: number) {
      speed = Math.max(SPEEDS[0], Math.min(SPEEDS[SPEEDS.length - 1]!, next));
    },
    setSkipIdle(on: boolean) {
      skipIdle = on;
    },
    /** Moves the playhead by the time passed since the last call; stops at the end. */
    advance(now: number): number {
      if (!playing || lastNow === null) return position;
      position = skip(Math.min(durationMs, position + (now - lastNow) * speed));
      lastNow = now;
      if (position >= durationMs) playing = false;
      return position;
    },
  };
}
export type ReplayClock = ReturnType<typeof createReplayClock>;
