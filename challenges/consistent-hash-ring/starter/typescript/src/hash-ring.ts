/**
 * A consistent-hash ring with virtual nodes. See the prompt for the full contract.
 *
 * You may use any Node.js built-in module (for example `node:crypto`), but no npm packages.
 * You may add more files under src/ and import them with relative paths ("./ring-utils").
 */
export class HashRing {
  /** @param virtualNodes points each node places on the ring (a positive integer) */
  constructor(virtualNodes: number) {
    void virtualNodes;
  }

  /** Adds a node. Returns true if it was added, false if it was already on the ring. */
  addNode(nodeId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Removes a node. Returns true if it was removed, false if it was not on the ring. */
  removeNode(nodeId: string): boolean {
    throw new Error('Not implemented');
  }

  /** The node that owns `key`, or null when the ring is empty. */
  getNode(key: string): string | null {
    throw new Error('Not implemented');
  }

  /** Up to `n` distinct node ids for `key`, in ring order; the first is getNode(key). */
  getNodes(key: string, n: number): string[] {
    throw new Error('Not implemented');
  }

  /** The ids of the nodes on the ring, sorted in ascending order. */
  nodes(): string[] {
    throw new Error('Not implemented');
  }
}
