import type { CandidateNode, ClientRequest, NodeContext } from '../node-api.js';
import { registerOp } from '../workload.js';

type Stamp = [number, string];
interface Entry {
  stamp: Stamp;
  value: string | null;
}
interface Operation {
  request: ClientRequest;
  key: string;
  phase: 'get' | 'put';
  answered: Set<string>;
  best: Entry;
  /** The write's value, or undefined for a read (which writes back what it found). */
  value: string | undefined;
  startedAt: number;
}

const RETRY_MS = 100;
const GIVE_UP_MS = 2_000;
const newer = (a: Stamp, b: Stamp) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * A correct replicated register (multi-writer ABD): a read or write first learns the newest
 * stamp from a majority, then stores to a majority, so any two operations meet on some node.
 * A restarted node has lost its memory, so it first syncs from enough peers to meet every
 * earlier majority before it answers anyone. Lost messages are resent; a minority side
 * simply never answers (safety over availability). Uses no clock.
 */
export class QuorumRegister implements CandidateNode {
  private readonly store = new Map<string, Entry>();
  private readonly operations = new Map<string, Operation>();
  private readonly synced = new Set<string>();
  private recovering = true;
  private counter = 0;

  constructor(
    private readonly id: string,
    private readonly peers: string[],
    private readonly ctx: NodeContext,
  ) {
    this.sync();
  }

  private get majority(): number {
    return Math.floor((this.peers.length + 1) / 2) + 1;
  }

  private entry(key: string): Entry {
    return this.store.get(key) ?? { stamp: [0, ''], value: null };
  }

  private keep(key: string, entry: Entry): void {
    if (newer(entry.stamp, this.entry(key).stamp)) this.store.set(key, entry);
  }

  private sync(): void {
    for (const peer of this.peers) if (!this.synced.has(peer)) this.ctx.send(peer, { type: 'sync' });
    this.ctx.setTimer(RETRY_MS, 'sync');
  }

  onClientRequest(request: ClientRequest): void {
    const op = registerOp.parse(request.op);
    if (this.recovering) return this.ctx.reply(request, { error: 'recovering after a restart' });
    const id = `${this.id}.${++this.counter}`;
    const operation: Operation = { request, key: op.key, phase: 'get', answered: new Set([this.id]), best: this.entry(op.key), value: op.type === 'write' ? op.value : undefined, startedAt: this.ctx.now() };
    this.operations.set(id, operation);
    this.broadcast(id, operation);
    this.ctx.setTimer(RETRY_MS, `retry ${id}`);
  }

  private broadcast(id: string, op: Operation): void {
    for (const peer of this.peers) {
      if (op.answered.has(peer)) continue;
      if (op.phase === 'get') this.ctx.send(peer, { type: 'get', op: id, key: op.key });
      else this.ctx.send(peer, { type: 'put', op: id, key: op.key, entry: op.best });
    }
  }

  onMessage(from: string, body: unknown): void {
    const m = body as { type: string; op: string; key: string; entry: Entry; entries: Array<[string, Entry]> };
    if (m.type === 'sync') return this.ctx.send(from, { type: 'synced', entries: [...this.store] });
    if (m.type === 'synced' && this.recovering) {
      for (const [key, entry] of m.entries) this.keep(key, entry);
      this.synced.add(from);
      // Enough peers to share a node with every earlier majority, even one that included this node.
      if (this.synced.size >= this.peers.length + 1 - this.majority + 1) this.recovering = false;
      return;
    }
    if (m.type === 'get' && !this.recovering) return this.ctx.send(from, { type: 'got', op: m.op, entry: this.entry(m.key) });
    if (m.type === 'put') {
      this.keep(m.key, m.entry);
      return this.ctx.send(from, { type: 'put-ok', op: m.op });
    }
    const op = this.operations.get(m.op);
    if (!op || op.answered.has(from) || (m.type === 'got') !== (op.phase === 'get')) return;
    op.answered.add(from);
    if (m.type === 'got' && newer(m.entry.stamp, op.best.stamp)) op.best = m.entry;
    if (op.answered.size < this.majority) return;
    if (op.phase === 'get') {
      if (op.value !== undefined) op.best = { stamp: [op.best.stamp[0] + 1, this.id], value: op.value };
      this.keep(op.key, op.best);
      op.phase = 'put';
      op.answered = new Set([this.id]);
      this.broadcast(m.op, op);
    } else {
      this.operations.delete(m.op);
      this.ctx.reply(op.request, op.value === undefined ? { value: op.best.value } : { ok: true });
    }
  }

  onTimer(tag: string): void {
    if (tag === 'sync') {
      if (this.recovering) this.sync();
      return;
    }
    const id = tag.slice('retry '.length);
    const op = this.operations.get(id);
    if (!op) return;
    if (this.ctx.now() - op.startedAt > GIVE_UP_MS) return void this.operations.delete(id);
    this.broadcast(id, op);
    this.ctx.setTimer(RETRY_MS, tag);
  }
}
