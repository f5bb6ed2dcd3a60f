import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortableError } from '@assay/runner/harness';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { probeTest, runProbe } from '../support/fake-probe.js';
import { testSandboxes } from '../support/docker-sandboxes.js';

/**
 * Fakes across the sandbox boundary, in both agents and real sandboxes: the fake's logic runs
 * here, the candidate's code calls a proxy synchronously (or awaits it, in JavaScript), a
 * failure arrives as the language's native error, virtual time passes inside a call, and every
 * call is recorded.
 */
const programs: Record<Runtime, Record<string, string>> = {
  node: {
    plusOne: 'return this.dep.lengthOf(x) + 1;',
    awaited: 'return (async () => (await this.dep.lengthOf(x)) + 1)();',
    catches: 'try { this.dep.lengthOf(x); return "no error"; } catch (e) { return [e.constructor.name, e.message, e instanceof Error]; }',
    passesThrough: 'return this.dep.lengthOf(x);',
    timesIt: 'const before = this.clock(); this.dep.lengthOf(x); return this.clock() - before;',
    raises: 'if (x === "declared") throw new ProbeError("asked to"); class BadInput extends RangeError {} throw new BadInput("bad " + x);',
  },
  python: {
    plusOne: 'return self.dep.length_of(x) + 1',
    awaited: 'return self.dep.length_of(x) + 1',
    catches: 'try:\n    self.dep.length_of(x)\n    return "no error"\nexcept KeyError as e:\n    return [type(e).__name__, e.args[0], isinstance(e, Exception)]',
    passesThrough: 'return self.dep.length_of(x)',
    timesIt: 'before = self.clock()\nself.dep.length_of(x)\nreturn self.clock() - before',
    raises: 'if x == "declared":\n    raise ProbeError("asked to")\nclass BadInput(ValueError):\n    pass\nraise BadInput("bad " + x)',
  },
};

const nativeNotFound: Record<Runtime, unknown[]> = { node: ['NotFoundError', 'no abc', true], python: ['KeyError', 'no abc', true] };

let env: Awaited<ReturnType<typeof testSandboxes>>;
beforeAll(async () => {
  env = await testSandboxes('fakes');
});
afterAll(async () => {
  await env.sandboxes.close();
});

describe.each(['node', 'python'] as const)('fakes in the %s agent', (runtime) => {
  const grade = (program: string, ...tests: Parameters<typeof probeTest>[]) =>
    runProbe(env.sandboxes, runtime, programs[runtime][program]!, tests.map(([name, body]) => probeTest(name, body)));

  it('answers a synchronous call and records it, also within a batch', async () => {
    const run = await grade('plusOne', ['sync', async ({ sut, fake, clock }) => {
      const dep = fake({ lengthOf: (text: string) => text.length });
      const probe = await sut.create('Probe', dep, clock());
      assert.equal(await probe.call('run', 'abc'), 4);
      assert.deepEqual(await probe.batch([['run', 'a'], ['run', 'ab']]), [2, 3]);
      assert.deepEqual(dep.calls, [
        { method: 'lengthOf', args: ['abc'], outcome: { returned: 3 } },
        { method: 'lengthOf', args: ['a'], outcome: { returned: 1 } },
        { method: 'lengthOf', args: ['ab'], outcome: { returned: 2 } },
      ]);
    }]);
    expect(run.results.map((r) => [r.status, r.message])).toEqual([['passed', '']]);
  });

  it('answers a call the code awaits (a plain value is awaitable in JavaScript; Python code is synchronous)', async () => {
    const run = await grade('awaited', ['awaited', async ({ sut, fake, clock }) => {
      const probe = await sut.create('Probe', fake({ lengthOf: async (text: string) => text.length }), clock());
      assert.equal(await probe.call('run', 'abcd'), 5);
    }]);
    expect(run.results[0]).toMatchObject({ status: 'passed' });
  });

  it("throws a fake's portable error into the code as the language's native error", async () => {
    const failing = { lengthOf: (text: string) => { throw new PortableError('not-found', `no ${text}`); } };
    const run = await grade(
      'catches',
      ['caught', async ({ sut, fake, clock }) => {
        const dep = fake(failing);
        const probe = await sut.create('Probe', dep, clock());
        assert.deepEqual(await probe.call('run', 'abc'), nativeNotFound[runtime]);
        assert.deepEqual(dep.calls, [{ method: 'lengthOf', args: ['abc'], outcome: { raised: 'not-found' } }]);
      }],
    );
    expect(run.results.map((r) => [r.status, r.message])).toEqual([['passed', '']]);
    const through = await grade('passesThrough', ['through', async ({ sut, fake, clock, assertRaises }) => {
      const probe = await sut.create('Probe', fake(failing), clock());
      await assertRaises(probe.call('run', 'abc'), 'not-found');
    }]);
    expect(through.results.map((r) => [r.status, r.message])).toEqual([['passed', '']]);
  });

  it('lets a fake take virtual time: the clock moves while the code waits on the call', async () => {
    const run = await grade('timesIt', ['slow', async ({ sut, fake, clock }) => {
      const now = clock(1_000);
      const probe = await sut.create('Probe', fake({ lengthOf: async () => { await now.advance(250); return 0; } }), now);
      assert.equal(await probe.call('run', 'x'), 250);
      assert.equal(now.nowMs, 1_250);
    }]);
    expect(run.results.map((r) => [r.status, r.message])).toEqual([['passed', '']]);
  });

  it('asserts the kind of error the code raised: built in (a subclass counts) or declared', async () => {
    const run = await grade(
      'raises',
      ['kinds', async ({ sut, fake, clock, assertRaises }) => {
        const probe = await sut.create('Probe', fake({}), clock());
        await assertRaises(probe.call('run', 'x'), 'invalid-argument');
        await assertRaises(() => probe.call('run', 'declared'), 'probe');
      }],
      ['wrong kind', async ({ sut, fake, clock, assertRaises }) => {
        const probe = await sut.create('Probe', fake({}), clock());
        await assertRaises(probe.call('run', 'x'), 'not-found');
      }],
      ['unknown kind', async ({ sut, fake, clock, assertRaises }) => {
        const probe = await sut.create('Probe', fake({}), clock());
        await assertRaises(probe.call('run', 'x'), 'invalid-argumnet');
      }],
    );
    expect(run.results.map((r) => r.status)).toEqual(['passed', 'failed', 'failed']);
    expect(run.results[1]?.message).toMatch(/^expected your code to raise not-found \(NotFoundError or KeyError or LookupError\), but it raised BadInput: bad x/);
    expect(run.results[2]?.message).toMatch(/^the suite \(.*\) has a mistake: assertRaises names the error kind "invalid-argumnet", which is neither built in nor declared; use one of invalid-argument, not-found, state-conflict, probe/);
  });

  it("fails the test when a fake's own method fails an assertion, whatever the code did with the error", async () => {
    const run = await grade('catches', ['asserting fake', async ({ sut, fake, clock }) => {
      const probe = await sut.create('Probe', fake({ lengthOf: (text: string) => assert.equal(text, 'expected', 'the code looked up the wrong key') }), clock());
      await probe.call('run', 'abc');
    }]);
    expect(run.results[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/^the code looked up the wrong key/) });
  });

  it("fails the test, and keeps the runner up, when a fake's method returns what JSON cannot carry", async () => {
    const run = await grade('catches', ['bigint', async ({ sut, fake, clock }) => {
      const probe = await sut.create('Probe', fake({ lengthOf: () => 10n }), clock());
      await probe.call('run', 'abc');
    }]);
    expect(run.results[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/BigInt/) });
  });
});
