import { describe, expect, it } from 'vitest';
import { checkAdmissionBound } from './checkers/admission-bound.js';
import { checkAvailabilityFloor } from './checkers/availability-floor.js';
import { checkConvergence } from './checkers/convergence.js';
import { checkLinearizableRegisters } from './checkers/linearizable-registers.js';
import { checkNoLostWrites } from './checkers/no-lost-writes.js';
import { checkReadsOfWrittenValues } from './checkers/reads-of-written-values.js';
import { createSimulator } from './create-simulator.js';
import { AckBeforeReplicateRegister } from './example-nodes/ack-before-replicate-register.js';
import { localOnlyLimiter, splitBudgetLimiter } from './example-nodes/limiters.js';
import { QuorumRegister } from './example-nodes/quorum-register.js';
import { admissionScenario, registerScenario } from './example-nodes/scenarios.js';
import { createInProcessHost } from './in-process-host.js';
import type { NodeClass } from './node-api.js';
import { runFigures } from './run-figures.js';

const simulate = (nodeClass: NodeClass, config: unknown) => createSimulator({ host: createInProcessHost({ nodeClass }) }).run(config);
const registerCheckers = [checkLinearizableRegisters, checkNoLostWrites, checkConvergence, checkReadsOfWrittenValues];

describe('in-process nodes under a nemesis (partition, crash, pause, clock skew, loss, duplication)', () => {
  it.each([1, 2])('a quorum register passes every register checker (seed %i), unavailable only on the minority side', async (seed) => {
    const { history } = await simulate(QuorumRegister, registerScenario(seed));
    expect(registerCheckers.map((check) => check(history))).toEqual(registerCheckers.map((check) => ({ checker: check(history).checker, ok: true })));
    expect(checkAvailabilityFloor(history, { duringFaults: 60, outsideFaults: 95 })).toMatchObject({ ok: true });
    const figures = runFigures(history);
    expect(figures.availability.duringFaults!).toBeLessThan(figures.availability.outsideFaults!);
    expect(figures.messagesPerOperation).toBeGreaterThan(8);
  });

  it('acknowledging before replicating is caught: lost writes, diverged replicas, and a non-linearizable key with its three operations', async () => {
    const { history } = await simulate(AckBeforeReplicateRegister, registerScenario(1));
    const linearizable = checkLinearizableRegisters(history);
    expect(linearizable).toMatchObject({ ok: false, message: expect.stringMatching(/^Key k\d is not linearizable: no order of these 3 operations/) });
    expect(!linearizable.ok && linearizable.slice.map((s) => s.event.type)).toEqual(['invoke', 'ok', 'invoke', 'ok', 'invoke', 'ok']);
    expect(checkNoLostWrites(history)).toMatchObject({ ok: false, message: expect.stringMatching(/was acknowledged, but after every fault healed n\d read ".+", written by request r\d+, which had finished before it began/) });
    const convergence = checkConvergence(history);
    expect(convergence).toMatchObject({ ok: false, message: expect.stringMatching(/the replicas had not converged/) });
    expect(!convergence.ok && convergence.slice).toHaveLength(4);
    expect(checkReadsOfWrittenValues(history)).toMatchObject({ ok: true });
  });

  it('a limiter splitting the budget keeps the global bound through a partition; one counting only locally is caught with the admissions that broke it', async () => {
    const bound = { limit: 50, windowMs: 1_000, tolerance: 0.1 };
    expect(checkAdmissionBound((await simulate(splitBudgetLimiter(50, 1_000), admissionScenario(1))).history, bound)).toMatchObject({ ok: true });
    const local = checkAdmissionBound((await simulate(localOnlyLimiter(50, 1_000), admissionScenario(1))).history, bound);
    expect(local).toMatchObject({ ok: false, message: expect.stringMatching(/^Between \d+ and \d+ virtual ms the nodes admitted \d+ requests; the limit is 50 with a tolerance of 10% \(at most 55\)/) });
    expect(!local.ok && local.slice.filter((s) => s.event.type === 'ok')).toHaveLength(56);
  });
});
