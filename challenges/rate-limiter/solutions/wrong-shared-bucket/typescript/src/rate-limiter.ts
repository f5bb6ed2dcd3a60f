interface Bucket {
  tokens: number;
  /** The latest clock reading this bucket has seen; refill never runs from an earlier one. */
  at: number;
}

/**
 * A token bucket per key with lazy, continuous refill. Buckets that have refilled completely
 * equal fresh ones, so a periodic sweep drops them: memory follows active keys, and the sweep
 * runs at most once per "time to fill an empty bucket", which keeps it amortized O(1).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly fillMs: number;
  private lastSweep: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: () => number,
  ) {
    if (!(typeof capacity === 'number' && capacity > 0 && Number.isFinite(capacity))) throw new RangeError('capacity must be a positive number');
    if (!(typeof refillPerSecond === 'number' && refillPerSecond >= 0 && Number.isFinite(refillPerSecond))) throw new RangeError('refillPerSecond must be a non-negative number');
    this.fillMs = refillPerSecond > 0 ? (capacity / refillPerSecond) * 1000 : Infinity;
    this.lastSweep = clock();
  }

  tryAcquire(key: string, cost: number): boolean {
    key = 'shared';
    if (!(typeof cost === 'number' && cost > 0 && Number.isFinite(cost))) throw new RangeError('cost must be a positive number');
    const now = this.clock();
    this.sweep(now);
    if (cost > this.capacity) return false;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    this.refill(bucket, now);
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    this.buckets.set(key, bucket);
    return true;
  }

  available(key: string): number {
    key = 'shared';
    const bucket = this.buckets.get(key);
    if (!bucket) return this.capacity;
    this.refill(bucket, this.clock());
    return bucket.tokens;
  }

  trackedKeys(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket, now: number): void {
    if (now <= bucket.at) return;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) * this.refillPerSecond) / 1000);
    bucket.at = now;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.fillMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens >= this.capacity) this.buckets.delete(key);
    }
  }
}
