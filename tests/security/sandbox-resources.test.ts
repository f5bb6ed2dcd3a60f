import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestStatus } from '@assay/contract';
import type { Runtime } from '../../runner/src/sandbox/runtime.js';
import { expectRun, inspectRun, runBox } from '../support/box.js';
import { testSandboxes } from '../support/docker-sandboxes.js';
import { hostInvariants } from '../support/host-invariants.js';

/**
 * Group 1 of the adversarial suite: resource attacks. Each case runs hostile code in a real
 * sandbox next to a benign run, and must end in the expected status within the call limit
 * plus one second (plus container start), leaving nothing behind.
 */
const CALL_LIMIT_MS = 2_000;
const SLACK_MS = 1_000 + 1_500; // the "plus one second" of the issue, plus starting a cold container

interface Case {
  name: string;
  runtime: Runtime;
  body: string;
  /** Statuses that count as the right outcome. */
  expect: TestStatus[];
  /** What run() must return when the expected status is `passed`. */
  returns?: (value: unknown) => void;
}

const cases: Case[] = [
  { name: 'fork bomb', runtime: 'python', body: 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass', expect: ['timeout'] },
  { name: 'fork bomb (spawn loop)', runtime: 'node', body: 'const cp = require("child_process");\nfor (;;) { try { cp.spawn(process.execPath, ["-e", "for(;;){}"]); } catch {} }', expect: ['timeout'] },
  { name: 'thread bomb', runtime: 'python', body: 'import threading, time\nn = 0\ntry:\n    while True:\n        threading.Thread(target=time.sleep, args=(100,), daemon=True).start()\n        n += 1\nexcept RuntimeError:\n    return n', expect: ['passed'], returns: (n) => expect(n).toBeLessThan(64) },
  { name: 'thread bomb (workers)', runtime: 'node', body: 'const { Worker } = require("worker_threads");\nfor (let i = 0; i < 200; i++) new Worker("for(;;){}", { eval: true });\nfor (;;) {}', expect: ['failed', 'timeout', 'memory_limit', 'crashed'] },
  { name: 'memory bomb', runtime: 'python', body: 'a = []\nwhile True:\n    a.append(bytearray(10**7))', expect: ['memory_limit'] },
  { name: 'memory bomb', runtime: 'node', body: 'const a = [];\nfor (;;) a.push(Buffer.alloc(1e7, 1));', expect: ['memory_limit'] },
  { name: 'untouched large mmap is fine', runtime: 'python', body: 'import mmap\nm = mmap.mmap(-1, 1 << 30)\nreturn len(m)', expect: ['passed'], returns: (v) => expect(v).toBe(1 << 30) },
  { name: 'filling /dev/shm', runtime: 'python', body: 'try:\n    with open("/dev/shm/fill", "wb") as f:\n        while True:\n            f.write(b"x" * 65536)\nexcept OSError as e:\n    return e.strerror', expect: ['passed'], returns: (v) => expect(String(v)).toMatch(/space|large/i) },
  { name: 'filling the tmpfs work dir', runtime: 'python', body: 'try:\n    i = 0\n    while True:\n        with open(f"/sandbox/fill{i}", "wb") as f:\n            f.write(b"x" * (1 << 20))\n        i += 1\nexcept OSError as e:\n    return e.strerror', expect: ['passed'], returns: (v) => expect(String(v)).toMatch(/space/i) },
  { name: 'a sparse huge file hits the file size limit', runtime: 'python', body: 'import signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\ntry:\n    with open("/sandbox/sparse", "wb") as f:\n        f.seek(10**10)\n        f.write(b"x")\n    return "written"\nexcept OSError as e:\n    return e.strerror', expect: ['passed'], returns: (v) => expect(String(v)).toMatch(/too large|space/i) },
  { name: 'inode exhaustion', runtime: 'python', body: 'import os\nos.makedirs("/sandbox/inodes", exist_ok=True)\ntry:\n    i = 0\n    while True:\n        open(f"/sandbox/inodes/{i}", "w").close()\n        i += 1\nexcept OSError as e:\n    return [i, e.strerror]', expect: ['passed'], returns: (v) => expect((v as [number, string])[0]).toBeLessThan(5_000) },
  { name: 'fd exhaustion', runtime: 'python', body: 'files = []\ntry:\n    while True:\n        files.append(open("/dev/null"))\nexcept OSError as e:\n    return [len(files), e.strerror]', expect: ['passed'], returns: (v) => expect((v as [number, string])[0]).toBeLessThan(256) },
  { name: 'zombie accumulation', runtime: 'python', body: 'import os\nn = 0\ntry:\n    while True:\n        if os.fork() == 0:\n            os._exit(0)\n        n += 1\nexcept OSError:\n    return n', expect: ['passed'], returns: (v) => expect(v as number).toBeLessThan(64) },
  { name: 'CPU burn on more threads than cores', runtime: 'node', body: 'const { Worker } = require("worker_threads");\nfor (let i = 0; i < 4; i++) new Worker("for(;;){}", { eval: true });\nfor (;;) {}', expect: ['timeout'] },
  { name: 'sleep past the limit with SIGTERM ignored', runtime: 'python', body: 'import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(1000)', expect: ['timeout'] },
  { name: 'blocking on stdin', runtime: 'python', body: 'import sys\nreturn sys.stdin.read()', expect: ['timeout'] },
  { name: 'output flood with newlines', runtime: 'python', body: 'while True:\n    print("flood " * 100)', expect: ['output_limit'] },
  { name: 'output flood without newlines', runtime: 'node', body: 'for (;;) process.stdout.write("x".repeat(65536));', expect: ['output_limit'] },
  { name: 'binary and invalid UTF-8 flood', runtime: 'python', body: 'import os\nwhile True:\n    os.write(2, os.urandom(65536) + b"\\xff\\xfe")', expect: ['output_limit'] },
  { name: 'flood on the frame channel itself', runtime: 'python', body: 'import os\nwhile True:\n    os.write(1, b"y" * 65536)', expect: ['output_limit'] },
  // Node's tight writeSync loop on fd 1 can stall Docker's attach copy after a few hundred KB;
  // then the call limit ends it. When the stalled write throws EAGAIN, the agent's reply lands
  // on the end of the candidate's line: a frame out of turn, `crashed`. Bounded, never a pass.
  { name: 'flood on the frame channel itself', runtime: 'node', body: 'const fs = require("fs");\nfor (;;) fs.writeSync(1, "y".repeat(65536));', expect: ['output_limit', 'timeout', 'crashed'] },
];

let env: Awaited<ReturnType<typeof testSandboxes>>;
let host: ReturnType<typeof hostInvariants>;
beforeAll(async () => {
  env = await testSandboxes('resources');
  host = hostInvariants(env.leftovers);
  await host.baseline();
});
afterAll(async () => {
  await env.sandboxes.close();
});
afterEach(() => host.check());

describe('resource attacks end in the right verdict within the limit', () => {
  it.each(cases.map((c) => [`${c.name} (${c.runtime})`, c] as const))('%s', async (_, attack) => {
    const benign = runBox(env.sandboxes, attack.runtime === 'node' ? 'python' : 'node', attack.runtime === 'node' ? 'return 42' : 'return 42;', expectRun(42));
    const hostile = await runBox(env.sandboxes, attack.runtime, attack.body, inspectRun(attack.returns ?? (() => undefined)), { callTimeoutMs: CALL_LIMIT_MS });
    const result = hostile.results[0]!;
    expect(attack.expect, `status ${result.status}: ${result.message}`).toContain(result.status);
    expect(hostile.elapsedMs).toBeLessThan(CALL_LIMIT_MS + SLACK_MS);
    const benignRun = await benign;
    expect(benignRun.results[0]?.status, 'a benign run at the same time').toBe('passed');
  });
});
