// WRONG SOLUTION (wrong-no-virtual-nodes): ignores virtualNodes and places one point per node, so load is badly skewed and a lost node's keys all go to one neighbour.
import { createHash } from 'node:crypto';

/**
 * A consistent-hash ring with virtual nodes.
 *
 * Each node owns `virtualNodes` points on a 48-bit ring, at the MD5 of `"<nodeId>#<i>"`.
 * A key belongs to the first point at or after the key's own position, wrapping around.
 * The points live in two parallel arrays sorted by (position, node id), so a lookup is a
 * binary search, and ties (vanishingly rare at 48 bits) break by node id: the mapping is a
 * function of the set of nodes alone, never of the order they joined in.
 *
 * Costs, with V = total virtual nodes: getNode O(log V); getNodes O(log V + steps walked);
 * addNode O(v log v + V) (sort the new points, merge); removeNode O(V).
 */
export class HashRing {
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

  /** Adds a node; returns false (and changes nothing) if it is already on the ring. */
  addNode(nodeId: string): boolean {
    checkNodeId(nodeId);
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    const added: Array<[number, string]> = [];
    for (let i = 0; i < 1; i++) added.push([position(`${nodeId}#${i}`), nodeId]);
    added.sort(comparePoints);
    this.merge(added);
    return true;
  }

  /** Removes a node; returns false (and changes nothing) if it is not on the ring. */
  removeNode(nodeId: string): boolean {
    if (!this.members.delete(nodeId)) return false;
    const positions: number[] = [];
    const owners: string[] = [];
    for (let i = 0; i < this.owners.length; i++) {
      if (this.owners[i] === nodeId) continue;
      positions.push(this.positions[i]!);
      owners.push(this.owners[i]!);
    }
    this.positions = positions;
    this.owners = owners;
    return true;
  }

  /** The node that owns `key`, or null on an empty ring. */
  getNode(key: string): string | null {
    if (this.owners.length === 0) return null;
    return this.owners[this.firstPointAtOrAfter(position(key))]!;
  }

  /** Up to `n` distinct nodes for `key`, in ring order starting with its owner. */
  getNodes(key: string, n: number): string[] {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
    const wanted = Math.min(n, this.members.size);
    const found: string[] = [];
    if (wanted === 0) return found;
    const seen = new Set<string>();
    const total = this.owners.length;
    for (let i = this.firstPointAtOrAfter(position(key)); found.length < wanted; i = (i + 1) % total) {
      const owner = this.owners[i]!;
      if (!seen.has(owner)) {
        seen.add(owner);
        found.push(owner);
      }
    }
    return found;
  }

  /** The ids of the nodes on the ring, sorted. */
  nodes(): string[] {
    return [...this.members].sort();
  }

  /** Index of the first point with position >= `at`, wrapping to 0 past the end. */
  private firstPointAtOrAfter(at: number): number {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.positions.length ? 0 : lo;
  }

  /** Merges sorted new points into the sorted ring in one linear pass. */
  private merge(added: Array<[number, string]>): void {
    const positions: number[] = [];
    const owners: string[] = [];
    let i = 0;
    let j = 0;
    while (i < this.positions.length || j < added.length) {
      const takeExisting =
        j === added.length || (i < this.positions.length && comparePoints([this.positions[i]!, this.owners[i]!], added[j]!) <= 0);
      if (takeExisting) {
        positions.push(this.positions[i]!);
        owners.push(this.owners[i]!);
        i++;
      } else {
        positions.push(added[j]![0]);
        owners.push(added[j]![1]);
        j++;
      }
    }
    this.positions = positions;
    this.owners = owners;
  }
}

/** The first 48 bits of MD5(label) as a safe integer: well mixed, and the same in every process. */
function position(label: string): number {
  return createHash('md5').update(label, 'utf8').digest().readUIntBE(0, 6);
}

function comparePoints(a: [number, string], b: [number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function checkNodeId(nodeId: string): void {
  if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
}
