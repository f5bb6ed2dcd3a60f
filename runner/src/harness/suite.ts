export { PortableError } from './portable-error.js';

/**
 * The API a challenge author writes tests against, once, in TypeScript. The same suite
 * grades every language the challenge offers: tests never touch candidate code directly,
 * they drive it through `sut`, which forwards each call over the sandbox channel.
 *
 *   import { defineSuite } from '@assay/runner/harness';
 *   import assert from 'node:assert/strict';
 *
 *   export default defineSuite(({ test }) => {
 *     test('a full bucket allows a burst of `capacity`', { category: 'correctness', requirements: ['burst'] }, async ({ sut, clock }) => {
 *       const now = clock(0);
 *       const limiter = await sut.create('RateLimiter', 3, 1, now);
 *       for (let i = 0; i < 3; i++) assert.equal(await limiter.call('tryAcquire', 'a', 1), true);
 *       assert.equal(await limiter.call('tryAcquire', 'a', 1), false);
 *     });
 *   });
 *
 * Expected values live only here, on the trusted side: nothing but calls and their
 * arguments ever enters the sandbox.
 */
export interface SuiteApi {
  test(name: string, options: TestOptions, body: TestBody): void;
}

export interface TestOptions {
  /** A key of `tests.categories` in challenge.yaml. */
  category: string;
  /**
   * Ids of the challenge.yaml `requirements` this test checks: its result shows their sentences,
   * and `challenge validate` fails a hidden test that names none.
   */
  requirements?: readonly string[];
  /** Defaults to the category's weight. */
  weight?: number;
  /**
   * Makes this a performance test: the body must call `measure` exactly once; the harness runs
   * the same body against the reference solution (outside any sandbox, on the same machine) and
   * the test passes when candidate time / reference time <= maxRatio.
   */
  performance?: { maxRatio: number };
}

export type TestBody = (context: TestContext) => Promise<void>;

export interface TestContext {
  /** The code under test. */
  sut: Sut;
  /** A clock under the test's control. Pass it as an argument; candidate code sees a function returning milliseconds. */
  clock(startMs?: number): ManualClock;
  /** Times one piece of work (performance tests only); returns what `work` returns. */
  measure<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A dependency whose logic stays here, in the trusted harness. Pass it as an argument: the
   * candidate's code gets a proxy with these methods (snake_case in Python), and each call
   * runs the method here while the candidate's call waits, synchronously (TS/JS may `await`
   * it too: awaiting a plain value works). A method may take virtual time (`await
   * now.advance(50)`), return a JSON value, or throw a `PortableError` that arrives as the
   * native error of that kind. Every call is recorded in `calls`. A fake serves only the test
   * that made it: a proxy the code keeps and calls later ends the run as `crashed`.
   *
   *   const backend = fake({ fetch: (key: string) => { if (down) throw new PortableError('state-conflict', 'down'); return `v:${key}`; } });
   *   const breaker = await sut.create('CircuitBreaker', backend, now, 3, 1000, 1);
   *   assert.deepEqual(backend.calls.map((c) => c.args), [['a']]);
   */
  fake(methods: FakeMethods): Fake;
  /**
   * Asserts that `call` fails with an error of `kind`, in any language: a built-in kind
   * (`invalid-argument`, `not-found`, `state-conflict`) or one the challenge declares under
   * `interface.errors` (`CircuitOpenError` is `circuit-open`). Resolves with the error.
   *
   *   await assertRaises(breaker.call('execute', 'a'), 'circuit-open');
   */
  assertRaises(call: Promise<unknown> | (() => Promise<unknown>), kind: string): Promise<CandidateError>;
}

/** A fake's methods: each takes the JSON arguments the candidate passed and returns a JSON value (or a promise of one). */
export type FakeMethods = Readonly<Record<string, (...args: never[]) => unknown>>;

export interface Fake {
  readonly fakeId: string;
  /** Every call the candidate's code made, in order. */
  readonly calls: readonly FakeCall[];
}

export interface FakeCall {
  readonly method: string;
  readonly args: readonly unknown[];
  /** What the method returned, or the kind of error it threw into the candidate's code. */
  readonly outcome: { readonly returned: unknown } | { readonly raised: string };
}

export interface Sut {
  /** Constructs a class declared in the manifest's interface with positional arguments. */
  create(className: string, ...args: unknown[]): Promise<Instance>;
  /** Calls a function declared in the manifest's interface. */
  call(functionName: string, ...args: unknown[]): Promise<unknown>;
}

export interface Instance {
  call(method: string, ...args: unknown[]): Promise<unknown>;
  /**
   * Many calls in one round trip (use this for anything over ~50 calls: one round trip costs
   * about a millisecond). Steps run in order; a clock step sets a clock between calls.
   * Rejects with CandidateError (its `step` set) at the first call that throws.
   */
  batch(steps: BatchStep[]): Promise<unknown[]>;
}

/**
 * A call `[method, ...args]` or a clock step. Typed loosely so `keys.map((k) => ['getNode', k])`
 * needs no `as const`; the method name is checked when the batch is sent.
 */
export type BatchStep = readonly unknown[] | ClockStep;

export interface ClockStep {
  readonly clockId: string;
  readonly setMs: number;
}

export interface ManualClock {
  readonly clockId: string;
  /** Current time in ms as the candidate code sees it. */
  readonly nowMs: number;
  set(ms: number): Promise<void>;
  advance(ms: number): Promise<void>;
  /** A batch step that sets this clock to `ms` (clock steps in a batch do not cost a round trip). */
  at(ms: number): ClockStep;
}

/** Candidate code threw: tests may expect this (`await assert.rejects(...)`). */
export class CandidateError extends Error {
  override readonly name = 'CandidateError';
  constructor(
    /** The error's class name in the candidate's language (TypeError, ValueError, ...). */
    readonly errorType: string,
    message: string,
    readonly step?: number,
    /** The error's class and its base classes, nearest first (a subclass of ValueError counts as one). */
    readonly lineage: readonly string[] = [errorType],
  ) {
    super(`${errorType}: ${message}`);
  }
}

export interface SuiteDefinition {
  readonly kind: 'assay-suite';
  readonly register: (api: SuiteApi) => void;
}

export function defineSuite(register: (api: SuiteApi) => void): SuiteDefinition {
  return { kind: 'assay-suite', register };
}
