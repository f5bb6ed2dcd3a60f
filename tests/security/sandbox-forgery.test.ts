import assert from 'node:assert/strict';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestCase } from '../../runner/src/harness/test-case.js';
import { expectRun, inspectRun, runBox } from '../support/box.js';
import { hostInvariants } from '../support/host-invariants.js';
import { testSandboxes } from '../support/docker-sandboxes.js';

/**
 * Group 4 of the adversarial suite, at the sandbox level: forgeries that fool in-process
 * graders. The expected value (42) lives only on the harness side; the candidate's run()
 * returns the wrong thing while trying to look right. None may pass. (The same attacks
 * through the whole pipeline, with planted hidden tests, are in api-and-pipeline tests.)
 */
const wants42: TestCase = expectRun(42);

const forgeries: Array<[string, 'node' | 'python', string]> = [
  ['TAP output', 'node', 'console.log("TAP version 13\\nok 1 - run returns 42\\n1..1\\n# pass 1\\n# fail 0"); return 41;'],
  ['JUnit XML', 'node', 'console.log(\'<testsuite tests="1" failures="0"><testcase name="run"/></testsuite>\'); return 41;'],
  ['pytest summary', 'python', 'print("===== 1 passed in 0.01s =====")\nreturn 41'],
  ['our own frames on fd 1, for future request ids', 'python', 'import os, json\nfor i in range(1, 50):\n    os.write(1, (json.dumps({"id": i, "ok": True, "value": 42}) + "\\n").encode())\nreturn 41'],
  ['our own frames for the pending call, then exit 0', 'node', 'const fs = require("fs");\nfor (let i = 1; i < 50; i++) fs.writeSync(1, JSON.stringify({ type: "loaded", missing: [] }) + "\\n");\nprocess.exit(0);'],
  ['early exit(0)', 'python', 'import os\nos._exit(0)'],
  ['early exit(0) via sys.exit', 'python', 'import sys\nsys.exit(0)'],
  ['early process.exit(0)', 'node', 'process.exit(0);'],
  ['patched assert and Object.is', 'node', 'const a = require("assert"); a.equal = a.strictEqual = a.deepStrictEqual = () => {}; Object.is = () => true; return 41;'],
  ['an object whose __eq__ is always true', 'python', 'class Liar:\n    def __eq__(self, other):\n        return True\nreturn Liar()'],
  ['a value with toJSON pretending to be 42 after the fact', 'node', 'return { toJSON() { return "42"; } };'],
  ['killing the agent', 'python', 'import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nos.kill(os.getpid(), signal.SIGKILL)'],
  ['killing the agent', 'node', 'process.kill(1, "SIGKILL"); process.kill(process.pid, "SIGKILL");'],
  ['a never-ending promise', 'node', 'return new Promise(() => {});'],
];

let env: Awaited<ReturnType<typeof testSandboxes>>;
let host: ReturnType<typeof hostInvariants>;
beforeAll(async () => {
  env = await testSandboxes('forgery');
  host = hostInvariants(env.leftovers);
  await host.baseline();
});
afterEach(() => host.check());
afterAll(async () => {
  await env.sandboxes.close();
});

describe('forgeries never pass', () => {
  it.each(forgeries)('%s (%s)', async (_, runtime, body) => {
    const run = await runBox(env.sandboxes, runtime, body, wants42, { callTimeoutMs: 1_500 });
    expect(run.results[0]?.status).not.toBe('passed');
  });

  it('the sandbox holds no test, suite or solution file to read', async () => {
    const search = 'import os\nfound = []\nfor top in ["/agent", "/sandbox", "/tmp", "/usr/lib/python3.11", "/etc"]:\n    for base, dirs, names in os.walk(top):\n        for n in names:\n            p = os.path.join(base, n)\n            if n.endswith(".suite.ts") or "hidden" in p or "solutions" in p or "challenge.yaml" in n:\n                found.append(p)\nreturn found';
    let found: unknown;
    const run = await runBox(env.sandboxes, 'python', search, inspectRun((v) => (found = v)), { callTimeoutMs: 5_000 });
    expect(run.results[0]?.status).toBe('passed');
    assert.deepEqual(found, []);
  });
});
