import type { HistoryEvent } from '../history.js';
import { failed, passed, type CheckResult } from './check-result.js';
import { isLinearizableRegister, minimalNonLinearizable, SEARCH_LIMIT, type RegisterCall } from './register-linearizability.js';
import { registerOperations, quoted } from './register-operations.js';

/**
 * Each key's history is linearizable: some order of its operations, each placed between its
 * invocation and its answer, explains every read. Reads that got no answer say nothing and
 * are left out; writes that got none may have happened at any later time.
 */
export function checkLinearizableRegisters(history: readonly HistoryEvent[]): CheckResult {
  const name = 'linearizable registers';
  const byKey = new Map<string, ReturnType<typeof registerOperations>>();
  for (const o of registerOperations(history)) {
    if (o.kind === 'read' && o.outcome !== 'ok') continue;
    byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  }
  for (const [key, operations] of byKey) {
    const calls: RegisterCall[] = operations.map((o) => ({
      kind: o.kind,
      value: o.value ?? null,
      invokedAt: o.invokedAt,
      completedAt: o.outcome === 'ok' ? o.completedAt! : Infinity,
    }));
    const verdict = isLinearizableRegister(calls);
    if (verdict === undefined) {
      throw new Error(`Key ${key}'s history of ${calls.length} operations is too large to check for linearizability within ${SEARCH_LIMIT} search steps; give the workload more keys or fewer operations per key.`);
    }
    if (verdict) continue;
    const culprits = minimalNonLinearizable(calls).map((i) => operations[i]!);
    const told = culprits.map((o) => `${o.req} ${o.kind === 'write' ? `wrote ${quoted(o.value)}` : `read ${quoted(o.value)}`} on ${o.node} [${o.invokedAt}, ${o.outcome === 'ok' ? o.completedAt : '?'}]`);
    return failed(name, `Key ${key} is not linearizable: no order of these ${culprits.length} operations, each taking effect between its call and its answer (virtual ms), explains what was read: ${told.join('; ')}.`, culprits.flatMap((o) => o.slice));
  }
  return passed(name);
}
