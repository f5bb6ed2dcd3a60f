import type Docker from 'dockerode';
import type { SandboxLimits } from '@assay/contract';
import { sandboxCommand, type Runtime } from './runtime.js';

/** Label every sandbox carries, so the janitor can find what a crashed runner left behind. */
export const SANDBOX_LABEL = 'dev.assay.sandbox';
/** The platform instance (one Redis and queue prefix) whose runner started the sandbox: see sandbox-fate.ts. */
export const INSTANCE_LABEL = 'dev.assay.instance';
export const RUNNER_LABEL = 'dev.assay.runner';

/** Who a sandbox belongs to: a runner, within a platform instance. */
export interface SandboxOwner {
  instanceId: string;
  runnerId: string;
}
/** The unprivileged uid:gid the agent runs as (nobody:nogroup). */
export const SANDBOX_USER = '65534:65534';

/**
 * The container a run gets. Every value comes from the runner's own configuration and the
 * challenge manifest it loaded itself; nothing from a job payload reaches it except the
 * runtime, which only selects one of the runner's known images.
 */
export function sandboxSpec(image: string, runtime: Runtime, limits: SandboxLimits, owner: SandboxOwner, { warmUp = true } = {}): Docker.ContainerCreateOptions {
  const mb = 1024 * 1024;
  return {
    Image: image,
    Cmd: sandboxCommand(runtime, limits.memoryMb, { warmUp }),
    User: SANDBOX_USER,
    WorkingDir: '/sandbox',
    Env: [],
    Labels: { [SANDBOX_LABEL]: '1', [INSTANCE_LABEL]: owner.instanceId, [RUNNER_LABEL]: owner.runnerId },
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: false,
    Tty: false,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      // A tmpfs `mode=` is ignored on this engine, so the sandbox user is made its owner instead.
      Tmpfs: {
        '/sandbox': `rw,nosuid,nodev,noexec,size=16m,nr_inodes=4096,uid=65534,gid=65534`,
        '/tmp': `rw,nosuid,nodev,noexec,size=4m,nr_inodes=1024,uid=65534,gid=65534`,
      },
      ShmSize: 1 * mb,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 64,
      Memory: limits.memoryMb * mb,
      MemorySwap: limits.memoryMb * mb,
      NanoCpus: Math.round(limits.cpus * 1e9),
      Ulimits: [
        { Name: 'nofile', Soft: 256, Hard: 256 },
        { Name: 'core', Soft: 0, Hard: 0 },
        { Name: 'fsize', Soft: 16 * mb, Hard: 16 * mb },
      ],
      Init: true,
      LogConfig: { Type: 'none', Config: {} },
      IpcMode: 'private',
      Privileged: false,
      AutoRemove: false,
    },
  };
}
