/**
 * A token bucket per key. See the prompt for the rules; time comes only from `clock`
 * (milliseconds). Add your own tests beside this file if you like (they are not graded).
 */
export class RateLimiter {
  constructor(capacity: number, refillPerSecond: number, clock: () => number) {
    void capacity;
    void refillPerSecond;
    void clock;
  }

  /** Takes `cost` tokens from `key`'s bucket if it holds them; otherwise takes nothing. */
  tryAcquire(key: string, cost: number): boolean {
    throw new Error('Not implemented');
  }

  /** Tokens in `key`'s bucket now (may be fractional). */
  available(key: string): number {
    throw new Error('Not implemented');
  }

  /** How many keys the limiter holds in memory now. */
  trackedKeys(): number {
    throw new Error('Not implemented');
  }
}
