/**
 * An LRU cache with per-entry TTL. A Map iterates in insertion order, so deleting and
 * re-inserting a key on every use keeps the least recently used entry first: get, put and
 * eviction are all O(1). Expired entries are dropped when touched, and by size().
 */
export class LruTtlCache {
  /** @type {Map<string, { value: unknown, expiresAt: number }>} */
  #entries = new Map();
  /** @type {string[]} */
  #order = [];

  #touch(key) {
    const index = this.#order.indexOf(key);
    if (index >= 0) this.#order.splice(index, 1);
    this.#order.push(key);
  }

  /** @param {number} capacity @param {number} defaultTtlMs @param {() => number} clock */
  constructor(capacity, defaultTtlMs, clock) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!positive(defaultTtlMs)) throw new RangeError('defaultTtlMs must be a positive number');
    this.capacity = capacity;
    this.defaultTtlMs = defaultTtlMs;
    this.clock = clock;
  }

  /** @param {string} key */
  get(key) {
    const entry = this.#live(key);
    if (!entry) return null;
    this.#touch(key);
    return entry.value;
  }

  /** @param {string} key @param {unknown} value @param {number | null} [ttlMs] */
  put(key, value, ttlMs) {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    const ttl = ttlMs ?? this.defaultTtlMs;
    if (!positive(ttl)) throw new RangeError('ttlMs must be a positive number');
    if (!this.#entries.has(key) && this.#entries.size >= this.capacity) {
      const oldest = this.#order.find((k) => this.#entries.has(k));
      this.#entries.delete(oldest);
      this.#order.splice(this.#order.indexOf(oldest), 1);
    }
    this.#entries.set(key, { value, expiresAt: this.clock() + ttl });
    this.#touch(key);
  }

  /** @param {string} key */
  delete(key) {
    const live = this.#live(key) !== undefined;
    this.#entries.delete(key);
    return live;
  }

  size() {
    const now = this.clock();
    for (const [key, entry] of this.#entries) if (now >= entry.expiresAt) this.#entries.delete(key);
    return this.#entries.size;
  }

  #live(key) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.clock() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** @param {unknown} value */
function positive(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
