import type { HistoryEvent } from '../history.js';
import { failed, passed, type CheckResult } from './check-result.js';
import { registerOperations, quoted } from './register-operations.js';

/**
 * Every node answers the final reads (taken the workload's `finalReadsAfterMs` after the last
 * fault healed and the clients stopped), and all of them agree on each key.
 */
export function checkConvergence(history: readonly HistoryEvent[]): CheckResult {
  const name = 'replicas converge after healing';
  const finals = registerOperations(history).filter((o) => o.final);
  const unanswered = finals.find((o) => o.outcome !== 'ok');
  if (unanswered) {
    return failed(name, `${unanswered.node} did not answer the final read of key ${unanswered.key} (${unanswered.outcome}), though every fault had healed: it has not recovered.`, unanswered.slice);
  }
  for (const read of finals) {
    const other = finals.find((o) => o.key === read.key && o.value !== read.value);
    if (other) {
      return failed(name, `After every fault healed, ${read.node} read ${quoted(read.value)} from key ${read.key} but ${other.node} read ${quoted(other.value)}: the replicas had not converged.`, [...read.slice, ...other.slice]);
    }
  }
  return passed(name);
}
