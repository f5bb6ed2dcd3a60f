import { z } from 'zod';
import type { SeededRandom } from './seeded-random.js';

const clients = {
  clients: z.number().int().positive(),
  /** Per client: requests arrive as a Poisson process at this rate, open loop (a slow node does not slow them). */
  opsPerSecond: z.number().positive(),
  durationMs: z.number().positive(),
  /** A request with no reply by then is recorded as a timeout: its effect is unknown. */
  timeoutMs: z.number().positive(),
};

/** Clients reading and writing string registers; every written value is unique, so a read names its write. */
export const registerWorkload = z.object({
  kind: z.literal('register'),
  ...clients,
  keys: z.number().int().positive(),
  keyDistribution: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('uniform') }), z.object({ kind: z.literal('zipf'), exponent: z.number().positive() })])
    .default({ kind: 'uniform' }),
  readFraction: z.number().min(0).max(1),
  /** The N of "converged within N virtual ms": every node is asked for every key this long after the workload ended and every fault healed. */
  finalReadsAfterMs: z.number().positive(),
});

/** Clients asking for admission against one global limit per fixed window of virtual time. */
export const admissionWorkload = z.object({
  kind: z.literal('admission'),
  ...clients,
  limit: z.number().int().positive(),
  windowMs: z.number().positive(),
  /** How far past the limit a window may go (0.1 = 10%): the price of availability under partition the challenge declares. */
  tolerance: z.number().min(0),
});

export const workload = z.discriminatedUnion('kind', [registerWorkload, admissionWorkload]);
export type Workload = z.infer<typeof workload>;
export type RegisterWorkload = z.infer<typeof registerWorkload>;
export type AdmissionWorkload = z.infer<typeof admissionWorkload>;

export const registerOp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), key: z.string() }),
  z.object({ type: z.literal('write'), key: z.string(), value: z.string() }),
]);
export const admissionOp = z.object({ type: z.literal('acquire') });

/** What a node must answer; anything else (or `{ error }`) is recorded as a failed request. */
export const registerReply = z.union([z.object({ value: z.string().nullable() }), z.object({ ok: z.literal(true) })]);
export const admissionReply = z.object({ admitted: z.boolean() });
export const errorReply = z.object({ error: z.string() });

/** Requests from the clients of the last phase, one per node and key; the convergence and lost-write checkers read them. */
export const FINAL_CLIENT_PREFIX = 'final:';

export interface PlannedRequest {
  atMs: number;
  client: string;
  node: string;
  op: z.infer<typeof registerOp> | z.infer<typeof admissionOp>;
}

/** Every client request of a run, decided up front from the seed; client `c<i>` talks to node `i mod n`. */
export function planRequests(w: Workload, nodes: string[], random: SeededRandom, finalReadsAtMs: number): PlannedRequest[] {
  const planned: PlannedRequest[] = [];
  const keyOf = keyChooser(w, random);
  for (let i = 0; i < w.clients; i++) {
    const client = `c${i}`;
    const node = nodes[i % nodes.length]!;
    let writes = 0;
    for (let at = interArrival(w, random); at < w.durationMs; at += interArrival(w, random)) {
      const atMs = Math.round(at * 1000) / 1000;
      if (w.kind === 'admission') planned.push({ atMs, client, node, op: { type: 'acquire' } });
      else if (random.next() < w.readFraction) planned.push({ atMs, client, node, op: { type: 'read', key: keyOf() } });
      else planned.push({ atMs, client, node, op: { type: 'write', key: keyOf(), value: `${client}.${++writes}` } });
    }
  }
  if (w.kind === 'register') {
    for (const node of nodes) {
      for (let k = 0; k < w.keys; k++) planned.push({ atMs: finalReadsAtMs, client: `${FINAL_CLIENT_PREFIX}${node}`, node, op: { type: 'read', key: `k${k}` } });
    }
  }
  return planned;
}

function interArrival(w: Workload, random: SeededRandom): number {
  return (-Math.log(1 - random.next()) * 1000) / w.opsPerSecond;
}

function keyChooser(w: Workload, random: SeededRandom): () => string {
  if (w.kind !== 'register') return () => '';
  const weights = Array.from({ length: w.keys }, (_, k) => (w.keyDistribution.kind === 'zipf' ? 1 / (k + 1) ** w.keyDistribution.exponent : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = random.next() * total;
    const k = weights.findIndex((weight) => (r -= weight) < 0);
    return `k${k === -1 ? w.keys - 1 : k}`;
  };
}
