/**
 * A sharded, replicated in-memory cache, simulated in one process. See the prompt for the
 * full contract, and describe the real system you would build in DESIGN.md.
 *
 * You may use any Node.js built-in module (for example `node:crypto`), but no npm packages.
 * You may add more files under src/ and import them with relative paths ("./ring.js").
 */
export class ShardedCache {
  /**
   * @param {number} replicationFactor copies of each key, on distinct nodes (a positive integer)
   * @param {number} virtualNodes points each node places on the hash ring (a positive integer)
   */
  constructor(replicationFactor, virtualNodes) {
    void replicationFactor;
    void virtualNodes;
  }

  /**
   * Adds a node, which receives the keys it now owns. False if it was already a member.
   * @param {string} nodeId
   * @returns {boolean}
   */
  addNode(nodeId) {
    throw new Error('Not implemented');
  }

  /**
   * Loses a node and its data; survivors re-replicate before this returns. False if unknown.
   * @param {string} nodeId
   * @returns {boolean}
   */
  removeNode(nodeId) {
    throw new Error('Not implemented');
  }

  /**
   * Stores `value` (any JSON value except null) on every owner of `key`.
   * @param {string} key
   * @param {unknown} value
   * @returns {void}
   */
  put(key, value) {
    throw new Error('Not implemented');
  }

  /**
   * The value of `key`, or null if no live replica holds it.
   * @param {string} key
   * @returns {unknown}
   */
  get(key) {
    throw new Error('Not implemented');
  }

  /**
   * Removes `key` from every replica. True if it was present.
   * @param {string} key
   * @returns {boolean}
   */
  delete(key) {
    throw new Error('Not implemented');
  }

  /**
   * The nodes that hold `key`: up to replicationFactor distinct node ids, primary first.
   * @param {string} key
   * @returns {string[]}
   */
  ownersOf(key) {
    throw new Error('Not implemented');
  }

  /**
   * The number of keys each live node holds, e.g. { "node-a": 120, "node-b": 97 }.
   * @returns {Record<string, number>}
   */
  stats() {
    throw new Error('Not implemented');
  }
}
