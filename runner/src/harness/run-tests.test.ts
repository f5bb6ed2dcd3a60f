import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SandboxLimits, type SubmittedFile } from '@assay/contract';
import { openSession } from '../grading/open-session.js';
import { spawnLocalAgent } from '../sandbox/local-agent.js';
import type { Runtime } from '../sandbox/runtime.js';
import { runTests, type RunTestsOptions } from './run-tests.js';
import type { TestCase } from './test-case.js';

const counterInterface = { classes: { Counter: { constructor: ['clock'], methods: { add: ['by'], now: [] } } }, functions: {} };
const limits = SandboxLimits.parse({ callTimeoutMs: 1_000 });

const sources: Record<Runtime, (body: string) => SubmittedFile[]> = {
  node: (add) => [{ path: 'counter.js', content: `export class Counter { constructor(clock) { this.n = 0; this.clock = clock; } add(by) { ${add} } now() { return this.clock(); } }` }],
  python: (add) => [{ path: 'counter.py', content: `import os, sys\nclass Counter:\n    def __init__(self, clock):\n        self.n = 0\n        self.clock = clock\n    def add(self, by):\n        ${add}\n    def now(self):\n        return self.clock()\n` }],
};

const test = (name: string, body: TestCase['body']): TestCase => ({ name, category: 'c', weight: 1, requirements: [{ id: name, sentence: `The counter ${name}.` }], body, file: 'inline' });
const addsTwoThenThree = test('adds', async ({ sut }) => {
  const counter = await sut.create('Counter', null);
  assert.equal(await counter.call('add', 2), 2);
  assert.deepEqual(await counter.batch([['add', 3], ['add', 1]]), [5, 6]);
});
const followsClock = test('clock', async ({ sut, clock }) => {
  const now = clock(0);
  const counter = await sut.create('Counter', now);
  assert.equal(await counter.call('now'), 0);
  await now.advance(250);
  assert.equal(await counter.call('now'), 250);
  assert.deepEqual(await counter.batch([now.at(1000), ['now'], now.at(1500), ['now']]), [1000, 1500]);
});

async function run(runtime: Runtime, addBody: string, tests: TestCase[], referenceTiming?: RunTestsOptions['referenceTiming']) {
  const files = sources[runtime](addBody);
  const entry = files[0]!.path;
  let sessions = 0;
  const result = await runTests({
    tests,
    runTimeoutMs: 20_000,
    restarts: 1,
    ...(referenceTiming ? { referenceTiming } : {}),
    openSession: async () => {
      sessions += 1;
      return openSession(await spawnLocalAgent(runtime), limits, { language: runtime === 'node' ? 'javascript' : 'python', entry, files, interface: counterInterface });
    },
  });
  return { ...result, sessions };
}

type Behaviour = 'correct' | 'wrong' | 'throws' | 'hangs' | 'exits' | 'forges';
const code: Record<Runtime, Record<Behaviour, string>> = {
  node: {
    correct: 'this.n += by; return this.n;',
    wrong: 'this.n += by + 1; return this.n;',
    throws: 'throw new RangeError("nope");',
    hangs: 'for (;;) {}',
    exits: 'process.exit(0);',
    forges: 'require("fs").writeSync(1, JSON.stringify({ id: 2, ok: true, value: 2 }) + "\\n"); console.log("ok 1 - all tests passed"); return -1;',
  },
  python: {
    correct: 'self.n += by; return self.n',
    wrong: 'self.n += by + 1; return self.n',
    throws: 'raise ValueError("nope")',
    hangs: 'while True: pass',
    exits: 'os._exit(0)',
    forges: 'os.write(1, b\'{"id": 2, "ok": true, "value": 2}\\n\'); print("PASSED"); return -1',
  },
};

describe.each(['node', 'python'] as const)('runTests with the %s agent', (runtime) => {
  it('passes correct code, including clocks and batches', async () => {
    const result = await run(runtime, code[runtime].correct, [addsTwoThenThree, followsClock]);
    expect(result.results.map((r) => r.status)).toEqual(['passed', 'passed']);
    expect(result.results.map((r) => r.requirements)).toEqual([['The counter adds.'], ['The counter clock.']]);
  });

  it('fails wrong answers and candidate exceptions with a message', async () => {
    const wrong = await run(runtime, code[runtime].wrong, [addsTwoThenThree]);
    expect(wrong.results[0]).toMatchObject({ status: 'failed' });
    const throws = await run(runtime, code[runtime].throws, [addsTwoThenThree]);
    expect(throws.results[0]?.message).toMatch(/threw (RangeError|ValueError): nope/);
  });

  it("reports a suite that throws, or calls what the interface does not declare, as the suite's fault with its line", async () => {
    const here = fileURLToPath(import.meta.url);
    const broken = { ...test('broken', async ({ sut }) => {
      const counter = await sut.create('Counter', null);
      const table: Record<string, number[]> = {};
      await counter.call('add', table['missing']![0]);
    }), file: here };
    const undeclared = { ...test('undeclared', async ({ sut }) => {
      const counter = await sut.create('Counter', null);
      await counter.call('reset');
    }), file: here };
    const result = await run(runtime, code[runtime].correct, [broken, undeclared]);
    expect(result.results.map((r) => r.message)).toEqual([
      expect.stringMatching(/^the test stopped at run-tests\.test\.ts:\d+ with TypeError: Cannot read properties of undefined .* before it could check a result: the code under test may have returned a value of another shape/),
      expect.stringMatching(/^the suite \(run-tests\.test\.ts:\d+\) makes a call the challenge does not declare: reset is not a method of this challenge's interface; declare it in challenge\.yaml under interface/),
    ]);
  });

  it('turns a hang into a timeout, then restarts a fresh agent for the next test', async () => {
    const result = await run(runtime, code[runtime].hangs, [addsTwoThenThree, followsClock]);
    expect(result.results.map((r) => r.status)).toEqual(['timeout', 'passed']);
    expect(result.stops).toEqual(['timeout']);
  });

  it('never passes an early exit or forged frames and reporter lines', async () => {
    const exits = await run(runtime, code[runtime].exits, [addsTwoThenThree]);
    expect(exits.results[0]?.status).toBe('crashed');
    const forged = await run(runtime, code[runtime].forges, [addsTwoThenThree]);
    // A frame the agent did not write ends the run as the candidate's crash where it reaches the
    // channel (node: fd 1 is the channel); where fd 1 is not the channel (python moves it to the
    // log) the real answer, -1, fails.
    const expected = runtime === 'node' ? /out of turn/ : /-1/;
    expect(forged.results[0]?.status).toBe(runtime === 'node' ? 'crashed' : 'failed');
    expect(forged.results[0]?.message).toMatch(expected);
  });
});

describe('clocks', () => {
  it('each test gets a fresh clock, even though tests share one agent', async () => {
    const readsClock = (name: string, start: number, expected: number): TestCase => test(name, async ({ sut, clock }) => {
      const counter = await sut.create('Counter', clock(start));
      assert.equal(await counter.call('now'), expected);
    });
    const result = await run('node', code.node.correct, [readsClock('first', 5_000, 5_000), readsClock('second', 0, 0)]);
    expect(result.results.map((r) => r.status)).toEqual(['passed', 'passed']);
  });
});

describe('performance tests', () => {
  const manyAdds: TestCase = {
    ...test('many adds', async ({ sut, measure }) => {
      const counter = await sut.create('Counter', null);
      await measure(() => counter.batch(Array.from({ length: 2_000 }, () => ['add', 1])));
    }),
    performance: { maxRatio: 2 },
  };

  const reference = (cpuMs: number) => async () => ({ cpuMs, wallMs: cpuMs, spreadMs: 0.5, runs: 5 });

  it('passes code within the ratio at the first run, judged on CPU time, with its measurement', async () => {
    const result = await run('node', code.node.correct, [manyAdds], reference(60_000));
    expect(result.results[0]).toMatchObject({ status: 'passed', message: expect.stringMatching(/ms of CPU vs the reference's 60000\.0 ms \(±0\.5\)/) });
    expect(result.results[0]?.measurement).toMatchObject({ referenceCpuMs: 60_000, referenceSpreadMs: 0.5, maxRatio: 2, runs: 1 });
    expect(result.results[0]?.measurement?.candidateCpuMs).toBeGreaterThan(0);
    expect(result.sessions).toBe(1);
  });

  it('re-runs code that is too slow in a fresh sandbox each time, then fails it', async () => {
    const result = await run('node', code.node.correct, [manyAdds], reference(0.001));
    expect(result.results[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/^too slow: .* \(limit 2×; .* best of 3\)$/) });
    expect(result.results[0]?.measurement?.runs).toBe(3);
    expect(result.sessions).toBe(3);
  });
});

describe('a stopped sandbox', () => {
  it('never proves a rejection: a test of `assert.rejects` fails when the code killed its sandbox', async () => {
    const rejects = test('rejects bad input', async ({ sut }) => {
      const counter = await sut.create('Counter', null);
      await assert.rejects(counter.call('add', -1));
    });
    const result = await run('node', 'process.kill(process.pid, "SIGKILL");', [rejects]);
    expect(result.results[0]?.status).toBe('crashed');
  });
});

describe('the node agent', () => {
  it('refuses two sources that compile to one file, so neither silently replaces the other', async () => {
    const [js] = sources.node('return 1;');
    const files = [{ path: 'counter.ts', content: js!.content }, js!];
    const session = await openSession(await spawnLocalAgent('node'), limits, { language: 'typescript', entry: 'counter.ts', files, interface: counterInterface });
    await session.close();
    expect(session.load).toEqual({ kind: 'compile_error', message: 'counter.ts and counter.js both compile to counter.js' });
  });
});
