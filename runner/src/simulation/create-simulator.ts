import { z } from 'zod';
import { createEventQueue } from './event-queue.js';
import { historyHash, type HistoryEvent, type Json } from './history.js';
import { faultEvents, lastFaultEndMs, type Fault } from './nemesis-plan.js';
import { createNetwork } from './network-model.js';
import { nodeEffects, type HostedNode, type NodeEffects, type NodeHost, type NodeInput } from './node-host.js';
import { createSeededRandom, derivedSeed } from './seeded-random.js';
import { parseSimulationConfig, type SimulationConfig } from './simulation-config.js';
import { admissionReply, errorReply, planRequests, registerReply } from './workload.js';

type Pending =
  | { type: 'deliver'; msg: string; from: string; to: string; body: Json }
  | { type: 'timer'; node: string; incarnation: number; timerId: string; tag: string }
  | { type: 'invoke'; req: string; client: string; node: string; op: Json }
  /** An invoked request on its way into the node (held there while the node is paused). */
  | { type: 'request'; req: string; client: string; node: string; op: Json }
  | { type: 'client-timeout'; req: string }
  | { type: 'fault'; fault: Fault };

interface Request {
  client: string;
  node: string;
  /** Set when the request reached the node: only then may the node answer it. */
  delivered: boolean;
}

interface NodeState {
  hosted: HostedNode | undefined;
  incarnation: number;
  paused: boolean;
  held: Pending[];
}

export interface SimulationResult {
  history: HistoryEvent[];
  /** sha256 of the canonical history: equal for every run of the same config and seed. */
  hash: string;
  config: SimulationConfig;
}

/**
 * The trusted network and clock of a distributed challenge. Nodes run wherever `host` puts
 * them; everything else (time, delivery, faults, clients, the record) happens here, driven by
 * the seed alone, so a run is a pure function of its config and the candidate's code.
 */
export function createSimulator(deps: { host: NodeHost }) {
  return {
    async run(input: unknown): Promise<SimulationResult> {
      const config = parseSimulationConfig(input);
      const random = createSeededRandom(config.seed);
      const queue = createEventQueue<Pending>(random.fork('tie-break'));
      const network = createNetwork(config.network, random.fork('network'));
      const history: HistoryEvent[] = [];
      const nodes = new Map<string, NodeState>(config.nodes.map((id) => [id, { hosted: undefined, incarnation: 0, paused: false, held: [] }]));
      const cutLinks = new Map<string, number>();
      const requests = new Map<string, Request>();
      const cancelled = new Set<string>();
      const w = config.workload;
      const finalReadsAtMs = Math.max(w.durationMs, lastFaultEndMs(config.nemesis)) + (w.kind === 'register' ? w.finalReadsAfterMs : 0);
      const endMs = finalReadsAtMs + w.timeoutMs;
      let messages = 0;
      const skew = (node: string) => config.nemesis.clockSkewMs[node] ?? 0;
      const linkKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
      const timerKey = (node: string, incarnation: number, timerId: string) => `${node}|${incarnation}|${timerId}`;

      const start = async (id: string, t: number, effectsOut: Array<[string, unknown]>) => {
        const state = nodes.get(id)!;
        state.incarnation++;
        const opened = await deps.host.open({
          nodeId: id,
          peerIds: config.nodes.filter((n) => n !== id),
          seed: derivedSeed(config.seed, `node/${id}/${state.incarnation}`),
          now: t + skew(id),
        });
        state.hosted = opened.node;
        history.push({ t, type: 'start', node: id, incarnation: state.incarnation });
        effectsOut.push([id, opened.effects]);
      };

      const setLinks = (groups: string[][], delta: number) => {
        for (const [i, group] of groups.entries()) {
          for (const other of groups.slice(i + 1)) {
            for (const a of group) for (const b of other) cutLinks.set(linkKey(a, b), (cutLinks.get(linkKey(a, b)) ?? 0) + delta);
          }
        }
      };

      const applyFault = async (t: number, fault: Fault, effectsOut: Array<[string, unknown]>) => {
        history.push({ t, ...fault });
        if (fault.type === 'partition' || fault.type === 'heal') return setLinks(fault.groups, fault.type === 'partition' ? 1 : -1);
        const state = nodes.get(fault.node)!;
        if (fault.type === 'crash') {
          await state.hosted?.close();
          state.hosted = undefined;
          state.held = [];
        } else if (fault.type === 'restart') {
          await start(fault.node, t, effectsOut);
        } else if (fault.type === 'pause') {
          state.paused = true;
        } else {
          state.paused = false;
          for (const held of state.held) queue.pushFirst(t, held);
          state.held = [];
        }
      };

      const complete = (req: string, outcome: HistoryEvent) => {
        history.push(outcome);
        requests.delete(req);
      };

      const replyOutcome = (t: number, req: string, request: Request, body: Json): HistoryEvent => {
        const base = { t, req, client: request.client, node: request.node };
        const error = errorReply.safeParse(body);
        if (error.success) return { ...base, type: 'fail', reason: `the node answered with an error: ${error.data.error}` };
        const expected = w.kind === 'register' ? registerReply : admissionReply;
        const parsed = expected.safeParse(body);
        if (parsed.success) return { ...base, type: 'ok', reply: parsed.data };
        return { ...base, type: 'fail', reason: `the node's answer does not fit the ${w.kind} workload's reply: ${z.prettifyError(parsed.error)}` };
      };

      const applyEffects = (t: number, id: string, raw: unknown) => {
        const state = nodes.get(id)!;
        const parsed = nodeEffects.safeParse(raw);
        if (!parsed.success) {
          history.push({ t, type: 'node-error', node: id, message: `the node's effects are malformed, so they were ignored: ${z.prettifyError(parsed.error)}` });
          return;
        }
        const effects: NodeEffects = parsed.data;
        for (const message of effects.errors) history.push({ t, type: 'node-error', node: id, message });
        for (const send of effects.sends) {
          if (!nodes.has(send.to)) {
            history.push({ t, type: 'node-error', node: id, message: `sent a message to "${send.to}", which is not a node of this run (peers: ${config.nodes.join(', ')})` });
            continue;
          }
          const msg = `m${++messages}`;
          history.push({ t, type: 'send', msg, from: id, to: send.to, bytes: Buffer.byteLength(JSON.stringify(send.body)), body: send.body });
          const delays = network.delays();
          if (delays.length === 0) history.push({ t, type: 'drop', msg, from: id, to: send.to, reason: 'loss' });
          for (const delay of delays) queue.push(t + delay, { type: 'deliver', msg, from: id, to: send.to, body: send.body });
        }
        for (const reply of effects.replies) {
          const request = requests.get(reply.requestId);
          // A late answer to a request that already timed out changes nothing the client saw.
          if (!request) continue;
          if (request.node !== id || !request.delivered) {
            history.push({ t, type: 'node-error', node: id, message: `answered request ${reply.requestId}, which was never delivered to it; the answer was ignored` });
            continue;
          }
          complete(reply.requestId, replyOutcome(t, reply.requestId, request, reply.body));
        }
        for (const timerId of effects.cancels) cancelled.add(timerKey(id, state.incarnation, timerId));
        for (const timer of effects.timers) {
          // At least 1 ms, so a node re-arming a zero timer cannot hold virtual time still.
          queue.push(t + Math.max(1, timer.ms), { type: 'timer', node: id, incarnation: state.incarnation, timerId: timer.timerId, tag: timer.tag });
        }
      };

      const initial: Array<[string, unknown]> = [];
      for (const id of config.nodes) await start(id, 0, initial);
      for (const [id, raw] of initial) applyEffects(0, id, raw);
      for (const { atMs, fault } of faultEvents(config.nemesis)) queue.push(atMs, { type: 'fault', fault });
      let requestCount = 0;
      for (const r of planRequests(w, config.nodes, random.fork('workload'), finalReadsAtMs)) {
        queue.push(r.atMs, { type: 'invoke', req: `r${++requestCount}`, client: r.client, node: r.node, op: r.op });
      }

      for (let instant = queue.popInstant(endMs); instant; instant = queue.popInstant(endMs)) {
        const t = instant.time;
        const effectsOut: Array<[string, unknown]> = [];
        for (const item of instant.items) if (item.type === 'fault') await applyFault(t, item.fault, effectsOut);
        const batches = new Map<string, NodeInput[]>();
        const toNode = (id: string, input: NodeInput) => {
          const batch = batches.get(id);
          if (batch) batch.push(input);
          else batches.set(id, [input]);
        };
        for (const queued of instant.items) {
          if (queued.type === 'fault') continue;
          if (queued.type === 'client-timeout') {
            const request = requests.get(queued.req);
            if (request) complete(queued.req, { t, type: 'timeout', req: queued.req, client: request.client, node: request.node });
            continue;
          }
          if (queued.type === 'invoke') {
            history.push({ t, type: 'invoke', req: queued.req, client: queued.client, node: queued.node, op: queued.op });
            requests.set(queued.req, { client: queued.client, node: queued.node, delivered: false });
            queue.push(t + w.timeoutMs, { type: 'client-timeout', req: queued.req });
          }
          const item = queued.type === 'invoke' ? { ...queued, type: 'request' as const } : queued;
          const id = item.type === 'deliver' ? item.to : item.node;
          const state = nodes.get(id)!;
          if (item.type === 'timer' && (item.incarnation !== state.incarnation || cancelled.has(timerKey(id, item.incarnation, item.timerId)))) continue;
          if (!state.hosted) {
            if (item.type === 'deliver') history.push({ t, type: 'drop', msg: item.msg, from: item.from, to: item.to, reason: 'node down' });
            if (item.type === 'request') complete(item.req, { t, type: 'fail', req: item.req, client: item.client, node: item.node, reason: 'the node is down' });
            continue;
          }
          if (item.type === 'deliver' && (cutLinks.get(linkKey(item.from, item.to)) ?? 0) > 0) {
            history.push({ t, type: 'drop', msg: item.msg, from: item.from, to: item.to, reason: 'partition' });
            continue;
          }
          if (state.paused) {
            state.held.push(item);
            continue;
          }
          if (item.type === 'deliver') {
            history.push({ t, type: 'deliver', msg: item.msg, from: item.from, to: item.to });
            toNode(id, { type: 'message', from: item.from, body: item.body });
          } else if (item.type === 'timer') {
            history.push({ t, type: 'timer', node: id, tag: item.tag });
            toNode(id, { type: 'timer', timerId: item.timerId, tag: item.tag });
          } else {
            const request = requests.get(item.req);
            if (!request) continue;
            request.delivered = true;
            toNode(id, { type: 'client', request: { id: item.req, client: item.client, op: item.op } });
          }
        }
        const stepped = await Promise.all(
          [...batches].map(async ([id, inputs]): Promise<[string, unknown]> => [id, await nodes.get(id)!.hosted!.step({ now: t + skew(id), inputs })]),
        );
        for (const [id, raw] of [...effectsOut, ...stepped]) applyEffects(t, id, raw);
      }
      for (const state of nodes.values()) await state.hosted?.close();
      return { history, hash: historyHash(history), config };
    },
  };
}
