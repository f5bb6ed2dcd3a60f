import type { HistoryEvent, Json, SliceEvent } from './history.js';

/** One client request from its invocation to its outcome, with where both sit in the history. */
export interface ClientOperation {
  req: string;
  client: string;
  node: string;
  op: Json;
  invokedAt: number;
  /** When the outcome was recorded; undefined while none was (the run ended first). */
  completedAt: number | undefined;
  outcome: 'ok' | 'fail' | 'timeout' | 'pending';
  reply: Json | undefined;
  slice: SliceEvent[];
}

export function clientOperations(history: readonly HistoryEvent[]): ClientOperation[] {
  const byReq = new Map<string, ClientOperation>();
  for (const [index, event] of history.entries()) {
    if (event.type === 'invoke') {
      byReq.set(event.req, { req: event.req, client: event.client, node: event.node, op: event.op, invokedAt: event.t, completedAt: undefined, outcome: 'pending', reply: undefined, slice: [{ index, event }] });
    } else if (event.type === 'ok' || event.type === 'fail' || event.type === 'timeout') {
      const operation = byReq.get(event.req);
      if (!operation) continue;
      operation.completedAt = event.t;
      operation.outcome = event.type;
      operation.reply = event.type === 'ok' ? event.reply : undefined;
      operation.slice.push({ index, event });
    }
  }
  return [...byReq.values()];
}

/** Windows of virtual time while some fault was in force; one never ended runs to Infinity. */
export function faultWindows(history: readonly HistoryEvent[]): Array<{ start: number; end: number }> {
  const open = new Map<string, number[]>();
  const windows: Array<{ start: number; end: number }> = [];
  const ends = { heal: 'partition', restart: 'crash', resume: 'pause' } as const;
  for (const event of history) {
    if (event.type === 'partition' || event.type === 'crash' || event.type === 'pause') {
      const key = `${event.type}|${'node' in event ? event.node : JSON.stringify(event.groups)}`;
      open.set(key, [...(open.get(key) ?? []), event.t]);
    } else if (event.type === 'heal' || event.type === 'restart' || event.type === 'resume') {
      const key = `${ends[event.type]}|${'node' in event ? event.node : JSON.stringify(event.groups)}`;
      const start = open.get(key)?.shift();
      if (start !== undefined) windows.push({ start, end: event.t });
    }
  }
  for (const starts of open.values()) for (const start of starts) windows.push({ start, end: Infinity });
  return windows;
}

export const duringFault = (windows: Array<{ start: number; end: number }>, t: number) => windows.some((w) => t >= w.start && t < w.end);
