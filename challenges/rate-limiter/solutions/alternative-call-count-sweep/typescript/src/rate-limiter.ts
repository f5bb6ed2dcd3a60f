/** Tokens a bucket held at the latest clock reading it has seen. */
interface Bucket {
  tokens: number;
  seenAt: number;
}

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * An alternative design: forgetting is driven by traffic, not by time. After as many calls as
 * there are tracked keys, one pass drops every bucket that is full again. A pass costs
 * O(tracked keys) and is paid for by that many calls, so each call is amortized O(1); the pass
 * only reads buckets, so refill arithmetic is the same however often it runs.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  #callsSinceSweep = 0;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: () => number,
  ) {
    if (!isPositive(capacity)) throw new RangeError('capacity must be a positive number');
    if (!(refillPerSecond === 0 || isPositive(refillPerSecond))) throw new RangeError('refillPerSecond must be a non-negative number');
  }

  tryAcquire(key: string, cost: number): boolean {
    if (!isPositive(cost)) throw new RangeError('cost must be a positive number');
    const now = this.clock();
    if (++this.#callsSinceSweep >= this.#buckets.size) this.#sweep(now);
    if (cost > this.capacity) return false;
    const bucket = this.#buckets.get(key) ?? { tokens: this.capacity, seenAt: now };
    this.#catchUp(bucket, now);
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    this.#buckets.set(key, bucket);
    return true;
  }

  available(key: string): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return this.capacity;
    this.#catchUp(bucket, this.clock());
    return bucket.tokens;
  }

  trackedKeys(): number {
    return this.#buckets.size;
  }

  #tokensAt(bucket: Bucket, now: number): number {
    if (now <= bucket.seenAt) return bucket.tokens;
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.seenAt) * this.refillPerSecond) / 1000);
  }

  #catchUp(bucket: Bucket, now: number): void {
    bucket.tokens = this.#tokensAt(bucket, now);
    bucket.seenAt = Math.max(bucket.seenAt, now);
  }

  #sweep(now: number): void {
    this.#callsSinceSweep = 0;
    for (const [key, bucket] of this.#buckets) if (this.#tokensAt(bucket, now) >= this.capacity) this.#buckets.delete(key);
  }
}
