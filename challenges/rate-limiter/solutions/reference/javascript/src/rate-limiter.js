/**
 * A token bucket per key with lazy, continuous refill. Buckets that have refilled completely
 * equal fresh ones, so a periodic sweep drops them: memory follows active keys, and the sweep
 * runs at most once per "time to fill an empty bucket", which keeps it amortized O(1).
 */
export class RateLimiter {
  /** @type {Map<string, { tokens: number, at: number }>} */
  #buckets = new Map();
  #fillMs;
  #lastSweep;

  /** @param {number} capacity @param {number} refillPerSecond @param {() => number} clock */
  constructor(capacity, refillPerSecond, clock) {
    if (!(typeof capacity === 'number' && capacity > 0 && Number.isFinite(capacity))) throw new RangeError('capacity must be a positive number');
    if (!(typeof refillPerSecond === 'number' && refillPerSecond >= 0 && Number.isFinite(refillPerSecond))) throw new RangeError('refillPerSecond must be a non-negative number');
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.clock = clock;
    this.#fillMs = refillPerSecond > 0 ? (capacity / refillPerSecond) * 1000 : Infinity;
    this.#lastSweep = clock();
  }

  /** @param {string} key @param {number} cost @returns {boolean} */
  tryAcquire(key, cost) {
    if (!(typeof cost === 'number' && cost > 0 && Number.isFinite(cost))) throw new RangeError('cost must be a positive number');
    const now = this.clock();
    this.#sweep(now);
    if (cost > this.capacity) return false;
    const bucket = this.#buckets.get(key) ?? { tokens: this.capacity, at: now };
    this.#refill(bucket, now);
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    this.#buckets.set(key, bucket);
    return true;
  }

  /** @param {string} key @returns {number} */
  available(key) {
    const bucket = this.#buckets.get(key);
    if (!bucket) return this.capacity;
    this.#refill(bucket, this.clock());
    return bucket.tokens;
  }

  trackedKeys() {
    return this.#buckets.size;
  }

  #refill(bucket, now) {
    if (now <= bucket.at) return;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) * this.refillPerSecond) / 1000);
    bucket.at = now;
  }

  #sweep(now) {
    if (now - this.#lastSweep < this.#fillMs) return;
    this.#lastSweep = now;
    for (const [key, bucket] of this.#buckets) {
      this.#refill(bucket, now);
      if (bucket.tokens >= this.capacity) this.#buckets.delete(key);
    }
  }
}
