import { z } from 'zod';
import type { Json } from './history.js';

/**
 * Checked by hand rather than with `z.json()`, whose recursive union cost a fifth of a run's
 * time: a body is checked once per message, 20,000 times a run.
 */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJson);
}
const body = z.custom<Json>(isJson, { message: 'a body must be a JSON value (null, boolean, finite number, string, array or plain object of these)' });

/** What a node receives in one step: every event of one virtual instant, in queue order. */
export const nodeInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), from: z.string(), body: z.json() }),
  z.object({ type: z.literal('client'), request: z.object({ id: z.string(), client: z.string(), op: z.json() }) }),
  z.object({ type: z.literal('timer'), timerId: z.string(), tag: z.string() }),
]);
export type NodeInput = z.infer<typeof nodeInput>;

export interface NodeBatch {
  /** Virtual time of the instant, already shifted by the node's clock skew. */
  now: number;
  inputs: NodeInput[];
}

/**
 * What a node did in answer to a batch (or to being constructed). It crosses the trust
 * boundary from the candidate's code, so the simulator parses it with this schema; a reply or
 * timer a node had no right to make is recorded as the node's error, never obeyed.
 */
export const nodeEffects = z.object({
  sends: z.array(z.object({ to: z.string(), body })),
  replies: z.array(z.object({ requestId: z.string(), body })),
  timers: z.array(z.object({ timerId: z.string(), ms: z.number().finite().nonnegative(), tag: z.string() })),
  cancels: z.array(z.string()),
  /** Sentences for handlers that threw: the candidate's failure, recorded in the history as data. */
  errors: z.array(z.string()),
});
export type NodeEffects = z.infer<typeof nodeEffects>;

export interface NodeInit {
  nodeId: string;
  peerIds: string[];
  /** Seeds the node's `random()`; a restarted node gets a new one (its incarnation is part of it). */
  seed: number;
  now: number;
}

/** One running instance of a candidate's node; a crash closes it and a restart opens a fresh one. */
export interface HostedNode {
  step(batch: NodeBatch): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Where nodes run: in this process (`in-process-host.ts`, for tests and the shape to mirror) or
 * in a sandbox each (the agent's `op: "step"` frame, see README). Returns are `unknown` on
 * purpose: the simulator parses them with `nodeEffects`.
 */
export interface NodeHost {
  open(init: NodeInit): Promise<{ node: HostedNode; effects: unknown }>;
}
