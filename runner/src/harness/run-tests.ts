import { AssertionError } from 'node:assert';
import { capText, TEXT_CAPS, type CapturedLog, type PerformanceMeasurement, type TestResult, type TestStatus } from '@assay/contract';
import type { AgentChannel, LoadOutcome } from '../sandbox/agent-channel.js';
import { InfraError, SandboxStopped, type StopKind } from '../sandbox/sandbox-errors.js';
import type { ReferenceTiming } from './reference-timer.js';
import { assertionMessage } from './assertion-message.js';
import { createAssertRaises } from './assert-raises.js';
import { suiteFaultMessage } from './suite-fault-message.js';
import { createSutClient, type ChannelClient } from './sut-client.js';
import { CandidateError, type TestContext } from './suite.js';
import type { TestCase } from './test-case.js';

/** A loaded agent: the code is in, `load` says whether it compiled and imported. */
export interface TestSession {
  channel: AgentChannel;
  load: LoadOutcome;
  close(): Promise<void>;
}

export interface RunTestsOptions {
  tests: readonly TestCase[];
  /** Opens a fresh sandbox with the code loaded; called again after a sandbox dies mid-run. */
  openSession: () => Promise<TestSession>;
  /** The reference's timing of a performance test, measured in processes of its own (see reference-timer.ts). */
  referenceTiming?: (test: TestCase) => Promise<ReferenceTiming>;
  /** Fresh sandboxes allowed after one dies, so one runaway test does not cost every later test. */
  restarts?: number;
  /**
   * Runs of a performance test before it fails, the fastest counting (machines are noisy). Each
   * run after the first is in a fresh sandbox, so no answer can be replayed from an earlier run.
   */
  performanceAttempts?: number;
  /** Wall-clock budget of the whole run; when it passes the sandbox is killed and later tests are not run. */
  runTimeoutMs: number;
  onResult?: (result: TestResult) => void;
}

export interface TestRun {
  results: TestResult[];
  /** How the first session loaded the code. */
  load: LoadOutcome;
  /** Candidate-caused sandbox stops, in order. */
  stops: StopKind[];
  logs: CapturedLog[];
}

/**
 * Runs trusted test bodies against candidate code behind a channel. A test passes only when
 * its body completes: a missing answer, a dead process or a broken frame fails it.
 */
export async function runTests(options: RunTestsOptions): Promise<TestRun> {
  const { tests, openSession, referenceTiming, restarts = 2, performanceAttempts = 3 } = options;
  const results: TestResult[] = [];
  const stops: StopKind[] = [];
  const logs: CapturedLog[] = [];
  let restartsLeft = restarts;
  let session: TestSession | undefined;
  let expired = false;
  const deadline = setTimeout(() => {
    expired = true;
    session?.channel.stop('timeout', `the whole run took longer than ${options.runTimeoutMs} ms`);
  }, options.runTimeoutMs);
  session = await openSession();
  const load = session.load;

  const finish = (test: TestCase, status: TestStatus, message: string, durationMs: number, measurement?: PerformanceMeasurement) => {
    const result: TestResult = {
      name: test.name,
      category: test.category,
      weight: test.weight,
      status,
      message: capText(message, TEXT_CAPS.message),
      durationMs,
      ...(measurement ? { measurement } : {}),
      requirements: test.requirements.map((r) => r.sentence),
    };
    results.push(result);
    options.onResult?.(result);
  };
  const retire = async (current: TestSession) => {
    logs.push(current.channel.output);
    await current.close();
  };

  try {
    if (load.kind !== 'loaded') {
      const reason = load.kind === 'compile_error' ? 'the code did not compile' : `loading the code ended in ${load.kind}`;
      for (const test of tests) finish(test, 'failed', `${reason}: ${load.message}`, 0);
      return { results, load, stops, logs };
    }
    for (const test of tests) {
      if (!session) {
        const why = expired ? 'the run reached its time limit' : `the sandbox stopped (${stops.at(-1)}) and no restarts were left`;
        finish(test, 'not_run', `not run: ${why}`, 0);
        continue;
      }
      const started = performance.now();
      const fresh = async (): Promise<TestSession> => {
        if (session) await retire(session);
        session = await openSession();
        if (session.load.kind === 'loaded') return session;
        throw new SandboxStopped(session.load.kind === 'compile_error' ? 'crashed' : session.load.kind, `a fresh sandbox did not load the code again: ${session.load.message}`);
      };
      const outcome = await runOne(test, session, fresh, referenceTiming, performanceAttempts);
      finish(test, outcome.status, outcome.message, performance.now() - started, outcome.measurement);
      if (outcome.stop) {
        stops.push(outcome.stop);
        await retire(session);
        session = undefined;
        if (restartsLeft > 0 && !expired) {
          restartsLeft -= 1;
          session = await openSession();
        }
      }
    }
    return { results, load, stops, logs };
  } finally {
    clearTimeout(deadline);
    if (session) await retire(session);
  }
}

interface Outcome {
  status: TestStatus;
  message: string;
  stop?: StopKind;
  measurement?: PerformanceMeasurement;
}

async function runOne(
  test: TestCase,
  session: TestSession,
  fresh: () => Promise<TestSession>,
  referenceTiming: RunTestsOptions['referenceTiming'],
  performanceAttempts: number,
): Promise<Outcome> {
  try {
    if (!test.performance) {
      await runInSession(test, session);
      return { status: 'passed', message: '' };
    }
    if (!referenceTiming) throw new InfraError(`no reference timing available for performance test "${test.name}"`);
    const reference = await referenceTiming(test);
    const { maxRatio } = test.performance;
    let best: Timing = { cpuMs: Infinity, wallMs: Infinity };
    let runs = 0;
    while (runs < performanceAttempts && best.cpuMs / reference.cpuMs > maxRatio) {
      // A re-run gets a fresh sandbox: nothing the code memoised in an earlier run survives.
      const timing = await runInSession(test, runs === 0 ? session : await fresh());
      runs += 1;
      if (timing.cpuMs < best.cpuMs) best = timing;
    }
    const ratio = best.cpuMs / reference.cpuMs;
    const measurement: PerformanceMeasurement = {
      candidateCpuMs: best.cpuMs,
      candidateWallMs: best.wallMs,
      referenceCpuMs: reference.cpuMs,
      referenceSpreadMs: reference.spreadMs,
      ratio,
      maxRatio,
      runs,
    };
    const figures = `${best.cpuMs.toFixed(1)} ms of CPU vs the reference's ${reference.cpuMs.toFixed(1)} ms (±${reference.spreadMs.toFixed(1)}): ${ratio.toFixed(2)}× (limit ${maxRatio}×; ${best.wallMs.toFixed(1)} ms wall; best of ${runs})`;
    return ratio <= maxRatio
      ? { status: 'passed', message: figures, measurement }
      : { status: 'failed', message: `too slow: ${figures}`, measurement };
  } catch (error) {
    if (error instanceof SandboxStopped) return { status: error.kind, message: error.detail, stop: error.kind };
    if (error instanceof InfraError) throw error;
    if (error instanceof CandidateError && error.errorType !== 'AgentError') {
      return { status: 'failed', message: `your code threw ${error.errorType}: ${error.message.slice(error.errorType.length + 2)}` };
    }
    if (error instanceof AssertionError) return { status: 'failed', message: assertionMessage(error, test.file) };
    return { status: 'failed', message: suiteFaultMessage(error, test.file) };
  }
}

/** What a test body drives: the sandbox channel's client, or (for benchmarks) code in this process. */
export type SutClient = Pick<TestContext, 'sut' | 'clock'>;

/** The cost of a performance test's `measure` block: CPU time of the code under test, and wall time. */
export interface Timing {
  cpuMs: number;
  wallMs: number;
}

/**
 * Runs a body in a session. If the sandbox stopped before or while the body ran, the test's
 * outcome is that stop, whatever the body made of it: an `assert.rejects` satisfied by a dead
 * sandbox proves nothing about the code.
 */
async function runInSession(test: TestCase, session: TestSession): Promise<Timing> {
  session.channel.throwIfStopped();
  try {
    const timing = await runBody(test, session.channel);
    session.channel.throwIfStopped();
    return timing;
  } catch (error) {
    session.channel.throwIfStopped();
    throw error;
  }
}

/** Runs a body once; returns the cost of its `measure` block (zero if it has none). */
export async function runBody(test: TestCase, client: AgentChannel | SutClient): Promise<Timing> {
  const driver: SutClient & Partial<Pick<ChannelClient, 'fake' | 'close'>> = 'sut' in client ? client : createSutClient(client);
  const { sut, clock } = driver;
  // In-process code (benchmarks) costs this process's CPU time.
  const cpuTime = 'sut' in client ? async () => cpuUsageMs(process.cpuUsage()) : () => client.cpuTimeMs();
  let measured: Timing | undefined;
  const body = test.body({
    sut,
    clock,
    fake(methods) {
      if (!driver.fake) throw new Error(`test "${test.name}" uses a fake, which needs a sandbox channel; the in-process benchmark client has none`);
      return driver.fake(methods);
    },
    assertRaises: createAssertRaises(test.declaredErrors ?? []),
    async measure(work) {
      if (measured !== undefined) throw new Error(`test "${test.name}" calls measure more than once`);
      const cpuBefore = await cpuTime();
      const started = performance.now();
      const value = await work();
      const wallMs = performance.now() - started;
      measured = { cpuMs: (await cpuTime()) - cpuBefore, wallMs };
      return value;
    },
  });
  try {
    await body;
  } finally {
    driver.close?.();
  }
  if (test.performance && measured === undefined) throw new Error(`performance test "${test.name}" never called measure`);
  return measured ?? { cpuMs: 0, wallMs: 0 };
}

function cpuUsageMs({ user, system }: NodeJS.CpuUsage): number {
  return (user + system) / 1e3;
}
