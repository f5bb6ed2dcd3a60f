// WRONG SOLUTION (wrong-modulo): hash(key) % nodeCount over the sorted node list. Balanced and
// deterministic, but not consistent: changing the node count remaps almost every key.
import { createHash } from 'node:crypto';

export class HashRing {
  /** @param {number} virtualNodes */
  constructor(virtualNodes) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) throw new RangeError('virtualNodes must be a positive integer');
    this.members = new Set();
    /** @type {string[]} */ this.sorted = [];
  }

  /** @param {string} nodeId */
  addNode(nodeId) {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    this.sorted = [...this.members].sort();
    return true;
  }

  /** @param {string} nodeId */
  removeNode(nodeId) {
    if (!this.members.delete(nodeId)) return false;
    this.sorted = [...this.members].sort();
    return true;
  }

  /** @param {string} key */
  getNode(key) {
    return this.getNodes(key, 1)[0] ?? null;
  }

  /** @param {string} key @param {number} n */
  getNodes(key, n) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    const count = this.sorted.length;
    if (count === 0) return [];
    const start = createHash('md5').update(key, 'utf8').digest().readUIntBE(0, 6) % count;
    return Array.from({ length: Math.min(n, count) }, (_, i) => this.sorted[(start + i) % count]);
  }

  nodes() {
    return [...this.sorted];
  }
}
