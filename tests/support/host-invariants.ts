import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { promisify } from 'node:util';

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
