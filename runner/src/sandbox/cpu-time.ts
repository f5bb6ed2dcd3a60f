import { readdir, readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import { InfraError } from './sandbox-errors.js';

const CGROUP_ROOT = '/sys/fs/cgroup';

/**
 * Where a container's CPU counter lives, by cgroup version and driver: v1 cgroupfs
 * (`cpuacct/docker/<id>/cpuacct.usage`, ns; the layout on this project's machines), v1 systemd
 * (`cpuacct/system.slice/docker-<id>.scope`), v2 cgroupfs (`docker/<id>/cpu.stat`) and v2 systemd
 * (`system.slice/docker-<id>.scope/cpu.stat`, `usage_usec`).
 */
function counterPaths(containerId: string): Array<{ path: string; read: (text: string) => number | undefined }> {
  const v1 = (text: string) => Number(text.trim()) / 1e6;
  const v2 = (text: string) => {
    const match = /^usage_usec (\d+)$/m.exec(text);
    return match ? Number(match[1]) / 1e3 : undefined;
  };
  return [
    { path: `${CGROUP_ROOT}/cpuacct/docker/${containerId}/cpuacct.usage`, read: v1 },
    { path: `${CGROUP_ROOT}/cpu,cpuacct/docker/${containerId}/cpuacct.usage`, read: v1 },
    { path: `${CGROUP_ROOT}/cpuacct/system.slice/docker-${containerId}.scope/cpuacct.usage`, read: v1 },
    { path: `${CGROUP_ROOT}/cpu,cpuacct/system.slice/docker-${containerId}.scope/cpuacct.usage`, read: v1 },
    { path: `${CGROUP_ROOT}/docker/${containerId}/cpu.stat`, read: v2 },
    { path: `${CGROUP_ROOT}/system.slice/docker-${containerId}.scope/cpu.stat`, read: v2 },
  ];
}

/**
 * CPU time (ms) every process of a container has used so far: what the candidate's code cost,
 * whatever else the machine is doing. Read from the container's cgroup; where the runner cannot
 * see the host's cgroups (e.g. it runs in a container itself), from the engine's one-shot stats.
 */
export async function containerCpuTime(docker: Docker, containerId: string): Promise<number> {
  for (const { path, read } of counterPaths(containerId)) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    const ms = text === undefined ? undefined : read(text);
    if (ms !== undefined && Number.isFinite(ms)) return ms;
  }
  try {
    const stats = (await docker.getContainer(containerId).stats({ stream: false, 'one-shot': true } as { stream: false })) as {
      cpu_stats?: { cpu_usage?: { total_usage?: number } };
    };
    const ns = stats.cpu_stats?.cpu_usage?.total_usage;
    if (typeof ns === 'number') return ns / 1e6;
  } catch (error) {
    throw new InfraError(`could not read the sandbox's CPU time: ${error instanceof Error ? error.message : String(error)}`);
  }
  throw new InfraError("could not read the sandbox's CPU time: no cgroup counter and no engine stats");
}

/**
 * CPU time (ms) a local process's threads have used so far (the first field of each thread's
 * `schedstat`, in ns): the reference's cost, read the same way as a container's.
 */
export async function processCpuTime(pid: number): Promise<number> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => {
    throw new InfraError(`could not read the CPU time of process ${pid}`);
  });
  let ns = 0;
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8').catch(() => '0');
    ns += Number(text.split(' ')[0]) || 0;
  }
  return ns / 1e6;
}
