import { execFile } from 'node:child_process';
import { readFile, statfs } from 'node:fs/promises';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Docker from 'dockerode';
import { expect } from 'vitest';

const run = promisify(execFile);

/** The container a process runs in (from its cgroup path), or undefined for a process outside any. */
async function containerOf(pid: string): Promise<string | undefined> {
  const cgroup = await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => '');
  return /\b([0-9a-f]{64})\b/.exec(cgroup)?.[1];
}

/**
 * Processes running as the sandbox user (65534) on the host that are this test's: outside any
 * container (escaped, or left behind), or inside one of `own` containers. Processes in anyone
 * else's container (a running `npm start`, another test's sandboxes) are theirs, not leftovers.
 */
export async function sandboxUserProcesses(own: string[] = []): Promise<string[]> {
  const { stdout } = await run('ps', ['-u', '65534', '-o', 'pid=,comm=']).catch(() => ({ stdout: '' }));
  const processes = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  // Listed after the processes: a container whose process we saw is either listed here or gone.
  const others = new Set((await new Docker().listContainers({ all: true })).map((c) => c.Id).filter((id) => !own.includes(id)));
  const mine: string[] = [];
  for (const line of processes) {
    const pid = line.split(/\s+/)[0]!;
    const container = await containerOf(pid);
    if (container && others.has(container)) continue;
    if (await readFile(`/proc/${pid}/stat`).then(() => true, () => false)) mine.push(line);
  }
  return mine;
}

export async function freeDiskBytes(path = '/var/lib/docker'): Promise<number> {
  const stats = await statfs(path).catch(() => statfs('/'));
  return stats.bavail * stats.bsize;
}

/** The heap of this process after a full collection: what grading keeps, not what it churned. */
function heapAfterCollection(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/**
 * What must hold on the host after every adversarial case: no container of the run left, no
 * process of the sandbox user outside other instances' containers, host disk and the grading
 * process's memory back to baseline. Only what the test created counts, so the suite passes
 * beside a running `npm start` (whose warm sandboxes run as the same user).
 * `baseline()` once before the cases; `check()` after each.
 */
export function hostInvariants(leftovers: () => Promise<string[]>, { diskSlackBytes = 50 * 1024 * 1024, heapSlackBytes = 64 * 1024 * 1024 } = {}) {
  let disk = 0;
  let heap = 0;
  return {
    async baseline(): Promise<void> {
      disk = await freeDiskBytes();
      heap = heapAfterCollection();
    },
    async check(): Promise<void> {
      const left = await leftovers();
      expect(left, 'containers left behind').toEqual([]);
      expect(await sandboxUserProcesses(left), 'sandbox-user processes left behind').toEqual([]);
      expect(disk - (await freeDiskBytes()), 'host disk used').toBeLessThan(diskSlackBytes);
      expect(heapAfterCollection() - heap, "the grading process's heap grew").toBeLessThan(heapSlackBytes);
    },
  };
}
