import { createHash } from 'node:crypto';

/** Bits of a position that pick its bucket in the index: 4096 buckets. */
const BUCKET_BITS = 12;
const BUCKETS = 2 ** BUCKET_BITS;

/**
 * An alternative design: a two-level index instead of one binary search over the whole ring.
 * Points (SHA-256, first 4 bytes; equal positions ordered by node id, so only the set of nodes
 * matters) are kept sorted in parallel arrays, and `firstIn[b]` is the index of the first point
 * in bucket b of 4096 equal arcs. A lookup searches only its own arc: about V/4096 points.
 * A membership change merges or filters the arrays and refreshes the index: O(V + 4096).
 */
export class HashRing {
  #members = new Set();
  #positions = [];
  #owners = [];
  #firstIn = new Int32Array(BUCKETS + 1);

  constructor(virtualNodes) {
    this.virtualNodes = virtualNodes;
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) throw new RangeError('virtualNodes must be a positive integer');
  }

  addNode(nodeId) {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.#members.has(nodeId)) return false;
    this.#members.add(nodeId);
    const added = Array.from({ length: this.virtualNodes }, (_, i) => position(`${nodeId}#${i}`)).sort((a, b) => a - b);
    const positions = [];
    const owners = [];
    let i = 0;
    for (const at of added) {
      while (i < this.#positions.length && before(this.#positions[i], this.#owners[i], at, nodeId)) {
        positions.push(this.#positions[i]);
        owners.push(this.#owners[i++]);
      }
      positions.push(at);
      owners.push(nodeId);
    }
    for (; i < this.#positions.length; i++) {
      positions.push(this.#positions[i]);
      owners.push(this.#owners[i]);
    }
    this.#replace(positions, owners);
    return true;
  }

  removeNode(nodeId) {
    if (!this.#members.delete(nodeId)) return false;
    const keep = this.#owners.map((owner) => owner !== nodeId);
    this.#replace(this.#positions.filter((_, i) => keep[i]), this.#owners.filter((_, i) => keep[i]));
    return true;
  }

  getNode(key) {
    return this.#owners.length === 0 ? null : this.#owners[this.#successor(position(key))];
  }

  getNodes(key, n) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    const wanted = Math.min(n, this.#members.size);
    const found = [];
    for (let i = this.#successor(position(key)); found.length < wanted; i = (i + 1) % this.#owners.length) {
      if (!found.includes(this.#owners[i])) found.push(this.#owners[i]);
    }
    return found;
  }

  nodes() {
    return [...this.#members].sort();
  }

  #replace(positions, owners) {
    this.#positions = positions;
    this.#owners = owners;
    let i = 0;
    for (let bucket = 0; bucket <= BUCKETS; bucket++) {
      while (i < positions.length && bucketOf(positions[i]) < bucket) i++;
      this.#firstIn[bucket] = i;
    }
  }

  /** Index of the first point at or after `at` (searching only its bucket), wrapping to 0. */
  #successor(at) {
    const bucket = bucketOf(at);
    let lo = this.#firstIn[bucket];
    let hi = this.#firstIn[bucket + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#positions[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.#positions.length ? 0 : lo;
  }
}

function position(label) {
  return createHash('sha256').update(label, 'utf8').digest().readUInt32BE(0);
}

function bucketOf(at) {
  return at >>> (32 - BUCKET_BITS);
}

/** Ring order: by position, equal positions by node id. */
function before(at, owner, otherAt, other) {
  return at < otherAt || (at === otherAt && owner < other);
}
