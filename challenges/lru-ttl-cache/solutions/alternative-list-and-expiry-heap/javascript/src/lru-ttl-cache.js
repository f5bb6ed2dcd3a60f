/**
 * An alternative design with eager expiry: a doubly linked list in use order (newest at the
 * head) and a min-heap of expiry times. Every operation first pops whatever has expired, so the
 * list holds live entries only, size() is the list's length, and a full cache evicts the least
 * recently used live entry (expired ones have already gone). Heap slots of replaced or evicted
 * entries are skipped when they surface: O(log n) amortized per operation.
 */
export class LruTtlCache {
  #index = new Map();
  #heap = [];
  #newest = null;
  #oldest = null;

  constructor(capacity, defaultTtlMs, clock) {
    this.capacity = capacity;
    this.defaultTtlMs = defaultTtlMs;
    this.clock = clock;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!isPositive(defaultTtlMs)) throw new RangeError('defaultTtlMs must be a positive number');
  }

  get(key) {
    this.#expire();
    const node = this.#index.get(key);
    if (!node) return null;
    this.#unlink(node);
    this.#pushNewest(node);
    return node.value;
  }

  put(key, value, ttlMs) {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    const ttl = ttlMs ?? this.defaultTtlMs;
    if (!isPositive(ttl)) throw new RangeError('ttlMs must be a positive number');
    this.#expire();
    const existing = this.#index.get(key);
    if (existing) this.#remove(existing);
    else if (this.#index.size >= this.capacity) this.#remove(this.#oldest);
    const node = { key, value, expiresAt: this.clock() + ttl, newer: null, older: null };
    this.#index.set(key, node);
    this.#pushNewest(node);
    this.#heapPush(node);
  }

  delete(key) {
    this.#expire();
    const node = this.#index.get(key);
    if (!node) return false;
    this.#remove(node);
    return true;
  }

  size() {
    this.#expire();
    return this.#index.size;
  }

  #expire() {
    const now = this.clock();
    while (this.#heap.length > 0 && this.#heap[0].expiresAt <= now) {
      const node = this.#heapPop();
      if (this.#index.get(node.key) === node) this.#remove(node);
    }
  }

  #remove(node) {
    this.#index.delete(node.key);
    this.#unlink(node);
  }

  #pushNewest(node) {
    node.older = this.#newest;
    node.newer = null;
    if (this.#newest) this.#newest.newer = node;
    this.#newest = node;
    this.#oldest ??= node;
  }

  #unlink(node) {
    if (node.newer) node.newer.older = node.older;
    else this.#newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.#oldest = node.newer;
    node.newer = node.older = null;
  }

  #heapPush(node) {
    const heap = this.#heap;
    heap.push(node);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent].expiresAt <= heap[i].expiresAt) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  #heapPop() {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left].expiresAt < heap[smallest].expiresAt) smallest = left;
        if (right < heap.length && heap[right].expiresAt < heap[smallest].expiresAt) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}

function isPositive(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
