import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { testSandboxes } from '../support/docker-sandboxes.js';
import { probeTest, runProbe } from '../support/fake-probe.js';
import { hostInvariants } from '../support/host-invariants.js';

/**
 * Group 9 of the adversarial suite: attacks on fakes, the one place where the sandbox starts a
 * conversation (a callback) instead of answering one. A fake serves only the test that made it,
 * a callback is taken only while a request the agent has read is pending and no other callback
 * runs, and the harness's answers cannot be forged from the sandbox. Every attack ends as a
 * failed test (`crashed` or `timeout`), never a pass, within the call limit plus a cold start.
 */
const CALL_LIMIT_MS = 1_500;
const BOUND_MS = CALL_LIMIT_MS + 8_000;

/** A test that hands the probe a fake whose `lengthOf` answers after `delayMs`, and expects `run(x)` to return `expected`. */
function callsRun(name: string, x: string, expected: unknown, delayMs = 0, seen: { calls?: readonly unknown[] } = {}): TestCase {
  return probeTest(name, async ({ sut, fake, clock }) => {
    const dep = fake({ lengthOf: async (text: string) => (await sleep(delayMs), text.length) });
    seen.calls = dep.calls;
    const probe = await sut.create('Probe', dep, clock());
    assert.deepEqual(await probe.call('run', x), expected);
  });
}

const attacks: Record<string, Record<Runtime, string>> = {
  'keeps a fake and calls it in a later test': {
    node: 'if (x === "keep") { globalThis.kept = this.dep; return 1; }\nreturn globalThis.kept.lengthOf("late");',
    python: 'import builtins\nif x == "keep":\n    builtins.kept = self.dep\n    return 1\nreturn builtins.kept.length_of("late")',
  },
  'calls a fake after its test ended': {
    node: 'if (x === "keep") { setTimeout(() => { try { this.dep.lengthOf("late"); } catch {} }, 0); return 1; }\nreturn new Promise((resolve) => setTimeout(() => resolve(this.dep.lengthOf(x)), 200));',
    python: 'import threading, time\nif x == "keep":\n    threading.Timer(0.05, lambda: self.dep.length_of("late")).start()\n    return 1\ntime.sleep(0.3)\nreturn self.dep.length_of(x)',
  },
};

const forgeries: Array<[string, Runtime, string]> = [
  // Python code can reach the agent's own writer and nonce through __main__: the strongest forger there is.
  ['a callback frame for a fake it was not given, on the pending request', 'python', 'import __main__\n__main__.send({"type": "callback", "request": __main__._current_request, "fake": "forged", "method": "lengthOf", "args": ["x"]})\nreturn self.dep.length_of(x)'],
  ['a callback frame for an unknown request', 'node', 'require("fs").writeSync(1, JSON.stringify({ type: "callback", request: "guess", fake: "guess", method: "lengthOf", args: [] }) + "\\n");\nreturn this.dep.lengthOf(x);'],
  ['a reply to its request while the callback runs (from a thread)', 'python', 'import __main__, threading, time\nrequest = __main__._current_request\nthreading.Timer(0.1, lambda: __main__.send({"id": request, "ok": True, "value": 4})).start()\nreturn self.dep.length_of(x)'],
  ["the harness's answer to a callback, written by a worker thread", 'node', 'new (require("worker_threads").Worker)("require(\\"fs\\").writeSync(1, JSON.stringify({ op: \\"return\\", request: \\"r\\", ok: true, value: 4 }) + \\"\\\\n\\")", { eval: true });\nreturn this.dep.lengthOf(x);'],
  ['callback frames written without waiting for answers', 'python', 'import __main__\nfake_id = self.dep.length_of.args[0]\nfor _ in range(10000):\n    __main__.send({"type": "callback", "request": __main__._current_request, "fake": fake_id, "method": "lengthOf", "args": ["x"]})\nreturn 4'],
  ['a re-entrant call to the fake from a thread while a call to it is pending', 'python', 'import threading\nthreading.Timer(0.1, lambda: self.dep.length_of("again")).start()\nreturn self.dep.length_of(x)'],
];

let env: Awaited<ReturnType<typeof testSandboxes>>;
let host: ReturnType<typeof hostInvariants>;
beforeAll(async () => {
  env = await testSandboxes('fake-attacks');
  host = hostInvariants(env.leftovers);
  await host.baseline();
});
afterEach(() => host.check());
afterAll(async () => {
  await env.sandboxes.close();
});

describe.each(['node', 'python'] as const)('a fake outlives its test (%s)', (runtime) => {
  it.each(Object.keys(attacks))('%s: crashed, and the old fake is never called', async (attack) => {
    const first: { calls?: readonly unknown[] } = {};
    const run = await runProbe(env.sandboxes, runtime, attacks[attack]![runtime], [callsRun('keeps', 'keep', 1, 0, first), callsRun('later', 'abcd', 4)], { callTimeoutMs: CALL_LIMIT_MS });
    // The late call lands in the first test's last moments or in the second test: that test is crashed, and no later one passes.
    const crashed = run.results.findIndex((r) => r.status === 'crashed');
    expect(crashed).toBeGreaterThanOrEqual(0);
    expect(run.results[crashed]?.message).toMatch(/out of turn/);
    expect(run.results.slice(crashed).map((r) => r.status)).not.toContain('passed');
    if (attack.startsWith('keeps')) expect(run.results.map((r) => r.status)).toEqual(['passed', 'crashed']);
    expect(first.calls).toEqual([]);
    expect(run.elapsedMs).toBeLessThan(BOUND_MS);
  });
});

describe('forged and flooded callbacks', () => {
  it.each(forgeries)('%s (%s): crashed', async (_, runtime, body) => {
    // The fake answers after 400 ms, so forgeries timed to land during a callback do.
    const run = await runProbe(env.sandboxes, runtime, body, [callsRun('forged', 'abcd', 4, 400)], { callTimeoutMs: CALL_LIMIT_MS });
    expect(run.results[0]).toMatchObject({ status: 'crashed', message: expect.stringMatching(/out of turn/) });
    expect(run.elapsedMs).toBeLessThan(BOUND_MS);
  });

  it.each(['node', 'python'] as const)('a loop of synchronous calls to a fake (%s) ends at the call limit', async (runtime) => {
    const loop = runtime === 'node' ? 'for (;;) this.dep.lengthOf(x);' : 'while True:\n    self.dep.length_of(x)';
    const seen: { calls?: readonly unknown[] } = {};
    const run = await runProbe(env.sandboxes, runtime, loop, [callsRun('flood', 'abcd', 4, 0, seen)], { callTimeoutMs: CALL_LIMIT_MS });
    expect(run.results[0]?.status).toBe('timeout');
    expect(seen.calls?.length).toBeGreaterThan(10);
    expect(run.elapsedMs).toBeLessThan(BOUND_MS);
  });

  it.each(['node', 'python'] as const)('a fake that calls back into the code (%s) is refused, and the test fails', async (runtime) => {
    const body = runtime === 'node' ? 'return this.dep.lengthOf(x);' : 'return self.dep.length_of(x)';
    const reentrant = probeTest('re-enters', async ({ sut, fake, clock }) => {
      let probe: Awaited<ReturnType<typeof sut.create>> | undefined;
      const dep = fake({ lengthOf: async () => probe?.call('run', 'inner') });
      probe = await sut.create('Probe', dep, clock());
      await probe.call('run', 'outer');
    });
    const run = await runProbe(env.sandboxes, runtime, body, [reentrant], { callTimeoutMs: CALL_LIMIT_MS });
    expect(run.results[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/cannot run while a fake's method runs/) });
    expect(run.elapsedMs).toBeLessThan(BOUND_MS);
  });
});
