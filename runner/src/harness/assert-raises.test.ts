import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { ChallengeInterface } from '@assay/contract';
import { createAssertRaises } from './assert-raises.js';
import { kindOfName } from './portable-error.js';
import { CandidateError } from './suite.js';
import { suiteFaultMessage } from './suite-fault-message.js';

const assertRaises = createAssertRaises(['CircuitOpenError']);
const raised = (type: string, lineage = [type]) => Promise.reject(new CandidateError(type, 'why', undefined, lineage));

describe('assertRaises', () => {
  it.each([
    ['RangeError', 'invalid-argument'],
    ['TypeError', 'invalid-argument'],
    ['ValueError', 'invalid-argument'],
    ['KeyError', 'not-found'],
    ['NotFoundError', 'not-found'],
    ['RuntimeError', 'state-conflict'],
    ['CircuitOpenError', 'circuit-open'],
  ])('counts %s as %s', async (type, kind) => {
    await expect(assertRaises(raised(type), kind)).resolves.toMatchObject({ errorType: type });
  });

  it('counts a subclass by its lineage, and takes a function as well as a promise', async () => {
    await expect(assertRaises(() => raised('BadKey', ['BadKey', 'ValueError', 'Exception']), 'invalid-argument')).resolves.toBeInstanceOf(CandidateError);
  });

  it('fails with a sentence naming the kind, its classes and what happened instead', async () => {
    await expect(assertRaises(raised('KeyError'), 'invalid-argument')).rejects.toThrow(
      new AssertionError({ message: 'expected your code to raise invalid-argument (RangeError or TypeError or ValueError), but it raised KeyError: why' }),
    );
    await expect(assertRaises(Promise.resolve({ a: 1 }), 'circuit-open')).rejects.toThrow('expected your code to raise circuit-open (CircuitOpenError), but it returned {"a":1}');
  });

  it("is the suite's fault to name a kind that is neither built in nor declared, or to make a call the interface refuses", async () => {
    await expect(assertRaises(raised('KeyError'), 'circuit-closed')).rejects.toThrow(/^assertRaises names the error kind "circuit-closed", which is neither built in nor declared; use one of invalid-argument, not-found, state-conflict, circuit-open/);
    await expect(assertRaises(raised('AgentError'), 'not-found')).rejects.toMatchObject({ errorType: 'AgentError' });
    const mistake = await assertRaises(raised('KeyError'), 'circuit-closed').catch((error: unknown) => error);
    expect(suiteFaultMessage(mistake, '/suites/breaker.suite.ts')).toMatch(/^the suite \(breaker\.suite\.ts(:\d+)?\) has a mistake: assertRaises names the error kind "circuit-closed"/);
  });
});

describe('declared errors', () => {
  it('are named like CircuitOpenError, and their kind is the name in kebab case without Error', () => {
    expect(kindOfName('CircuitOpenError')).toBe('circuit-open');
    expect(kindOfName('HTTP2TimeoutError')).toBe('http2-timeout');
    const manifestInterface = { functions: { f: [] } };
    expect(ChallengeInterface.safeParse({ ...manifestInterface, errors: { CircuitOpenError: 'when open' } }).success).toBe(true);
    // zod reports a bad record key as "Invalid key in record", with the key's own issue inside.
    const refused = ChallengeInterface.safeParse({ ...manifestInterface, errors: { circuitOpen: 'when open' } });
    expect(JSON.stringify(refused.error?.issues)).toContain('must be a class name ending in Error, like CircuitOpenError');
  });
});
