import { clientOperations, duringFault, faultWindows } from '../client-operations.js';
import type { HistoryEvent } from '../history.js';
import { availability } from '../run-figures.js';
import { failed, passed, type CheckResult } from './check-result.js';

const SHOWN = 10;

/** Liveness: the share of client requests answered ok, during faults and outside them, reaches the challenge's floors (percent). */
export function checkAvailabilityFloor(history: readonly HistoryEvent[], floor: { duringFaults: number; outsideFaults: number }): CheckResult {
  const name = 'availability';
  const figures = availability(history);
  const windows = faultWindows(history);
  for (const [during, measured, wanted] of [[true, figures.duringFaults, floor.duringFaults], [false, figures.outsideFaults, floor.outsideFaults]] as const) {
    if (measured === null || measured >= wanted) continue;
    const unanswered = clientOperations(history).filter((o) => o.outcome !== 'ok' && duringFault(windows, o.invokedAt) === during);
    return failed(
      name,
      `${measured.toFixed(1)}% of the client requests ${during ? 'made during faults' : 'made outside faults'} were answered ok; the challenge asks for at least ${wanted}%. The slice shows the first ${Math.min(SHOWN, unanswered.length)} of ${unanswered.length} that were not.`,
      unanswered.slice(0, SHOWN).flatMap((o) => o.slice),
    );
  }
  return passed(name);
}
