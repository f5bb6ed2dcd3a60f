import type { CandidateNode, ClientRequest, NodeContext } from '../node-api.js';
import { registerOp } from '../workload.js';

/**
 * A wrong replicated register: it answers a write as soon as it stored it locally and tells
 * its peers once, afterwards, without waiting or resending. Reads are local. A partition or a
 * crash loses acknowledged writes and leaves replicas disagreeing; even without faults, a read
 * on another node can miss a write already acknowledged.
 */
export class AckBeforeReplicateRegister implements CandidateNode {
  private readonly store = new Map<string, { at: number; value: string }>();

  constructor(
    _id: string,
    private readonly peers: string[],
    private readonly ctx: NodeContext,
  ) {}

  onClientRequest(request: ClientRequest): void {
    const op = registerOp.parse(request.op);
    if (op.type === 'read') return this.ctx.reply(request, { value: this.store.get(op.key)?.value ?? null });
    const entry = { at: this.ctx.now(), value: op.value };
    this.store.set(op.key, entry);
    this.ctx.reply(request, { ok: true });
    for (const peer of this.peers) this.ctx.send(peer, { key: op.key, ...entry });
  }

  onMessage(_from: string, body: unknown): void {
    const m = body as { key: string; at: number; value: string };
    if ((this.store.get(m.key)?.at ?? -Infinity) < m.at) this.store.set(m.key, { at: m.at, value: m.value });
  }
}
