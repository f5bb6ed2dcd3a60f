/**
 * A sharded, replicated in-memory cache, simulated in one process. See the prompt for the
 * full contract, and describe the real system you would build in DESIGN.md.
 *
 * You may use any Node.js built-in module (for example `node:crypto`), but no npm packages.
 * You may add more files under src/ and import them with relative paths ("./ring").
 */
export class ShardedCache {
  /**
   * @param replicationFactor copies of each key, on distinct nodes (a positive integer)
   * @param virtualNodes points each node places on the hash ring (a positive integer)
   */
  constructor(replicationFactor: number, virtualNodes: number) {
    void replicationFactor;
    void virtualNodes;
  }

  /** Adds a node, which receives the keys it now owns. False if it was already a member. */
  addNode(nodeId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Loses a node and its data; survivors re-replicate before this returns. False if unknown. */
  removeNode(nodeId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Stores `value` (any JSON value except null) on every owner of `key`. */
  put(key: string, value: unknown): void {
    throw new Error('Not implemented');
  }

  /** The value of `key`, or null if no live replica holds it. */
  get(key: string): unknown {
    throw new Error('Not implemented');
  }

  /** Removes `key` from every replica. True if it was present. */
  delete(key: string): boolean {
    throw new Error('Not implemented');
  }

  /** The nodes that hold `key`: up to replicationFactor distinct node ids, primary first. */
  ownersOf(key: string): string[] {
    throw new Error('Not implemented');
  }

  /** The number of keys each live node holds, e.g. { "node-a": 120, "node-b": 97 }. */
  stats(): Record<string, number> {
    throw new Error('Not implemented');
  }
}
