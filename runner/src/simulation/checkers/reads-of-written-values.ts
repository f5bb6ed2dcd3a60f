import type { HistoryEvent } from '../history.js';
import { failed, passed, type CheckResult } from './check-result.js';
import { registerOperations, quoted } from './register-operations.js';

/** Every value a read returns was written by some client, invoked before the read answered. */
export function checkReadsOfWrittenValues(history: readonly HistoryEvent[]): CheckResult {
  const name = 'reads return written values';
  const operations = registerOperations(history);
  const writtenAt = new Map(operations.filter((o) => o.kind === 'write').map((o) => [`${o.key}|${o.value}`, o.invokedAt]));
  for (const read of operations) {
    if (read.kind !== 'read' || read.outcome !== 'ok' || read.value === null) continue;
    const at = writtenAt.get(`${read.key}|${read.value}`);
    if (at === undefined || at > read.completedAt!) {
      return failed(name, `Request ${read.req} read ${quoted(read.value)} from key ${read.key} on ${read.node}, a value no client had written to that key.`, read.slice);
    }
  }
  return passed(name);
}
