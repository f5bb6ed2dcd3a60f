import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator.js';
import { AckBeforeReplicateRegister } from './example-nodes/ack-before-replicate-register.js';
import { QuorumRegister } from './example-nodes/quorum-register.js';
import { registerScenario } from './example-nodes/scenarios.js';
import { serializeHistory } from './history.js';
import { createInProcessHost } from './in-process-host.js';
import type { CandidateNode, NodeClass } from './node-api.js';
import type { NodeHost } from './node-host.js';

const simulate = (nodeClass: NodeClass, config: unknown) => createSimulator({ host: createInProcessHost({ nodeClass }) }).run(config);

describe('the simulator', () => {
  it('gives the same history, byte for byte, for the same seed, and a different one for another seed', async () => {
    const hashes = new Map<number, string>();
    for (const seed of [1, 2, 3]) {
      const [a, b] = [await simulate(QuorumRegister, registerScenario(seed)), await simulate(QuorumRegister, registerScenario(seed))];
      expect(serializeHistory(a.history)).toBe(serializeHistory(b.history));
      expect(a.hash).toBe(b.hash);
      hashes.set(seed, a.hash);
    }
    expect(new Set(hashes.values()).size).toBe(3);
  });

  it('records every fault of the nemesis plan, and a crashed node restarts as a fresh instance', async () => {
    const { history } = await simulate(QuorumRegister, registerScenario(7));
    expect(history.filter((e) => ['partition', 'heal', 'crash', 'restart', 'pause', 'resume'].includes(e.type)).map((e) => e.type)).toEqual(['partition', 'heal', 'crash', 'restart', 'pause', 'resume']);
    expect(history.filter((e) => e.type === 'start' && e.node === 'n3').map((e) => e.type === 'start' && e.incarnation)).toEqual([1, 2]);
    const crash = history.find((e) => e.type === 'crash')!;
    const restart = history.find((e) => e.type === 'restart')!;
    expect(history.some((e) => e.type === 'deliver' && e.to === 'n3' && e.t > crash.t && e.t < restart.t)).toBe(false);
    expect(history.some((e) => e.type === 'drop' && e.reason === 'node down')).toBe(true);
    expect(history.some((e) => e.type === 'drop' && e.reason === 'partition')).toBe(true);
  });

  it('hands a paused node what arrived meanwhile only when it resumes, and skews its clock', async () => {
    const seen: Array<{ node: string; now: number; t: number }> = [];
    class Recorder implements CandidateNode {
      constructor(
        private readonly id: string,
        peers: string[],
        private readonly ctx: import('./node-api.js').NodeContext,
      ) {
        void peers;
      }
      onClientRequest(request: import('./node-api.js').ClientRequest) {
        seen.push({ node: this.id, now: this.ctx.now(), t: Number(request.id.slice(1)) });
        this.ctx.reply(request, { value: null });
      }
    }
    const { history } = await simulate(Recorder, {
      seed: 4,
      nodes: ['a', 'b'],
      network: { latency: { kind: 'constant', ms: 1 } },
      nemesis: { pauses: [{ node: 'a', atMs: 100, resumeMs: 300 }], clockSkewMs: { b: 1_000 } },
      workload: { kind: 'register', clients: 2, opsPerSecond: 50, durationMs: 400, timeoutMs: 1_000, keys: 1, readFraction: 1, finalReadsAfterMs: 10 },
    });
    const invokedAt = new Map(history.flatMap((e) => (e.type === 'invoke' ? [[e.req, e.t] as const] : [])));
    for (const e of history) {
      if (e.type !== 'ok') continue;
      const pausedAtInvoke = e.node === 'a' && invokedAt.get(e.req)! >= 100 && invokedAt.get(e.req)! < 300;
      expect(e.t).toBe(pausedAtInvoke ? 300 : invokedAt.get(e.req));
    }
    expect(seen.filter((s) => s.node === 'b').every((s) => s.now >= 1_000)).toBe(true);
  });

  it('records a node that answers a request it never received as the node’s error, not as an answer', async () => {
    class Forger implements CandidateNode {
      constructor(_id: string, _peers: string[], private readonly ctx: import('./node-api.js').NodeContext) {}
      onClientRequest(request: import('./node-api.js').ClientRequest) {
        this.ctx.reply({ ...request, id: `r${Number(request.id.slice(1)) + 1}` }, { value: 'forged' });
      }
    }
    const { history } = await simulate(Forger, {
      seed: 5,
      nodes: ['a', 'b'],
      network: { latency: { kind: 'constant', ms: 1 } },
      workload: { kind: 'register', clients: 2, opsPerSecond: 20, durationMs: 500, timeoutMs: 100, keys: 1, readFraction: 1, finalReadsAfterMs: 10 },
    });
    expect(history.some((e) => e.type === 'ok')).toBe(false);
    expect(history.find((e) => e.type === 'node-error')).toMatchObject({ message: expect.stringMatching(/answered request r\d+, which was never delivered to it/) });
  });

  it('isolates what nodes exchange, as a sandbox would: mutating a sent or received body rewrites neither the history nor a peer; a throwing handler is the node’s recorded error', async () => {
    const received: unknown[] = [];
    class Mutator implements CandidateNode {
      constructor(private readonly id: string, private readonly peers: string[], ctx: import('./node-api.js').NodeContext) {
        if (id === 'a') {
          const body = { n: 1 };
          ctx.send('b', body);
          body.n = 2;
        }
      }
      onMessage(_from: string, body: unknown) {
        received.push(structuredClone(body));
        if (body && typeof body === 'object') Object.assign(body, { n: 99 });
        throw new Error(`${this.id} refuses ${this.peers.length} peer`);
      }
    }
    const { history } = await simulate(Mutator, {
      seed: 6,
      nodes: ['a', 'b'],
      network: { latency: { kind: 'constant', ms: 1 } },
      workload: { kind: 'register', clients: 1, opsPerSecond: 1, durationMs: 10, timeoutMs: 10, keys: 1, readFraction: 1, finalReadsAfterMs: 10 },
    });
    expect(received).toEqual([{ n: 1 }]);
    expect(history.find((e) => e.type === 'send')).toMatchObject({ body: { n: 1 }, bytes: 7 });
    expect(history.find((e) => e.type === 'node-error')).toMatchObject({ node: 'b', message: 'onMessage threw: b refuses 1 peer' });
  });

  it('hands a node every event of one virtual instant in one batch, with the instant as its clock', async () => {
    class Broadcaster implements CandidateNode {
      constructor(id: string, peers: string[], ctx: import('./node-api.js').NodeContext) {
        if (id !== 'sink') for (let i = 0; i < 3; i++) ctx.send('sink', { from: id, i });
        void peers;
      }
    }
    const inner = createInProcessHost({ nodeClass: Broadcaster });
    const batches: Array<{ node: string; now: number; size: number }> = [];
    const host: NodeHost = {
      async open(init) {
        const opened = await inner.open(init);
        return { effects: opened.effects, node: { step: (batch) => (batches.push({ node: init.nodeId, now: batch.now, size: batch.inputs.length }), opened.node.step(batch)), close: () => opened.node.close() } };
      },
    };
    await createSimulator({ host }).run({
      seed: 8,
      nodes: ['a', 'b', 'sink'],
      network: { latency: { kind: 'constant', ms: 5 } },
      workload: { kind: 'admission', clients: 1, opsPerSecond: 0.001, durationMs: 1, timeoutMs: 10, limit: 1, windowMs: 1, tolerance: 0 },
    });
    expect(batches.filter((b) => b.node === 'sink')).toEqual([{ node: 'sink', now: 5, size: 6 }]);
  });

  it('refuses a config whose nemesis names a node that does not exist, saying which', async () => {
    const config = registerScenario(1);
    await expect(simulate(AckBeforeReplicateRegister, { ...config, nemesis: { crashes: [{ node: 'n9', atMs: 1, restartMs: 2 }] } })).rejects.toThrow(/names node "n9", which is not one of nodes/);
  });
});
