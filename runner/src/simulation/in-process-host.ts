import { createSeededRandom } from './seeded-random.js';
import type { CandidateNode, NodeClass, NodeContext } from './node-api.js';
import type { HostedNode, NodeEffects, NodeHost, NodeInit, NodeInput } from './node-host.js';

/** Effects as the candidate's code made them: bodies are whatever it passed, until the simulator parses them. */
interface RawEffects extends Omit<NodeEffects, 'sends' | 'replies'> {
  sends: Array<{ to: string; body: unknown }>;
  replies: Array<{ requestId: string; body: unknown }>;
}

const noEffects = (): RawEffects => ({ sends: [], replies: [], timers: [], cancels: [], errors: [] });

/**
 * What crosses between a node and the simulator is copied, as it would be serialised into and
 * out of a sandbox: a node that mutates a body after sending it, or a body it received, must
 * not rewrite the history or another node's copy. A value JSON cannot carry (undefined, a
 * function, a cycle) throws here, inside the handler, and becomes the node's recorded error.
 */
function copied<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`a body must be a JSON value, not ${typeof value}`);
  return JSON.parse(text);
}

/**
 * Runs a JavaScript `Node` class in this process: the simulator's tests, and the behaviour a
 * sandbox host mirrors frame for frame (construct, then one `step` per batch, effects back).
 */
export function createInProcessHost(deps: { nodeClass: NodeClass }): NodeHost {
  return {
    async open(init: NodeInit) {
      const random = createSeededRandom(init.seed);
      let now = init.now;
      let effects = noEffects();
      let timerCount = 0;
      const ctx: NodeContext = {
        send: (to, body) => void effects.sends.push({ to, body: copied(body) }),
        reply: (request, body) => void effects.replies.push({ requestId: request.id, body: copied(body) }),
        setTimer: (ms, tag) => {
          const timerId = `t${++timerCount}`;
          effects.timers.push({ timerId, ms, tag });
          return timerId;
        },
        cancelTimer: (timerId) => void effects.cancels.push(timerId),
        now: () => now,
        random: () => random.next(),
      };
      const guarded = (what: string, run: () => void) => {
        try {
          run();
        } catch (error) {
          effects.errors.push(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      let instance: CandidateNode | undefined;
      guarded('the constructor', () => (instance = new deps.nodeClass(init.nodeId, init.peerIds, ctx)));
      const take = (): RawEffects => {
        const taken = effects;
        effects = noEffects();
        return taken;
      };
      const deliver = (input: NodeInput) => {
        if (!instance) return;
        const node = instance;
        if (input.type === 'message') guarded('onMessage', () => node.onMessage?.(input.from, copied(input.body)));
        else if (input.type === 'client') guarded('onClientRequest', () => node.onClientRequest?.(copied(input.request)));
        else guarded('onTimer', () => node.onTimer?.(input.tag));
      };
      const hosted: HostedNode = {
        async step(batch) {
          now = batch.now;
          for (const input of batch.inputs) deliver(input);
          return take();
        },
        async close() {},
      };
      return { node: hosted, effects: take() };
    },
  };
}
