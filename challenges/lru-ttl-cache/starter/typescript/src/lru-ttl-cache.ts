/** An LRU cache with per-entry TTL. See the prompt; time comes only from `clock` (ms). */
export class LruTtlCache {
  constructor(capacity: number, defaultTtlMs: number, clock: () => number) {
    void capacity;
    void defaultTtlMs;
    void clock;
  }

  /** The value for `key`, or null if absent or expired. */
  get(key: string): unknown {
    throw new Error('Not implemented');
  }

  put(key: string, value: unknown, ttlMs?: number | null): void {
    throw new Error('Not implemented');
  }

  /** True if a live entry was removed. */
  delete(key: string): boolean {
    throw new Error('Not implemented');
  }

  /** Live (unexpired) entries. */
  size(): number {
    throw new Error('Not implemented');
  }
}
