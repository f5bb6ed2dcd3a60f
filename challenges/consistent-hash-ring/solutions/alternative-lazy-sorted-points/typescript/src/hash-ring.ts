import { createHash } from 'node:crypto';

/** A point on the ring: a position in [0, 2^32) and the node that placed it. */
interface Point {
  at: number;
  node: string;
}

/**
 * An alternative design: membership changes are O(v) and only mark the ring stale; the first
 * lookup after a change rebuilds one sorted array of points (O(V log V)), and lookups are a
 * binary search (O(log V)). Positions are the first 4 bytes of SHA-1, so equal positions
 * happen on large rings: they sort by node id, which keeps the mapping a function of the set
 * of nodes alone, whatever order they joined in.
 */
export class HashRing {
  readonly #pointsOf = new Map<string, number[]>();
  #ring: Point[] = [];
  #stale = false;

  constructor(private readonly virtualNodes: number) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) throw new RangeError('virtualNodes must be a positive integer');
  }

  addNode(nodeId: string): boolean {
    if (typeof nodeId !== 'string' || nodeId === '') throw new TypeError('nodeId must be a non-empty string');
    if (this.#pointsOf.has(nodeId)) return false;
    this.#pointsOf.set(nodeId, Array.from({ length: this.virtualNodes }, (_, i) => position(`${nodeId}#${i}`)));
    this.#stale = true;
    return true;
  }

  removeNode(nodeId: string): boolean {
    if (!this.#pointsOf.delete(nodeId)) return false;
    this.#stale = true;
    return true;
  }

  getNode(key: string): string | null {
    const ring = this.#points();
    return ring.length === 0 ? null : ring[this.#successor(position(key))]!.node;
  }

  getNodes(key: string, n: number): string[] {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    const ring = this.#points();
    const wanted = Math.min(n, this.#pointsOf.size);
    const found = new Set<string>();
    for (let i = this.#successor(position(key)); found.size < wanted; i = (i + 1) % ring.length) found.add(ring[i]!.node);
    return [...found];
  }

  nodes(): string[] {
    return [...this.#pointsOf.keys()].sort();
  }

  #points(): Point[] {
    if (this.#stale) {
      this.#ring = [...this.#pointsOf].flatMap(([node, positions]) => positions.map((at) => ({ at, node })));
      this.#ring.sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
      this.#stale = false;
    }
    return this.#ring;
  }

  /** Index of the first point at or after `at`, wrapping to 0 past the largest. */
  #successor(at: number): number {
    let lo = 0;
    let hi = this.#ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#ring[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.#ring.length ? 0 : lo;
  }
}

function position(label: string): number {
  return createHash('sha1').update(label, 'utf8').digest().readUInt32BE(0);
}
