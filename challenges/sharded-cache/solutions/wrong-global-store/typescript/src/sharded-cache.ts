// WRONG SOLUTION (wrong-global-store): keeps every value in one map outside the nodes and derives stats from ownersOf,
// so losing nodes never loses data and a joining node receives nothing: node loss is not simulated.
import { createHash } from 'node:crypto';

export class ShardedCache {
  private readonly replicationFactor: number;
  private readonly ring: Ring;
  private readonly values = new Map<string, unknown>();

  constructor(replicationFactor: number, virtualNodes: number) {
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1) throw new RangeError('replicationFactor must be a positive integer');
    this.replicationFactor = replicationFactor;
    this.ring = new Ring(virtualNodes);
    
  }

  addNode(nodeId: string) {
    return this.ring.add(nodeId);
  }

  removeNode(nodeId: string) {
    return this.ring.remove(nodeId);
  }

  put(key: string, value: unknown) {
    if (value === null || value === undefined) throw new TypeError('value must not be null');
    if (this.ring.nodeIds().length === 0) throw new Error('the cache has no nodes');
    this.values.set(key, value);
  }

  get(key: string) {
    return this.values.has(key) ? this.values.get(key) : null;
  }

  delete(key: string) {
    return this.values.delete(key);
  }

  ownersOf(key: string) {
    return this.ring.preferenceList(key, this.replicationFactor);
  }

  stats() {
    const stats: Record<string, number> = {};
    for (const id of this.ring.nodeIds()) stats[id] = 0;
    for (const key of this.values.keys()) for (const id of this.ownersOf(key)) stats[id] = (stats[id] ?? 0) + 1;
    return stats;
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
