import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';

const node = z.string();
const json = z.json();
/** Any JSON value: message bodies, operations and replies. */
export type Json = z.infer<typeof json>;
const groups = z.array(z.array(z.string()));

/** One entry of a run's history: everything that happened, in the order it happened, at virtual time `t` (ms). */
export const historyEvent = z.discriminatedUnion('type', [
  z.object({ t: z.number(), type: z.literal('start'), node, incarnation: z.number().int() }),
  z.object({ t: z.number(), type: z.literal('send'), msg: z.string(), from: node, to: node, bytes: z.number().int(), body: json }),
  z.object({ t: z.number(), type: z.literal('deliver'), msg: z.string(), from: node, to: node }),
  z.object({ t: z.number(), type: z.literal('drop'), msg: z.string(), from: node, to: node, reason: z.enum(['loss', 'partition', 'node down']) }),
  z.object({ t: z.number(), type: z.literal('timer'), node, tag: z.string() }),
  z.object({ t: z.number(), type: z.literal('invoke'), req: z.string(), client: z.string(), node, op: json }),
  z.object({ t: z.number(), type: z.literal('ok'), req: z.string(), client: z.string(), node, reply: json }),
  /** A definite failure (node down) or an answer that is an error or malformed; a write's effect is then unknown. */
  z.object({ t: z.number(), type: z.literal('fail'), req: z.string(), client: z.string(), node, reason: z.string() }),
  z.object({ t: z.number(), type: z.literal('timeout'), req: z.string(), client: z.string(), node }),
  z.object({ t: z.number(), type: z.enum(['partition', 'heal']), groups }),
  z.object({ t: z.number(), type: z.enum(['crash', 'restart', 'pause', 'resume']), node }),
  z.object({ t: z.number(), type: z.literal('node-error'), node, message: z.string() }),
]);
export type HistoryEvent = z.infer<typeof historyEvent>;
export const history = z.array(historyEvent);

/** JSON Lines, each event in RFC 8785 canonical form: equal histories are equal bytes, whatever built them. */
export function serializeHistory(events: readonly HistoryEvent[]): string {
  let out = '';
  for (const event of events) out += `${canonicalize(event)}\n`;
  return out;
}

export function historyHash(events: readonly HistoryEvent[]): string {
  // Line by line: a 20,000-message history never has to exist as one string just to be hashed.
  const hash = createHash('sha256');
  for (const event of events) hash.update(`${canonicalize(event)}\n`);
  return hash.digest('hex');
}

/** A history event with its position, as checkers name the slice that fails. */
export interface SliceEvent {
  index: number;
  event: HistoryEvent;
}
