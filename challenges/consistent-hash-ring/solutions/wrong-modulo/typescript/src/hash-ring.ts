// WRONG SOLUTION (wrong-modulo): hash(key) % nodeCount over the sorted node list. Balanced and
// deterministic, but not consistent: changing the node count remaps almost every key.
import { createHash } from 'node:crypto';

export class HashRing {
  private readonly members = new Set<string>();
  private sorted: string[] = [];

  constructor(virtualNodes: number) {
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) throw new RangeError('virtualNodes must be a positive integer');
  }

  addNode(nodeId: string): boolean {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new TypeError('nodeId must be a non-empty string');
    if (this.members.has(nodeId)) return false;
    this.members.add(nodeId);
    this.sorted = [...this.members].sort();
    return true;
  }

  removeNode(nodeId: string): boolean {
    if (!this.members.delete(nodeId)) return false;
    this.sorted = [...this.members].sort();
    return true;
  }

  getNode(key: string): string | null {
    return this.getNodes(key, 1)[0] ?? null;
  }

  getNodes(key: string, n: number): string[] {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    const count = this.sorted.length;
    if (count === 0) return [];
    const start = createHash('md5').update(key, 'utf8').digest().readUIntBE(0, 6) % count;
    return Array.from({ length: Math.min(n, count) }, (_, i) => this.sorted[(start + i) % count]!);
  }

  nodes(): string[] {
    return [...this.sorted];
  }
}
