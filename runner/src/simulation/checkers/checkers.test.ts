import { describe, expect, it } from 'vitest';
import type { HistoryEvent, Json } from '../history.js';
import { checkAvailabilityFloor } from './availability-floor.js';
import { checkConvergence } from './convergence.js';
import { checkNoLostWrites } from './no-lost-writes.js';
import { checkReadsOfWrittenValues } from './reads-of-written-values.js';

/** A hand-written history: [req, client, node, op, invokedAt, outcome, completedAt, reply]. */
function history(...ops: Array<[string, string, string, Json, number, 'ok' | 'timeout', number, Json?]>): HistoryEvent[] {
  const events = ops.flatMap(([req, client, node, op, at, outcome, end, reply]): HistoryEvent[] => [
    { t: at, type: 'invoke', req, client, node, op },
    outcome === 'ok' ? { t: end, type: 'ok', req, client, node, reply: reply ?? null } : { t: end, type: 'timeout', req, client, node },
  ]);
  return events.sort((a, b) => a.t - b.t);
}

describe('register checkers on hand-written histories', () => {
  it('a read of a value nobody wrote fails, naming the read', () => {
    const h = history(['r1', 'c0', 'n1', { type: 'write', key: 'k', value: 'a' }, 0, 'ok', 5, { ok: true }], ['r2', 'c1', 'n2', { type: 'read', key: 'k' }, 6, 'ok', 8, { value: 'b' }]);
    expect(checkReadsOfWrittenValues(h)).toMatchObject({ ok: false, message: 'Request r2 read "b" from key k on n2, a value no client had written to that key.' });
  });

  it('a final read of nothing after an acknowledged write is a lost write; an unacknowledged one is not', () => {
    const lost = history(['r1', 'c0', 'n1', { type: 'write', key: 'k', value: 'a' }, 0, 'ok', 5, { ok: true }], ['r2', 'final:n2', 'n2', { type: 'read', key: 'k' }, 100, 'ok', 101, { value: null }]);
    expect(checkNoLostWrites(lost)).toMatchObject({ ok: false, message: expect.stringContaining('The write of "a" to key k (request r1) was acknowledged, but after every fault healed n2 read nothing') });
    const unknown = history(['r1', 'c0', 'n1', { type: 'write', key: 'k', value: 'a' }, 0, 'timeout', 50], ['r2', 'final:n2', 'n2', { type: 'read', key: 'k' }, 100, 'ok', 101, { value: null }]);
    expect(checkNoLostWrites(unknown)).toMatchObject({ ok: true });
  });

  it('a node that does not answer its final read has not converged', () => {
    const h = history(['r1', 'final:n1', 'n1', { type: 'read', key: 'k' }, 100, 'ok', 101, { value: null }], ['r2', 'final:n2', 'n2', { type: 'read', key: 'k' }, 100, 'timeout', 200]);
    expect(checkConvergence(h)).toMatchObject({ ok: false, message: 'n2 did not answer the final read of key k (timeout), though every fault had healed: it has not recovered.' });
  });

  it('availability below the floor during faults fails with the unanswered requests', () => {
    const h: HistoryEvent[] = [
      { t: 10, type: 'partition', groups: [['n1'], ['n2']] },
      ...history(['r1', 'c0', 'n1', { type: 'read', key: 'k' }, 20, 'timeout', 120], ['r2', 'c1', 'n2', { type: 'read', key: 'k' }, 30, 'ok', 31, { value: null }]),
      { t: 200, type: 'heal', groups: [['n1'], ['n2']] },
      ...history(['r3', 'c0', 'n1', { type: 'read', key: 'k' }, 300, 'ok', 301, { value: null }]),
    ];
    expect(checkAvailabilityFloor(h, { duringFaults: 50, outsideFaults: 100 })).toMatchObject({ ok: true });
    const result = checkAvailabilityFloor(h, { duringFaults: 75, outsideFaults: 100 });
    expect(result).toMatchObject({ ok: false, message: '50.0% of the client requests made during faults were answered ok; the challenge asks for at least 75%. The slice shows the first 1 of 1 that were not.' });
    expect(!result.ok && result.slice.map((s) => s.event.type)).toEqual(['invoke', 'timeout']);
  });
});
