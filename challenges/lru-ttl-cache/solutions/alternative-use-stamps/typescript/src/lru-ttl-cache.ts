/** A stored value, when it expires, and the stamp of its latest use. */
interface Entry {
  value: unknown;
  expiresAt: number;
  usedAt: number;
}

/**
 * An alternative design with lazy expiry and use stamps instead of a linked list: every use
 * gives the entry the next stamp and appends (key, stamp) to a queue. The least recently used
 * entry is the first queue item whose stamp is still its entry's latest; stale items are
 * skipped, and the queue is rebuilt when it grows past twice the entries, so each operation is
 * amortized O(1). Expired entries stay until touched, evicted (LRU, expired or not) or counted.
 */
export class LruTtlCache {
  readonly #entries = new Map<string, Entry>();
  #uses: Array<[string, number]> = [];
  #head = 0;
  #stamp = 0;

  constructor(
    private readonly capacity: number,
    private readonly defaultTtlMs: number,
    private readonly clock: () => number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!isPositive(defaultTtlMs)) throw new RangeError('defaultTtlMs must be a positive number');
  }

  get(key: string): unknown {
    const entry = this.#live(key);
    if (!entry) return null;
    this.#use(key, entry);
    return entry.value;
  }

  put(key: string, value: unknown, ttlMs?: number | null): void {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    const ttl = ttlMs ?? this.defaultTtlMs;
    if (!isPositive(ttl)) throw new RangeError('ttlMs must be a positive number');
    if (!this.#entries.has(key) && this.#entries.size >= this.capacity) this.#evictLeastRecent();
    const entry: Entry = { value, expiresAt: this.clock() + ttl, usedAt: 0 };
    this.#entries.set(key, entry);
    this.#use(key, entry);
  }

  delete(key: string): boolean {
    const live = this.#live(key) !== undefined;
    this.#entries.delete(key);
    return live;
  }

  size(): number {
    const now = this.clock();
    let live = 0;
    for (const entry of this.#entries.values()) if (now < entry.expiresAt) live++;
    return live;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.clock() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #use(key: string, entry: Entry): void {
    entry.usedAt = ++this.#stamp;
    this.#uses.push([key, entry.usedAt]);
    if (this.#uses.length - this.#head > 2 * this.#entries.size + 32) this.#compact();
  }

  #evictLeastRecent(): void {
    for (;;) {
      const [key, stamp] = this.#uses[this.#head++]!;
      if (this.#entries.get(key)?.usedAt === stamp) {
        this.#entries.delete(key);
        return;
      }
    }
  }

  #compact(): void {
    this.#uses = this.#uses.slice(this.#head).filter(([key, stamp]) => this.#entries.get(key)?.usedAt === stamp);
    this.#head = 0;
  }
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
