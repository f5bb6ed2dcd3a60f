import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog } from '@assay/challenges';
import { TEXT_CAPS, TRUNCATED_MARK, type GradingResult } from '@assay/contract';
import { createGrader } from '../../runner/src/grading/create-grader.js';
import { openReference } from '../../runner/src/grading/open-reference.js';
import { createReferenceTimer } from '../../runner/src/harness/reference-timer.js';
import type { Instance } from '../../runner/src/harness/suite.js';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import { inspectRun, runBox } from '../support/box.js';
import { testSandboxes } from '../support/docker-sandboxes.js';
import { hostInvariants } from '../support/host-invariants.js';

/**
 * Group 7 of the adversarial suite: attacks on the grading itself rather than on the sandbox.
 * Each class of issue 10 is here as the exploit as found and at least one variant; every case
 * failed on the grader before the fixes. (Class 7, code graded that is not the code shown, is
 * in forgery-config-files.test.ts: it needs the API.)
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const catalog = createChallengeCatalog({ root: `${ROOT}challenges` });

let env: Awaited<ReturnType<typeof testSandboxes>>;
let host: ReturnType<typeof hostInvariants>;
let grade: ReturnType<typeof createGrader>;
beforeAll(async () => {
  env = await testSandboxes('grading-attacks');
  host = hostInvariants(env.leftovers);
  grade = createGrader({ catalog, sandboxes: env.sandboxes, referenceTimer: createReferenceTimer({ openReference }) });
  await host.baseline();
});
afterEach(() => host.check());
afterAll(async () => {
  await env.sandboxes.close();
});

/**
 * The JavaScript reference behind a wrapper that burns CPU on every call (about 10× the
 * reference) and, after `strategy`, answers from what an earlier instance computed.
 */
async function slowRateLimiter(strategy: string): Promise<string> {
  const reference = await readFile(`${ROOT}challenges/rate-limiter/solutions/reference/javascript/src/rate-limiter.js`, 'utf8');
  return `${reference.replace('export class RateLimiter', 'class Honest')}
let spin = 0;
function slowly() { for (let i = 0; i < 3000; i++) spin = Math.sqrt(spin + i); }
${strategy}
`;
}

/**
 * Records each instance's calls and answers; a later instance replays, at once, a tape of 20,000
 * calls whose keys and costs match its own so far (other tests' instances make tapes too).
 */
const TAPE = `const tapes = [];
export class RateLimiter {
  constructor(...args) { this.inner = new Honest(...args); this.tape = []; this.candidates = tapes.filter((t) => t.length >= 20000); this.at = 0; tapes.push(this.tape); }
  tryAcquire(key, cost) {
    const at = this.at++;
    const replay = this.candidates.find((t) => t[at]?.key === key && t[at]?.cost === cost);
    if (replay) { this.candidates = this.candidates.filter((t) => t === replay); return replay[at].answer; }
    this.candidates = [];
    slowly();
    const answer = this.inner.tryAcquire(key, cost);
    this.tape.push({ key, cost, answer });
    return answer;
  }
  available(key) { return this.inner.available(key); }
  trackedKeys() { return this.inner.trackedKeys(); }
}`;

/** Memoises by the call's arguments and the clock: a replay of the same inputs is free. */
const BY_ARGUMENTS = `const memo = new Map();
export class RateLimiter {
  constructor(...args) { this.inner = new Honest(...args); this.clock = args[2]; this.calls = 0; this.tag = args.slice(0, 2).join(','); }
  tryAcquire(key, cost) {
    const k = this.tag + '|' + (this.calls++) + '|' + key + '|' + cost + '|' + this.clock();
    if (memo.has(k)) { this.inner.tryAcquire(key, cost); return memo.get(k); }
    slowly();
    const answer = this.inner.tryAcquire(key, cost);
    memo.set(k, answer);
    return answer;
  }
  available(key) { return this.inner.available(key); }
  trackedKeys() { return this.inner.trackedKeys(); }
}`;

async function gradeRateLimiter(source: string): Promise<GradingResult> {
  const challenge = await catalog.get('rate-limiter');
  return grade({
    gradingId: `attack-${Date.now()}`,
    attemptId: 'attack',
    challengeId: 'rate-limiter',
    contentHash: challenge.contentHash,
    language: 'javascript',
    suite: 'hidden',
    files: [{ path: 'src/rate-limiter.js', content: source }],
  });
}

describe('1. a memo across performance attempts', () => {
  it.each([
    ['replaying the first attempt’s answers (as found)', TAPE],
    ['memoising by arguments and clock', BY_ARGUMENTS],
  ])('%s: a solution ~10× slower than the reference fails the performance test', async (_, strategy) => {
    const result = await gradeRateLimiter(await slowRateLimiter(strategy));
    const performanceTest = result.tests.find((t) => t.category === 'performance');
    expect(performanceTest?.status, performanceTest?.message).toBe('failed');
    expect(performanceTest?.measurement?.runs, performanceTest?.message).toBe(3);
    expect(performanceTest?.measurement?.ratio).toBeGreaterThan(performanceTest!.measurement!.maxRatio);
    // The correctness tests still pass: the memo is right, just not a measurement.
    expect(result.tests.filter((t) => t.category === 'correctness').every((t) => t.status === 'passed')).toBe(true);
  });

  it('the honest reference passes it, with its figures', async () => {
    const reference = await readFile(`${ROOT}challenges/rate-limiter/solutions/reference/javascript/src/rate-limiter.js`, 'utf8');
    const result = await gradeRateLimiter(reference);
    const performanceTest = result.tests.find((t) => t.category === 'performance');
    expect(performanceTest?.status, performanceTest?.message).toBe('passed');
    expect(performanceTest?.measurement).toMatchObject({ maxRatio: 5, candidateCpuMs: expect.any(Number), referenceCpuMs: expect.any(Number) });
  });
});

/** A test of the Box challenge (tests/support/box.ts) whose body drives one Box. */
function boxTest(name: string, drive: (box: Instance) => Promise<void>): TestCase {
  return { name, category: 'c', weight: 1, requirements: [], file: 'inline', body: async ({ sut }) => drive(await sut.create('Box')) };
}

/** A test that calls run() twice, 50 ms apart (so code started by the first is running when the second is sent), and wants 42 from the second. */
const secondRunIs42 = boxTest('run twice', async (box) => {
  await box.call('run');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await box.call('run'), 42);
});

describe('2. answering before the request exists', () => {
  it.each([
    // Ids were 1 (create), 2 (run), 3 (run): the first run keeps answering the third request
    // until the runner has registered it, while the agent waits for it.
    ['the next id, written while the agent waits for it (node, as found)', 'node', 'const frame = JSON.stringify({ id: 3, ok: true, value: 42 }) + "\\n"; const timer = setInterval(() => require("fs").writeSync(1, frame), 0); setTimeout(() => clearInterval(timer), 300); return 41;'],
    ['every id it might be (node)', 'node', 'const timer = setInterval(() => { for (let id = 1; id < 50; id++) require("fs").writeSync(1, JSON.stringify({ id, ok: true, value: 42 }) + "\\n"); }, 0); setTimeout(() => clearInterval(timer), 300); return 41;'],
    ['through the agent’s own frame stream, from a thread (python)', 'python', 'import __main__, json, threading, time\ndef forge():\n    end = time.time() + 0.3\n    while time.time() < end:\n        __main__._frames.write(json.dumps({"id": 3, "ok": True, "value": 42}) + "\\n")\n        time.sleep(0.0005)\nthreading.Thread(target=forge).start()\nreturn 41'],
  ] as const)('%s: never passes, the forged frame ends the run', async (_, runtime, body) => {
    const run = await runBox(env.sandboxes, runtime, body, secondRunIs42);
    expect(run.results[0]?.status, run.results[0]?.message).toBe('crashed');
    expect(run.results[0]?.message).toMatch(/out of turn/);
  });
});

const returns42 = inspectRun((value) => assert.equal(value, 42));

describe('3. unsolicited frames and uncounted bytes', () => {
  it('a flood of `{}` frames on the channel (as found) ends the run as the candidate’s fault', async () => {
    const run = await runBox(env.sandboxes, 'node', 'const fs = require("fs"); const junk = "{}\\n".repeat(65536); for (let i = 0; i < 200; i++) fs.writeSync(1, junk); return 42;', returns42, { callTimeoutMs: 10_000 });
    expect(run.results[0]?.status).toBe('crashed');
  });

  it('a frame that is not JSON, written beside the answer (python), ends the run', async () => {
    const run = await runBox(env.sandboxes, 'python', 'import __main__\n__main__._frames.write("not a frame\\n")\nreturn 42', returns42);
    expect(run.results[0]?.status).toBe('crashed');
  });

  it('every byte counts: answers of 1.9 MiB each stop at the sandbox’s 16 MiB budget', async () => {
    const big = boxTest('big answers', async (box) => {
      for (let i = 0; i < 12; i++) await box.call('run');
    });
    const run = await runBox(env.sandboxes, 'node', 'return "x".repeat(1900 * 1024);', big, { callTimeoutMs: 10_000 });
    expect(run.results[0]?.status).toBe('output_limit');
  });
});

describe('4. a frame reader that re-reads its buffer', () => {
  it.each([
    ['node', 'const fs = require("fs"); const put = (text) => { for (let done = 0; done < text.length; ) { try { done += fs.writeSync(1, text.slice(done)); } catch (e) { if (e.code !== "EAGAIN") throw e; } } }; put(" ".repeat(1900 * 1024)); const pause = new Int32Array(new SharedArrayBuffer(4)); for (let i = 0; i < 4000; i++) { put(" "); Atomics.wait(pause, 0, 0, 1); } return 42;'],
    ['python', 'import __main__, time\n__main__._frames.write(" " * (1900 * 1024))\nfor i in range(4000):\n    __main__._frames.write(" ")\n    __main__._frames.flush()\n    time.sleep(0.001)\nreturn 42'],
  ] as const)('2 MiB of padding then a byte at a time costs the runner little CPU (%s)', async (runtime, body) => {
    const before = process.cpuUsage();
    const run = await runBox(env.sandboxes, runtime, body, returns42, { callTimeoutMs: 20_000 });
    const used = process.cpuUsage(before);
    expect(run.results[0]?.status, run.results[0]?.message).toBe('passed');
    const cpuMs = (used.user + used.system) / 1e3;
    expect(cpuMs, `${cpuMs.toFixed(0)} ms of the runner's CPU`).toBeLessThan(1_000);
  });
});

describe('5. a dead sandbox proving a rejection', () => {
  const rejects = boxTest('rejects', (box) => assert.rejects(box.call('run')));
  const rejectsSecond = boxTest('rejects the second call', async (box) => {
    await box.call('run');
    await assert.rejects(box.call('run'));
  });
  it.each([
    ['the code kills its sandbox during the call (as found)', 'node', 'process.kill(process.pid, "SIGKILL");', rejects],
    ['the code exits during the call (python)', 'python', 'import os\nos._exit(0)', rejects],
    ['the code answers, then exits as the next call arrives', 'node', 'process.stdin.prependListener("data", () => process.exit(0)); return 1;', rejectsSecond],
  ] as const)('%s: the test fails', async (_, runtime, body, test) => {
    const run = await runBox(env.sandboxes, runtime, body, test);
    expect(run.results[0]?.status).toBe('crashed');
  });
});

describe('6. uncapped messages', () => {
  const returns42Deep = inspectRun((value) => assert.deepEqual(value, 42));
  it.each([
    ['a 1.9 MiB answer, quoted by the failed assertion (node, as found)', 'node', 'return "x".repeat(1900 * 1024);'],
    ['5,000 long strings, quoted by the failed assertion (python)', 'python', 'return ["y" * 300 + str(i) for i in range(5000)]'],
    ['a 1.5 MiB error type name (node)', 'node', 'const E = class extends Error {}; Object.defineProperty(E, "name", { value: "E".repeat(1536 * 1024) }); throw new E("boom");'],
  ] as const)('%s: the stored message is capped with a visible mark', async (_, runtime, body) => {
    const run = await runBox(env.sandboxes, runtime, body, returns42Deep, { callTimeoutMs: 5_000 });
    const message = run.results[0]?.message ?? '';
    expect(run.results[0]?.status).toBe('failed');
    expect(message.length).toBeLessThanOrEqual(TEXT_CAPS.message);
    expect(message).toContain(TRUNCATED_MARK);
  });
});
