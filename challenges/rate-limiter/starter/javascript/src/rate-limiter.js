/**
 * A token bucket per key. See the prompt for the rules; time comes only from `clock`
 * (milliseconds).
 */
export class RateLimiter {
  /** @param {number} capacity @param {number} refillPerSecond @param {() => number} clock */
  constructor(capacity, refillPerSecond, clock) {}

  /** Takes `cost` tokens from `key`'s bucket if it holds them; otherwise takes nothing.
   * @param {string} key @param {number} cost @returns {boolean} */
  tryAcquire(key, cost) {
    throw new Error('Not implemented');
  }

  /** Tokens in `key`'s bucket now (may be fractional). @param {string} key @returns {number} */
  available(key) {
    throw new Error('Not implemented');
  }

  /** How many keys the limiter holds in memory now. @returns {number} */
  trackedKeys() {
    throw new Error('Not implemented');
  }
}
