/** How many tracked keys each tryAcquire inspects: 2 per call covers every key within n/2 calls. */
const INSPECTED_PER_CALL = 2;

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * An alternative design: reads are pure (available() computes, never writes), and forgetting is
 * incremental. Each tryAcquire also inspects the next two tracked keys in a round robin over the
 * map and drops any bucket that is full again: O(1) per call with no pauses at all, and a full
 * round over n keys takes n/2 calls.
 */
export class RateLimiter {
  /** @type {Map<string, { tokens: number, at: number }>} each bucket as of its latest write */
  #buckets = new Map();
  #cursor = this.#buckets.entries();

  constructor(capacity, refillPerSecond, clock) {
    if (!(isNumber(capacity) && capacity > 0)) throw new TypeError('capacity must be a positive number');
    if (!(isNumber(refillPerSecond) && refillPerSecond >= 0)) throw new TypeError('refillPerSecond must be a non-negative number');
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.clock = clock;
  }

  tryAcquire(key, cost) {
    if (!(isNumber(cost) && cost > 0)) throw new TypeError('cost must be a positive number');
    const now = this.clock();
    this.#inspectSome(now);
    if (cost > this.capacity) return false;
    const existing = this.#buckets.get(key);
    const tokens = existing ? this.#tokens(existing, now) : this.capacity;
    if (tokens < cost) return false;
    this.#buckets.set(key, { tokens: tokens - cost, at: existing ? Math.max(existing.at, now) : now });
    return true;
  }

  available(key) {
    const bucket = this.#buckets.get(key);
    return bucket ? this.#tokens(bucket, this.clock()) : this.capacity;
  }

  trackedKeys() {
    return this.#buckets.size;
  }

  /** Tokens at `now`; a clock reading earlier than the bucket's latest adds nothing. */
  #tokens(bucket, now) {
    if (now <= bucket.at) return bucket.tokens;
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.at) * this.refillPerSecond) / 1000);
  }

  #inspectSome(now) {
    for (let i = 0; i < INSPECTED_PER_CALL && this.#buckets.size > 0; i++) {
      let next = this.#cursor.next();
      if (next.done) {
        this.#cursor = this.#buckets.entries();
        next = this.#cursor.next();
      }
      if (next.done) return;
      const [key, bucket] = next.value;
      if (this.#tokens(bucket, now) >= this.capacity) this.#buckets.delete(key);
    }
  }
}
