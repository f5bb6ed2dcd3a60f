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
 * - removeNode simulates losing the node: its store is dropped, unread. Every surviving node
 *   then re-replicates the keys it holds to the key's new owners, restoring
 *   min(replicationFactor, nodes) copies. With replicationFactor 1 the lost keys are gone.
 * - addNode hands the new node a copy of every key it now owns, and nodes that are no longer
 *   owners drop their copies.
 * Both are one pass over every stored copy (O(copies * log V)). A real cluster would stream
 * only the affected ranges; the simulator trades that for obviously correct code.
 */
export class ShardedCache {
  private readonly replicationFactor: number;
  private readonly ring: Ring;
  private readonly stores = new Map<string, Map<string, unknown>>();

  constructor(replicationFactor: number, virtualNodes: number) {
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
      throw new RangeError(`replicationFactor must be a positive integer, got ${String(replicationFactor)}`);
    }
    this.replicationFactor = replicationFactor;
    this.ring = new Ring(virtualNodes);
  }

  /** Adds a node and moves to it the keys it now owns; false if it was already a member. */
  addNode(nodeId: string): boolean {
    if (!this.ring.add(nodeId)) return false;
    this.stores.set(nodeId, new Map());
    this.rebalance();
    return true;
  }

  /** Loses a node with all its data, then re-replicates from survivors; false if unknown. */
  removeNode(nodeId: string): boolean {
    if (!this.ring.remove(nodeId)) return false;
    this.stores.delete(nodeId);
    this.rebalance();
    return true;
  }

  /** Writes `value` to every replica of `key`. */
  put(key: string, value: unknown): void {
    checkKey(key);
    if (value === null || value === undefined) throw new TypeError('value must not be null; use delete to remove a key');
    const owners = this.ownersOf(key);
    if (owners.length === 0) throw new Error('the cache has no nodes');
    for (const owner of owners) this.stores.get(owner)!.set(key, value);
  }

  /** The value of `key` from the first replica that has it, or null. */
  get(key: string): unknown {
    checkKey(key);
    for (const owner of this.ownersOf(key)) {
      const store = this.stores.get(owner)!;
      if (store.has(key)) return store.get(key);
    }
    return null;
  }

  /** Removes `key` from every replica; true if it was present. */
  delete(key: string): boolean {
    checkKey(key);
    let found = false;
    for (const owner of this.ownersOf(key)) found = this.stores.get(owner)!.delete(key) || found;
    return found;
  }

  /** The replicas of `key`: up to replicationFactor distinct nodes, primary first. */
  ownersOf(key: string): string[] {
    checkKey(key);
    return this.ring.preferenceList(key, this.replicationFactor);
  }

  /** Copies held by each node, for every live node (0 included). */
  stats(): Record<string, number> {
    const stats: Record<string, number> = {};
    for (const nodeId of this.ring.nodeIds()) stats[nodeId] = this.stores.get(nodeId)!.size;
    return stats;
  }

  /**
   * Makes every node hold exactly the keys it owns: each key is copied from a node that holds
   * it to each owner that lacks it, and dropped by holders that are no longer owners. Replicas
   * are always equal (writes are synchronous), so any holder's copy is the current value.
   */
  private rebalance(): void {
    const seen: string[] = [];
    for (const store of this.stores.values()) for (const key of store.keys()) if (!seen.includes(key)) seen.push(key);
    for (const key of seen) {
      const holders = [...this.stores].filter(([, store]) => store.has(key)).map(([id]) => id);
      const value = this.stores.get(holders[0]!)!.get(key);
      const owners = this.ring.preferenceList(key, this.replicationFactor);
      for (const owner of owners) if (!holders.includes(owner)) this.stores.get(owner)!.set(key, value);
      for (const holder of holders) if (!owners.includes(holder)) this.stores.get(holder)!.delete(key);
    }
  }
}

/** Consistent-hash ring: points at the first 48 bits of MD5("<node>#<i>"), sorted by (position, node). */
class Ring {
  private readonly virtualNodes: number;
  private readonly members = new Set<string>();
  private positions: number[] = [];
  private owners: string[] = [];

  constructor(virtualNodes: number) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RangeError(`virtualNodes must be a positive integer, got ${String(virtualNodes)}`);
    }
    this.virtualNodes = virtualNodes;
  }

  add(nodeId: string): boolean {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    const points: Array<[number, string]> = this.positions.map((p, i) => [p, this.owners[i]!]);
    for (let i = 0; i < this.virtualNodes; i++) points.push([position(`${nodeId}#${i}`), nodeId]);
    points.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    this.positions = points.map((p) => p[0]);
    this.owners = points.map((p) => p[1]);
    return true;
  }

  remove(nodeId: string): boolean {
    if (!this.members.delete(nodeId)) return false;
    const keep = this.owners.map((owner) => owner !== nodeId);
    this.positions = this.positions.filter((_, i) => keep[i]);
    this.owners = this.owners.filter((_, i) => keep[i]);
    return true;
  }

  nodeIds(): string[] {
    return [...this.members].sort();
  }

  /** The first `n` distinct nodes clockwise from the key's position. */
  preferenceList(key: string, n: number): string[] {
    const wanted = Math.min(n, this.members.size);
    const found: string[] = [];
    if (wanted === 0) return found;
    const at = position(key);
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo % this.positions.length; found.length < wanted; i = (i + 1) % this.positions.length) {
      const owner = this.owners[i]!;
      if (!found.includes(owner)) found.push(owner);
    }
    return found;
  }
}

function position(label: string): number {
  return createHash('md5').update(label, 'utf8').digest().readUIntBE(0, 6);
}

function checkKey(key: string): void {
  if (typeof key !== 'string') throw new TypeError('key must be a string');
}
