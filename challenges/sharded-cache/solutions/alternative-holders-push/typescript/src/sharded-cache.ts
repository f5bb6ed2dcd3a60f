import { createHash } from 'node:crypto';

/**
 * An alternative design: after a membership change, every node that holds copies pushes them.
 * Each holder walks its own store once; for each key it makes sure every current owner has a
 * copy and drops its own copy if it is no longer an owner. A lost node's store is discarded
 * unread, so its keys survive only through other holders. Owner lists are computed once per
 * key per rebalance (memoized), so a rebalance is O(copies + keys × log V).
 *
 * The ring is one array of [position, node] pairs (first 6 bytes of SHA-1), sorted by position
 * and then node id after each change, so placement depends on the set of nodes alone.
 */
export class ShardedCache {
  readonly #stores = new Map<string, Map<string, unknown>>();
  #points: Array<[number, string]> = [];

  constructor(
    private readonly replicationFactor: number,
    private readonly virtualNodes: number,
  ) {
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1) throw new RangeError('replicationFactor must be a positive integer');
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) throw new RangeError('virtualNodes must be a positive integer');
  }

  addNode(nodeId: string): boolean {
    if (typeof nodeId !== 'string' || nodeId === '') throw new TypeError('nodeId must be a non-empty string');
    if (this.#stores.has(nodeId)) return false;
    this.#stores.set(nodeId, new Map());
    for (let i = 0; i < this.virtualNodes; i++) this.#points.push([position(`${nodeId}#${i}`), nodeId]);
    this.#points.sort(([a, x], [b, y]) => a - b || (x < y ? -1 : x > y ? 1 : 0));
    this.#rebalance();
    return true;
  }

  removeNode(nodeId: string): boolean {
    if (!this.#stores.delete(nodeId)) return false;
    this.#points = this.#points.filter(([, node]) => node !== nodeId);
    this.#rebalance();
    return true;
  }

  put(key: string, value: unknown): void {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    const owners = this.ownersOf(key);
    if (owners.length === 0) throw new Error('the cache has no nodes to store a value on');
    for (const owner of owners) this.#stores.get(owner)!.set(key, value);
  }

  get(key: string): unknown {
    for (const owner of this.ownersOf(key)) {
      const store = this.#stores.get(owner)!;
      if (store.has(key)) return store.get(key);
    }
    return null;
  }

  delete(key: string): boolean {
    let deleted = false;
    for (const owner of this.ownersOf(key)) if (this.#stores.get(owner)!.delete(key)) deleted = true;
    return deleted;
  }

  ownersOf(key: string): string[] {
    const wanted = Math.min(this.replicationFactor, this.#stores.size);
    const owners: string[] = [];
    if (wanted === 0) return owners;
    const at = position(key);
    let lo = 0;
    let hi = this.#points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#points[mid]![0] < at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; owners.length < wanted; i++) {
      const node = this.#points[i % this.#points.length]![1];
      if (!owners.includes(node)) owners.push(node);
    }
    return owners;
  }

  stats(): Record<string, number> {
    return Object.fromEntries([...this.#stores].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([node, store]) => [node, store.size]));
  }

  #rebalance(): void {
    const ownersOf = new Map<string, string[]>();
    for (const [holder, store] of this.#stores) {
      for (const [key, value] of store) {
        let owners = ownersOf.get(key);
        if (!owners) ownersOf.set(key, (owners = this.ownersOf(key)));
        for (const owner of owners) if (!this.#stores.get(owner)!.has(key)) this.#stores.get(owner)!.set(key, value);
        if (!owners.includes(holder)) store.delete(key);
      }
    }
  }
}

function position(label: string): number {
  return createHash('sha1').update(label, 'utf8').digest().readUIntBE(0, 6);
}
