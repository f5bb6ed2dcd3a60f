/**
 * The trusted model the hidden suites compute expectations with: the token-bucket rules from
 * the prompt, no memory management. Lives with the tests; never sent to a sandbox.
 */
export function bucketModel(capacity: number, refillPerSecond: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    tryAcquire(key: string, cost: number, now: number): boolean {
      if (cost > capacity) return false;
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      if (now > bucket.at) {
        bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) * refillPerSecond) / 1000);
        bucket.at = now;
      }
      buckets.set(key, bucket);
      if (bucket.tokens < cost) return false;
      bucket.tokens -= cost;
      return true;
    },
  };
}

export function assertClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== 'number' || Math.abs(actual - expected) > 1e-6) {
    throw new Error(`${what}: expected ${expected}, got ${JSON.stringify(actual)}`);
  }
}
