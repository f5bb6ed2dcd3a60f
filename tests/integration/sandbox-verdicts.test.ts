import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxLimits, type SubmittedFile } from '@assay/contract';
import { openSession } from '../../runner/src/grading/open-session.js';
import { runTests } from '../../runner/src/harness/run-tests.js';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { testSandboxes } from '../support/docker-sandboxes.js';

/**
 * Hostile code in real hardened containers ends in the verdict kind it deserves, and leaves
 * no container behind. (The whole pipeline, API to verdict, is in grading-pipeline.test.ts.)
 */
const limits = SandboxLimits.parse({ callTimeoutMs: 1_500, memoryMb: 128, outputKillKb: 256 });
const iface = { classes: { Box: { constructor: [], methods: { run: [] } } }, functions: {} };
const runsOnce: TestCase = {
  name: 'run returns 42',
  category: 'c',
  weight: 1,
  file: 'inline',
  body: async ({ sut }) => assert.equal(await (await sut.create('Box')).call('run'), 42),
};

const programs: Record<Runtime, Record<string, string>> = {
  node: {
    correct: 'return 42;',
    loop: 'for (;;) {}',
    memory: 'const a = []; for (;;) a.push(new Array(1e6).fill(7));',
    flood: 'for (;;) process.stderr.write("x".repeat(65536));',
    crash: 'process.kill(process.pid, "SIGKILL");',
    network: 'return new Promise((resolve) => { const s = require("net").connect(6379, "127.0.0.1"); s.on("connect", () => resolve(1)); s.on("error", (e) => resolve(e.code)); });',
  },
  python: {
    correct: 'return 42',
    loop: 'while True: pass',
    memory: 'a = []\n        while True: a.append(bytearray(10**7))',
    flood: 'import sys\n        while True: sys.stderr.write("x" * 65536)',
    crash: 'import os, signal\n        os.kill(os.getpid(), signal.SIGKILL)',
    network: 'import socket\n        try:\n            socket.create_connection(("127.0.0.1", 6379), timeout=1)\n            return 1\n        except OSError as e:\n            return type(e).__name__',
  },
};

function files(runtime: Runtime, body: string): SubmittedFile[] {
  return runtime === 'node'
    ? [{ path: 'box.js', content: `export class Box { run() { ${body} } }` }]
    : [{ path: 'box.py', content: `class Box:\n    def run(self):\n        ${body}\n` }];
}

let env: Awaited<ReturnType<typeof testSandboxes>>;
beforeAll(async () => {
  env = await testSandboxes('verdicts');
});
afterAll(async () => {
  await env.sandboxes.close();
});

async function grade(runtime: Runtime, program: string) {
  const code = files(runtime, program);
  return runTests({
    tests: [runsOnce],
    runTimeoutMs: 20_000,
    restarts: 0,
    openSession: async () =>
      openSession(await env.sandboxes.open(runtime, limits, { gradingId: 'test' }), limits, {
        language: runtime === 'node' ? 'javascript' : 'python',
        entry: code[0]!.path,
        files: code,
        interface: iface,
      }),
  });
}

describe.each(['node', 'python'] as const)('%s sandbox', (runtime) => {
  it.each([
    ['correct', 'passed'],
    ['loop', 'timeout'],
    ['memory', 'memory_limit'],
    ['flood', 'output_limit'],
    ['crash', 'crashed'],
  ])('%s code ends as %s', async (program, status) => {
    const run = await grade(runtime, programs[runtime][program]!);
    expect(run.results[0]?.status, run.results[0]?.message).toBe(status);
    expect(await env.leftovers()).toEqual([]);
  });

  it('has no network: connecting to the host Redis fails inside the sandbox', async () => {
    const run = await grade(runtime, programs[runtime].network!);
    expect(run.results[0]?.status).toBe('failed');
    expect(run.results[0]?.message).toMatch(/ENETUNREACH|ECONNREFUSED|ConnectionRefused|OSError/i);
    expect(run.results[0]?.message).not.toMatch(/\b1 !==/);
  });
});
