import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SandboxLimits } from '@assay/contract';
import { openSession } from '../grading/open-session.js';
import { spawnLocalAgent } from '../sandbox/local-agent.js';
import { runTests } from './run-tests.js';
import type { TestCase } from './test-case.js';

const file = fileURLToPath(import.meta.url);
const lineOf = (marker: string) => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(marker)) + 1;

// Types only TypeScript has, above the assertions, so transpiled lines differ from these.
interface Reading {
  value: number;
}
type Expected = Reading['value'];

const body: TestCase['body'] = async ({ sut }) => {
  const counter = await sut.create('Counter');
  const first: Expected = (await counter.call('add', 2)) as number;
  assert.ok(first === 2); // passes
  const second: Reading = { value: (await counter.call('add', 3)) as number };
  assert.ok(second.value === 4); // the one that fails
  assert.ok(second.value > 100); // never reached
};

const testCase = (name: string, body: TestCase['body']): TestCase => ({ name, category: 'c', weight: 1, requirements: [], body, file });

async function failureMessage(test: TestCase): Promise<string> {
  const files = [{ path: 'counter.js', content: 'export class Counter { n = 0; add(by) { this.n += by; return this.n; } }' }];
  const run = await runTests({
    tests: [test],
    runTimeoutMs: 20_000,
    openSession: async () =>
      openSession(await spawnLocalAgent('node'), SandboxLimits.parse({}), {
        language: 'javascript',
        entry: 'counter.js',
        files,
        interface: { classes: { Counter: { constructor: [], methods: { add: ['by'] } } }, functions: {} },
      }),
  });
  expect(run.results[0]!.status).toBe('failed');
  return run.results[0]!.message;
}

it('reports a message-less assert.ok with the expression, value and line that failed', async () => {
  const message = await failureMessage(testCase('counts', body));
  expect(message).toBe(`assert.ok(second.value === 4) failed (assertion-message.test.ts:${lineOf('// the one that fails')}): the value was false`);
});

it('keeps an assertion’s own message, and adds the line to a generated comparison', async () => {
  const own = await failureMessage(testCase('own', async ({ sut }) => assert.equal(await (await sut.create('Counter')).call('add', 1), 2, 'one plus nothing is one')));
  expect(own).toMatch(/^one plus nothing is one/);
  const generated = await failureMessage(
    testCase('generated', async ({ sut }) => {
      const counter = await sut.create('Counter');
      assert.deepEqual(await counter.call('add', 5), 6); // a comparison
    }),
  );
  expect(generated).toMatch(new RegExp(`^assert\\.deepEqual\\(await counter\\.call\\('add', 5\\), 6\\) failed \\(assertion-message\\.test\\.ts:${lineOf('// a comparison')}\\): Expected values to be strictly deep-equal:`));
  expect(generated).toContain('5 !== 6');
});
