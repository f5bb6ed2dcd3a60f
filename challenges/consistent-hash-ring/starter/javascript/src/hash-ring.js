/**
 * A consistent-hash ring with virtual nodes. See the prompt for the full contract.
 *
 * You may use any Node.js built-in module (for example `node:crypto`), but no npm packages.
 * You may add more files under src/ and import them with relative paths ("./ring-utils.js").
 */
export class HashRing {
  /** @param {number} virtualNodes points each node places on the ring (a positive integer) */
  constructor(virtualNodes) {
    void virtualNodes;
  }

  /**
   * Adds a node. Returns true if it was added, false if it was already on the ring.
   * @param {string} nodeId
   * @returns {boolean}
   */
  addNode(nodeId) {
    throw new Error('Not implemented');
  }

  /**
   * Removes a node. Returns true if it was removed, false if it was not on the ring.
   * @param {string} nodeId
   * @returns {boolean}
   */
  removeNode(nodeId) {
    throw new Error('Not implemented');
  }

  /**
   * The node that owns `key`, or null when the ring is empty.
   * @param {string} key
   * @returns {string | null}
   */
  getNode(key) {
    throw new Error('Not implemented');
  }

  /**
   * Up to `n` distinct node ids for `key`, in ring order; the first is getNode(key).
   * @param {string} key
   * @param {number} n
   * @returns {string[]}
   */
  getNodes(key, n) {
    throw new Error('Not implemented');
  }

  /**
   * The ids of the nodes on the ring, sorted in ascending order.
   * @returns {string[]}
   */
  nodes() {
    throw new Error('Not implemented');
  }
}
