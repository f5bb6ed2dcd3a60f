/** An LRU cache with per-entry TTL. See the prompt; time comes only from `clock` (ms). */
export class LruTtlCache {
  /** @param {number} capacity @param {number} defaultTtlMs @param {() => number} clock */
  constructor(capacity, defaultTtlMs, clock) {}

  /** The value for `key`, or null if absent or expired. @param {string} key */
  get(key) {
    throw new Error('Not implemented');
  }

  /** @param {string} key @param {unknown} value @param {number | null} [ttlMs] */
  put(key, value, ttlMs) {
    throw new Error('Not implemented');
  }

  /** True if a live entry was removed. @param {string} key @returns {boolean} */
  delete(key) {
    throw new Error('Not implemented');
  }

  /** Live (unexpired) entries. @returns {number} */
  size() {
    throw new Error('Not implemented');
  }
}
