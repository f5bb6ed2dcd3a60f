/**
 * Failed logins per key (IP, and email) in a sliding window. In memory: one API process holds
 * the counts; with several API processes each enforces its own window, which still bounds a
 * brute force at (processes × limit) tries per window.
 */
export function createLoginRateLimit({ limit = 5, windowMs = 15 * 60_000, now = Date.now } = {}) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < windowMs);
  return {
    /** Seconds until `keys` may try again, or 0. */
    retryAfter(keys: string[]): number {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key);
        if (times.length >= limit) wait = Math.max(wait, Math.ceil((times[0]! + windowMs - now()) / 1000));
      }
      return wait;
    },
    fail(keys: string[]): void {
      for (const key of keys) failures.set(key, [...recent(key), now()]);
    },
    succeed(keys: string[]): void {
      for (const key of keys) failures.delete(key);
    },
  };
}
