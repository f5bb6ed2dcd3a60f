import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './history.js';
import { runFigures } from './run-figures.js';

describe('run figures', () => {
  it('measures latency of ok answers, availability during and outside faults, messages per operation and bytes', () => {
    const op = { type: 'read', key: 'k' };
    const history: HistoryEvent[] = [
      { t: 0, type: 'invoke', req: 'r1', client: 'c0', node: 'a', op },
      { t: 1, type: 'send', msg: 'm1', from: 'a', to: 'b', bytes: 10, body: 'xxxxxxxx' },
      { t: 3, type: 'deliver', msg: 'm1', from: 'a', to: 'b' },
      { t: 4, type: 'ok', req: 'r1', client: 'c0', node: 'a', reply: { value: null } },
      { t: 5, type: 'crash', node: 'b' },
      { t: 6, type: 'invoke', req: 'r2', client: 'c0', node: 'a', op },
      { t: 6, type: 'send', msg: 'm2', from: 'a', to: 'b', bytes: 20, body: 'x' },
      { t: 7, type: 'drop', msg: 'm2', from: 'a', to: 'b', reason: 'node down' },
      { t: 16, type: 'timeout', req: 'r2', client: 'c0', node: 'a' },
      { t: 20, type: 'restart', node: 'b' },
      { t: 21, type: 'invoke', req: 'r3', client: 'c0', node: 'a', op },
      { t: 29, type: 'ok', req: 'r3', client: 'c0', node: 'a', reply: { value: null } },
    ];
    expect(runFigures(history)).toEqual({
      latencyMs: { p50: 4, p95: 8, p99: 8, max: 8 },
      availability: { duringFaults: 0, outsideFaults: 100, requestsDuringFaults: 1, requestsOutsideFaults: 2 },
      clientOperations: 3,
      messagesSent: 2,
      messagesDelivered: 1,
      messagesPerOperation: 2 / 3,
      bytesSent: 30,
    });
  });
});
