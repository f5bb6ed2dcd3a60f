// WRONG SOLUTION (wrong-quadratic-rebalance): rebalance collects distinct keys in an array with a linear membership check: O(K^2) per membership change.
import { createHash } from 'node:crypto';

/**
 * A sharded, replicated in-memory cache, simulated in one process.
 *
 * Placement: a consistent-hash ring with virtual nodes; a key's replicas are the first
 * `replicationFactor` distinct nodes clockwise from its position (its preference list).
 * Each node has its own store; nothing outside the node stores holds values.
 *
 * Writes go to every replica synchronously, so all copies of a key are always equal.
 * Reads try the replicas in preference order.
 *
 * Membership changes rebalance eagerly, before addNode/removeNode return:
 * - removeNode simulates losing the node: its store is dropped, unread. The survivors then
 *   re-replicate the keys they hold to the keys' new owners, restoring
 *   min(replicationFactor, nodes) copies. With replicationFactor 1 the lost keys are gone.
 * - addNode hands the new node a copy of every key it now owns, and nodes that are no longer
 *   owners drop their copies.
 * Both are one pass over every stored copy (O(copies * log V)). A real cluster would stream
 * only the affected ranges; the simulator trades that for obviously correct code.
 */
export class ShardedCache {
  /**
   * @param {number} replicationFactor
   * @param {number} virtualNodes
   */
  constructor(replicationFactor, virtualNodes) {
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
      throw new RangeError(`replicationFactor must be a positive integer, got ${String(replicationFactor)}`);
    }
    /** @private @readonly */ this.replicationFactor = replicationFactor;
    /** @private @readonly */ this.ring = new Ring(virtualNodes);
    /** @private @readonly @type {Map<string, Map<string, unknown>>} */ this.stores = new Map();
  }

  /**
   * Adds a node and moves to it the keys it now owns; false if it was already a member.
   * @param {string} nodeId
   * @returns {boolean}
   */
  addNode(nodeId) {
    if (!this.ring.add(nodeId)) return false;
    this.stores.set(nodeId, new Map());
    this.rebalance();
    return true;
  }

  /**
   * Loses a node with all its data, then re-replicates from survivors; false if unknown.
   * @param {string} nodeId
   * @returns {boolean}
   */
  removeNode(nodeId) {
    if (!this.ring.remove(nodeId)) return false;
    this.stores.delete(nodeId);
    this.rebalance();
    return true;
  }

  /**
   * Writes `value` to every replica of `key`.
   * @param {string} key
   * @param {unknown} value
   */
  put(key, value) {
    checkKey(key);
    if (value === null || value === undefined) throw new TypeError('value must not be null; use delete to remove a key');
    const owners = this.ownersOf(key);
    if (owners.length === 0) throw new Error('the cache has no nodes');
    for (const owner of owners) this.store(owner).set(key, value);
  }

  /**
   * The value of `key` from the first replica that has it, or null.
   * @param {string} key
   * @returns {unknown}
   */
  get(key) {
    checkKey(key);
    for (const owner of this.ownersOf(key)) {
      const store = this.store(owner);
      if (store.has(key)) return store.get(key);
    }
    return null;
  }

  /**
   * Removes `key` from every replica; true if it was present.
   * @param {string} key
   * @returns {boolean}
   */
  delete(key) {
    checkKey(key);
    let found = false;
    for (const owner of this.ownersOf(key)) found = this.store(owner).delete(key) || found;
    return found;
  }

  /**
   * The replicas of `key`: up to replicationFactor distinct nodes, primary first.
   * @param {string} key
   * @returns {string[]}
   */
  ownersOf(key) {
    checkKey(key);
    return this.ring.preferenceList(key, this.replicationFactor);
  }

  /**
   * Copies held by each node, for every live node (0 included).
   * @returns {Record<string, number>}
   */
  stats() {
    /** @type {Record<string, number>} */
    const stats = {};
    for (const nodeId of this.ring.nodeIds()) stats[nodeId] = this.store(nodeId).size;
    return stats;
  }

  /**
   * @private
   * @param {string} nodeId
   */
  store(nodeId) {
    const store = this.stores.get(nodeId);
    if (!store) throw new Error(`no store for live node ${nodeId}`);
    return store;
  }

  /**
   * Makes every node hold exactly the keys it owns: each key is copied from a node that holds
   * it to each owner that lacks it, and dropped by holders that are no longer owners. Replicas
   * are always equal (writes are synchronous), so any holder's copy is the current value.
   * @private
   */
  rebalance() {
    const seen = [];
    for (const store of this.stores.values()) for (const key of store.keys()) if (!seen.includes(key)) seen.push(key);
    for (const key of seen) {
      const holders = [...this.stores].filter(([, store]) => store.has(key)).map(([id]) => id);
      const value = this.stores.get(holders[0]).get(key);
      const owners = this.ring.preferenceList(key, this.replicationFactor);
      for (const owner of owners) if (!holders.includes(owner)) this.stores.get(owner).set(key, value);
      for (const holder of holders) if (!owners.includes(holder)) this.stores.get(holder).delete(key);
    }
  }
}

/** Consistent-hash ring: points at the first 48 bits of MD5("<node>#<i>"), sorted by (position, node). */
class Ring {
  /** @param {number} virtualNodes */
  constructor(virtualNodes) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RangeError(`virtualNodes must be a positive integer, got ${String(virtualNodes)}`);
    }
    /** @readonly */ this.virtualNodes = virtualNodes;
    /** @type {Set<string>} */ this.members = new Set();
    /** @type {number[]} */ this.positions = [];
    /** @type {string[]} */ this.owners = [];
  }

  /** @param {string} nodeId */
  add(nodeId) {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    /** @type {Array<[number, string]>} */
    const points = this.positions.map((p, i) => [p, this.owners[i]]);
    for (let i = 0; i < this.virtualNodes; i++) points.push([position(`${nodeId}#${i}`), nodeId]);
    points.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    this.positions = points.map((p) => p[0]);
    this.owners = points.map((p) => p[1]);
    return true;
  }

  /** @param {string} nodeId */
  remove(nodeId) {
    if (!this.members.delete(nodeId)) return false;
    const keep = this.owners.map((owner) => owner !== nodeId);
    this.positions = this.positions.filter((_, i) => keep[i]);
    this.owners = this.owners.filter((_, i) => keep[i]);
    return true;
  }

  nodeIds() {
    return [...this.members].sort();
  }

  /**
   * The first `n` distinct nodes clockwise from the key's position.
   * @param {string} key
   * @param {number} n
   * @returns {string[]}
   */
  preferenceList(key, n) {
    const wanted = Math.min(n, this.members.size);
    /** @type {string[]} */
    const found = [];
    if (wanted === 0) return found;
    const at = position(key);
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo % this.positions.length; found.length < wanted; i = (i + 1) % this.positions.length) {
      const owner = this.owners[i];
      if (!found.includes(owner)) found.push(owner);
    }
    return found;
  }
}

/** @param {string} label */
function position(label) {
  return createHash('md5').update(label, 'utf8').digest().readUIntBE(0, 6);
}

/** @param {unknown} key */
function checkKey(key) {
  if (typeof key !== 'string') throw new TypeError('key must be a string');
}
