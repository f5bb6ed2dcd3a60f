// WRONG SOLUTION (wrong-getnodes-duplicates): getNodes takes the owners of the next n points on the ring without skipping nodes it has already listed.
import { createHash } from 'node:crypto';

/**
 * A consistent-hash ring with virtual nodes.
 *
 * Each node owns `virtualNodes` points on a 48-bit ring, at the MD5 of `"<nodeId>#<i>"`.
 * A key belongs to the first point at or after the key's own position, wrapping around.
 * Points live in two parallel arrays sorted by (position, node id): a lookup is a binary
 * search, and ties break by node id, so the mapping depends only on the set of nodes.
 *
 * Costs, with V = total virtual nodes: getNode O(log V); getNodes O(log V + steps walked);
 * addNode O(v log v + V) (sort the new points, merge); removeNode O(V).
 */
export class HashRing {
  /** @param {number} virtualNodes */
  constructor(virtualNodes) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RangeError(`virtualNodes must be a positive integer, got ${String(virtualNodes)}`);
    }
    /** @private @readonly */ this.virtualNodes = virtualNodes;
    /** @private @type {Set<string>} */ this.members = new Set();
    /** @private @type {number[]} */ this.positions = [];
    /** @private @type {string[]} */ this.owners = [];
  }

  /**
   * Adds a node; returns false (and changes nothing) if it is already on the ring.
   * @param {string} nodeId
   * @returns {boolean}
   */
  addNode(nodeId) {
    checkNodeId(nodeId);
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    /** @type {Array<[number, string]>} */
    const added = [];
    for (let i = 0; i < this.virtualNodes; i++) added.push([position(`${nodeId}#${i}`), nodeId]);
    added.sort(comparePoints);
    this.merge(added);
    return true;
  }

  /**
   * Removes a node; returns false (and changes nothing) if it is not on the ring.
   * @param {string} nodeId
   * @returns {boolean}
   */
  removeNode(nodeId) {
    if (!this.members.delete(nodeId)) return false;
    const positions = [];
    const owners = [];
    for (let i = 0; i < this.owners.length; i++) {
      if (this.owners[i] === nodeId) continue;
      positions.push(this.positions[i]);
      owners.push(this.owners[i]);
    }
    this.positions = positions;
    this.owners = owners;
    return true;
  }

  /**
   * The node that owns `key`, or null on an empty ring.
   * @param {string} key
   * @returns {string | null}
   */
  getNode(key) {
    if (this.owners.length === 0) return null;
    return this.owners[this.firstPointAtOrAfter(position(key))];
  }

  /**
   * Up to `n` distinct nodes for `key`, in ring order starting with its owner.
   * @param {string} key
   * @param {number} n
   * @returns {string[]}
   */
  getNodes(key, n) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
    const wanted = Math.min(n, this.owners.length);
    /** @type {string[]} */
    const found = [];
    if (wanted === 0) return found;
    const total = this.owners.length;
    for (let i = this.firstPointAtOrAfter(position(key)); found.length < wanted; i = (i + 1) % total) {
      const owner = this.owners[i];
      found.push(owner);
    }
    return found;
  }

  /**
   * The ids of the nodes on the ring, sorted.
   * @returns {string[]}
   */
  nodes() {
    return [...this.members].sort();
  }

  /**
   * Index of the first point with position >= `at`, wrapping to 0 past the end.
   * @private
   * @param {number} at
   */
  firstPointAtOrAfter(at) {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.positions.length ? 0 : lo;
  }

  /**
   * Merges sorted new points into the sorted ring in one linear pass.
   * @private
   * @param {Array<[number, string]>} added
   */
  merge(added) {
    const positions = [];
    const owners = [];
    let i = 0;
    let j = 0;
    while (i < this.positions.length || j < added.length) {
      const takeExisting =
        j === added.length || (i < this.positions.length && comparePoints([this.positions[i], this.owners[i]], added[j]) <= 0);
      if (takeExisting) {
        positions.push(this.positions[i]);
        owners.push(this.owners[i]);
        i++;
      } else {
        positions.push(added[j][0]);
        owners.push(added[j][1]);
        j++;
      }
    }
    this.positions = positions;
    this.owners = owners;
  }
}

/**
 * The first 48 bits of MD5(label) as a safe integer: well mixed, and the same in every process.
 * @param {string} label
 */
function position(label) {
  return createHash('md5').update(label, 'utf8').digest().readUIntBE(0, 6);
}

/**
 * @param {[number, string]} a
 * @param {[number, string]} b
 */
function comparePoints(a, b) {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** @param {unknown} nodeId */
function checkNodeId(nodeId) {
  if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
}
