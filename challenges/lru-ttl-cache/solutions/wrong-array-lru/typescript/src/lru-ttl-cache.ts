interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * An LRU cache with per-entry TTL. A Map iterates in insertion order, so deleting and
 * re-inserting a key on every use keeps the least recently used entry first: get, put and
 * eviction are all O(1). Expired entries are dropped when touched, and by size().
 */
export class LruTtlCache {
  private readonly entries = new Map<string, Entry>();
  private readonly order: string[] = [];

  private touch(key: string): void {
    const index = this.order.indexOf(key);
    if (index >= 0) this.order.splice(index, 1);
    this.order.push(key);
  }

  constructor(
    private readonly capacity: number,
    private readonly defaultTtlMs: number,
    private readonly clock: () => number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!positive(defaultTtlMs)) throw new RangeError('defaultTtlMs must be a positive number');
  }

  get(key: string): unknown {
    const entry = this.live(key);
    if (!entry) return null;
    this.touch(key);
    return entry.value;
  }

  put(key: string, value: unknown, ttlMs?: number | null): void {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    const ttl = ttlMs ?? this.defaultTtlMs;
    if (!positive(ttl)) throw new RangeError('ttlMs must be a positive number');
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      const oldest = this.order.find((k) => this.entries.has(k))!;
      this.entries.delete(oldest);
      this.order.splice(this.order.indexOf(oldest), 1);
    }
    this.entries.set(key, { value, expiresAt: this.clock() + ttl });
    this.touch(key);
  }

  delete(key: string): boolean {
    const live = this.live(key) !== undefined;
    this.entries.delete(key);
    return live;
  }

  size(): number {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (now >= entry.expiresAt) this.entries.delete(key);
    return this.entries.size;
  }

  /** The entry if present and unexpired; an expired one is removed on the way. */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
