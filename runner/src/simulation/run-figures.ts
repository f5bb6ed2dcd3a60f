import { clientOperations, duringFault, faultWindows } from './client-operations.js';
import type { HistoryEvent } from './history.js';

export interface Availability {
  /** Percent of requests answered ok, of those invoked while a fault was in force; null when there were none. */
  duringFaults: number | null;
  outsideFaults: number | null;
  requestsDuringFaults: number;
  requestsOutsideFaults: number;
}

export interface RunFigures {
  /** Virtual ms from invocation to an ok answer. */
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  availability: Availability;
  clientOperations: number;
  messagesSent: number;
  messagesDelivered: number;
  messagesPerOperation: number;
  bytesSent: number;
}

/** What a reviewer reads beside the checkers' verdicts, all from the history alone. */
export function runFigures(history: readonly HistoryEvent[]): RunFigures {
  const operations = clientOperations(history);
  const latencies = operations.flatMap((o) => (o.outcome === 'ok' ? [o.completedAt! - o.invokedAt] : [])).sort((a, b) => a - b);
  let messagesSent = 0;
  let messagesDelivered = 0;
  let bytesSent = 0;
  for (const event of history) {
    if (event.type === 'send') [messagesSent, bytesSent] = [messagesSent + 1, bytesSent + event.bytes];
    else if (event.type === 'deliver') messagesDelivered++;
  }
  return {
    latencyMs: latencies.length === 0 ? null : { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1)! },
    availability: availability(history),
    clientOperations: operations.length,
    messagesSent,
    messagesDelivered,
    messagesPerOperation: operations.length === 0 ? 0 : messagesSent / operations.length,
    bytesSent,
  };
}

export function availability(history: readonly HistoryEvent[]): Availability {
  const windows = faultWindows(history);
  const counts = { during: [0, 0], outside: [0, 0] };
  for (const o of clientOperations(history)) {
    const bucket = duringFault(windows, o.invokedAt) ? counts.during : counts.outside;
    bucket[0]!++;
    if (o.outcome === 'ok') bucket[1]!++;
  }
  const percent = ([all, ok]: number[]) => (all === 0 ? null : (100 * ok!) / all!);
  return { duringFaults: percent(counts.during), outsideFaults: percent(counts.outside), requestsDuringFaults: counts.during[0]!, requestsOutsideFaults: counts.outside[0]! };
}

/** Nearest rank: always a latency that some request had. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
