import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { expectRun, runBox } from '../support/box.js';
import { testSandboxes } from '../support/docker-sandboxes.js';

/**
 * Hostile code in real hardened containers ends in the verdict kind it deserves, and leaves
 * no container behind. (The whole pipeline, API to verdict, is in grading-pipeline.test.ts.)
 */
const runsOnce = expectRun(42);

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
    memory: 'a = []\nwhile True: a.append(bytearray(10**7))',
    flood: 'import sys\nwhile True: sys.stderr.write("x" * 65536)',
    crash: 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)',
    network: 'import socket\ntry:\n    socket.create_connection(("127.0.0.1", 6379), timeout=1)\n    return 1\nexcept OSError as e:\n    return type(e).__name__',
  },
};

let env: Awaited<ReturnType<typeof testSandboxes>>;
beforeAll(async () => {
  env = await testSandboxes('verdicts');
});
afterAll(async () => {
  await env.sandboxes.close();
});

const grade = (runtime: Runtime, program: string) => runBox(env.sandboxes, runtime, program, runsOnce, { callTimeoutMs: 1_500 });

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
