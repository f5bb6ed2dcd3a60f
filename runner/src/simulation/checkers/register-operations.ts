import { clientOperations, type ClientOperation } from '../client-operations.js';
import type { HistoryEvent } from '../history.js';
import { FINAL_CLIENT_PREFIX, registerOp } from '../workload.js';
import { z } from 'zod';

const readReply = z.object({ value: z.string().nullable() });

export interface RegisterOperation extends ClientOperation {
  kind: 'read' | 'write';
  key: string;
  /** The value written, or the value an ok read returned (null: the key was empty). */
  value: string | null | undefined;
  final: boolean;
}

/** The history's register requests, typed; requests of any other shape are not the register workload's and are left out. */
export function registerOperations(history: readonly HistoryEvent[]): RegisterOperation[] {
  return clientOperations(history).flatMap((operation) => {
    const op = registerOp.safeParse(operation.op);
    if (!op.success) return [];
    const read = readReply.safeParse(operation.reply);
    const value = op.data.type === 'write' ? op.data.value : read.success ? read.data.value : undefined;
    return [{ ...operation, kind: op.data.type, key: op.data.key, value, final: operation.client.startsWith(FINAL_CLIENT_PREFIX) }];
  });
}

export const quoted = (value: string | null | undefined) => (value === null || value === undefined ? 'nothing' : `"${value}"`);
