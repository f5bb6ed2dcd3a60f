import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';

const run = promisify(execFile);

/** Processes running as the sandbox user (65534) anywhere on the host. */
export async function sandboxUserProcesses(): Promise<string[]> {
  const { stdout } = await run('ps', ['-u', '65534', '-o', 'pid=,comm=']).catch(() => ({ stdout: '' }));
  return stdout.split('\n').map((line) => line.trim()).filter(Boolean);
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
 * process of the sandbox user, host disk and the grading process's memory back to baseline.
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
      expect(await leftovers(), 'containers left behind').toEqual([]);
      expect(await sandboxUserProcesses(), 'sandbox-user processes left behind').toEqual([]);
      expect(disk - (await freeDiskBytes()), 'host disk used').toBeLessThan(diskSlackBytes);
      expect(heapAfterCollection() - heap, "the grading process's heap grew").toBeLessThan(heapSlackBytes);
    },
  };
}
