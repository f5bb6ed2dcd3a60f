import { clientOperations } from '../client-operations.js';
import type { HistoryEvent } from '../history.js';
import { admissionReply } from '../workload.js';
import { failed, passed, type CheckResult } from './check-result.js';

/** In each fixed window of virtual time, admissions (counted when answered) stay within the limit plus the declared tolerance. */
export function checkAdmissionBound(history: readonly HistoryEvent[], bound: { limit: number; windowMs: number; tolerance: number }): CheckResult {
  const name = 'global admission bound';
  const allowed = Math.floor(bound.limit * (1 + bound.tolerance));
  const admitted = clientOperations(history).filter((o) => o.outcome === 'ok' && admissionReply.safeParse(o.reply).data?.admitted === true);
  const byWindow = new Map<number, typeof admitted>();
  for (const o of admitted) {
    const window = Math.floor(o.completedAt! / bound.windowMs);
    byWindow.set(window, [...(byWindow.get(window) ?? []), o]);
  }
  for (const [window, inWindow] of byWindow) {
    if (inWindow.length <= allowed) continue;
    const start = window * bound.windowMs;
    return failed(
      name,
      `Between ${start} and ${start + bound.windowMs} virtual ms the nodes admitted ${inWindow.length} requests; the limit is ${bound.limit} with a tolerance of ${bound.tolerance * 100}% (at most ${allowed}). The slice shows the first ${allowed + 1}.`,
      inWindow.slice(0, allowed + 1).flatMap((o) => o.slice),
    );
  }
  return passed(name);
}
