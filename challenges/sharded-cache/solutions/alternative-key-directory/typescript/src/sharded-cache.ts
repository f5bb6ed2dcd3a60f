import { createHash } from 'node:crypto';

/** The ring as parallel arrays, sorted by (position, node id), rebuilt only when a lookup needs it. */
interface Ring {
  positions: Uint32Array;
  nodes: string[];
}

/**
 * An alternative design: rebalancing pulls. After a membership change a directory of every key
 * still held anywhere (key -> one store holding it) is built; each key's owners pull a copy
 * from that store, then every store prunes the keys it no longer owns. A lost node's store is
 * discarded unread. Both passes touch each copy once: O(copies + keys × log V).
 *
 * Placement: `virtualNodes` points per node at the first 4 bytes of SHA-256; equal positions
 * are ordered by node id, so placement depends on the set of nodes alone. The sorted ring is
 * rebuilt lazily, on the first lookup after a change.
 */
export class ShardedCache {
  readonly #stores = new Map<string, Map<string, unknown>>();
  #ring: Ring | undefined;

  constructor(
    private readonly replicationFactor: number,
    private readonly virtualNodes: number,
  ) {
    if (!isPositiveInteger(replicationFactor)) throw new RangeError('replicationFactor must be a positive integer');
    if (!isPositiveInteger(virtualNodes)) throw new RangeError('virtualNodes must be a positive integer');
  }

  addNode(nodeId: string): boolean {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.#stores.has(nodeId)) return false;
    this.#stores.set(nodeId, new Map());
    this.#ring = undefined;
    this.#rebalance();
    return true;
  }

  removeNode(nodeId: string): boolean {
    if (!this.#stores.has(nodeId)) return false;
    this.#stores.delete(nodeId);
    this.#ring = undefined;
    this.#rebalance();
    return true;
  }

  put(key: string, value: unknown): void {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    if (this.#stores.size === 0) throw new Error('no nodes to store on');
    for (const owner of this.ownersOf(key)) this.#stores.get(owner)!.set(key, value);
  }

  get(key: string): unknown {
    for (const owner of this.ownersOf(key)) {
      const value = this.#stores.get(owner)!.get(key);
      if (value !== undefined) return value;
    }
    return null;
  }

  delete(key: string): boolean {
    return this.ownersOf(key).reduce((found, owner) => this.#stores.get(owner)!.delete(key) || found, false);
  }

  ownersOf(key: string): string[] {
    const ring = this.#sortedRing();
    const count = Math.min(this.replicationFactor, this.#stores.size);
    const owners = new Set<string>();
    const start = firstAtOrAfter(ring.positions, position(key));
    for (let step = 0; owners.size < count; step++) owners.add(ring.nodes[(start + step) % ring.nodes.length]!);
    return [...owners];
  }

  stats(): Record<string, number> {
    const stats: Record<string, number> = {};
    for (const node of [...this.#stores.keys()].sort()) stats[node] = this.#stores.get(node)!.size;
    return stats;
  }

  #rebalance(): void {
    const directory = new Map<string, Map<string, unknown>>();
    for (const store of this.#stores.values()) for (const key of store.keys()) if (!directory.has(key)) directory.set(key, store);
    const owners = new Map<string, string[]>();
    for (const [key, source] of directory) {
      const list = this.ownersOf(key);
      owners.set(key, list);
      for (const owner of list) if (!this.#stores.get(owner)!.has(key)) this.#stores.get(owner)!.set(key, source.get(key));
    }
    for (const [node, store] of this.#stores) for (const key of store.keys()) if (!owners.get(key)!.includes(node)) store.delete(key);
  }

  #sortedRing(): Ring {
    if (this.#ring) return this.#ring;
    const points: Array<{ at: number; node: string }> = [];
    for (const node of this.#stores.keys()) for (let i = 0; i < this.virtualNodes; i++) points.push({ at: position(`${node}#${i}`), node });
    points.sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    this.#ring = { positions: Uint32Array.from(points, (p) => p.at), nodes: points.map((p) => p.node) };
    return this.#ring;
  }
}

/** Index of the first position >= `at`, wrapping to 0 past the largest. */
function firstAtOrAfter(positions: Uint32Array, at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === positions.length ? 0 : lo;
}

function position(label: string): number {
  return createHash('sha256').update(label, 'utf8').digest().readUInt32BE(0);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
