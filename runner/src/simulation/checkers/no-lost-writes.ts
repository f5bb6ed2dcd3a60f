import type { HistoryEvent } from '../history.js';
import { failed, passed, type CheckResult } from './check-result.js';
import { registerOperations, quoted } from './register-operations.js';

/**
 * After every fault healed, each key's final reads must show a write no acknowledged write
 * came strictly after: a value older than an acknowledged write (or nothing at all) means
 * that write was lost. Requires a successful final read of every written key.
 */
export function checkNoLostWrites(history: readonly HistoryEvent[]): CheckResult {
  const name = 'no acknowledged write lost';
  const operations = registerOperations(history);
  const writes = operations.filter((o) => o.kind === 'write');
  const writeOf = new Map(writes.map((w) => [`${w.key}|${w.value}`, w]));
  for (const key of new Set(writes.map((w) => w.key))) {
    const finals = operations.filter((o) => o.final && o.key === key && o.outcome === 'ok');
    if (finals.length === 0) {
      const unanswered = operations.filter((o) => o.final && o.key === key);
      return failed(name, `No final read of key ${key} was answered, so whether its acknowledged writes survived cannot be shown; a node must answer reads once the faults have healed.`, unanswered.flatMap((o) => o.slice));
    }
    for (const final of finals) {
      const shown = final.value === null ? undefined : writeOf.get(`${key}|${final.value}`);
      // A write whose answer never came may have taken effect at any time, so nothing can be said to come after it.
      if (shown && shown.outcome !== 'ok') continue;
      const lost = writes.find((w) => w.key === key && w.outcome === 'ok' && (!shown || shown.completedAt! < w.invokedAt));
      if (!lost) continue;
      return failed(
        name,
        `The write of ${quoted(lost.value)} to key ${key} (request ${lost.req}) was acknowledged, but after every fault healed ${final.node} read ${quoted(final.value)}${shown ? `, written by request ${shown.req}, which had finished before it began` : ''}: the acknowledged write was lost.`,
        [...lost.slice, ...(shown?.slice ?? []), ...final.slice],
      );
    }
  }
  return passed(name);
}
