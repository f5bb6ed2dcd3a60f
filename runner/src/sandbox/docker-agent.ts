import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import type { SandboxLimits } from '@assay/contract';
import type { AgentProcess, ExitInfo } from './agent-process.js';
import type { Runtime } from './runtime.js';
import { containerCpuTime } from './cpu-time.js';
import { assertNotStoppedByEngine } from './engine-stop.js';
import { InfraError } from './sandbox-errors.js';
import { sandboxSpec, type SandboxOwner } from './sandbox-spec.js';

const OOM_EVENT_GRACE_MS = 300;

export interface DockerAgent extends AgentProcess {
  readonly containerId: string;
  /** True once the container has ended (it may die while waiting in the pool). */
  readonly ended: boolean;
}

/**
 * Creates, attaches to and starts one sandbox container; the agent inside waits for code on
 * stdin. The container is removed when it exits or is killed, never reused.
 */
export async function startDockerAgent(
  docker: Docker,
  image: string,
  runtime: Runtime,
  limits: SandboxLimits,
  owner: SandboxOwner,
  { warmUp = true } = {},
): Promise<DockerAgent> {
  let container: Docker.Container;
  try {
    container = await docker.createContainer(sandboxSpec(image, runtime, limits, owner, { warmUp }));
  } catch (error) {
    throw new InfraError(`could not create a sandbox: ${message(error)}`);
  }
  let killedByUs = false;
  let ended = false;
  // One removal per container, awaited by everyone who asks: a second `remove` would get 409
  // (removal in progress) at once and report the container gone while it still exists.
  let removal: Promise<void> | undefined;
  const remove = () =>
    (removal ??= container.remove({ force: true }).catch((error: { statusCode?: number }) => {
      if (error.statusCode === 404) return; // already gone
      removal = undefined; // e.g. the engine is restarting: a later call may succeed
      throw error;
    }));
  try {
    const stream = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as NodeJS.ReadWriteStream;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    docker.modem.demuxStream(stream, stdout, stderr);
    stream.on('end', () => {
      stdout.end();
      stderr.end();
    });
    stream.on('error', () => undefined);
    const stdin = new PassThrough();
    stdin.pipe(stream as unknown as NodeJS.WritableStream);
    const startedAt = Date.now();
    await container.start();
    const exited: Promise<ExitInfo> = container.wait().then(
      async (result: { StatusCode: number }) => {
        ended = true;
        let oomKilled = false;
        if (!killedByUs) {
          const inspect = () =>
            container.inspect().catch((error) => {
              throw new InfraError(`the sandbox ended and could not be inspected: ${message(error)}`);
            });
          await assertNotStoppedByEngine(docker, container.id, startedAt);
          oomKilled = (await inspect()).State.OOMKilled;
          // The engine can report the exit before it has processed the kernel's OOM event (seen
          // with Docker 20.10 on cgroup v1): a SIGKILLed agent gets a second look before it is
          // called a crash.
          if (!oomKilled && result.StatusCode === 137) {
            await new Promise((resolve) => setTimeout(resolve, OOM_EVENT_GRACE_MS));
            oomKilled = (await inspect()).State.OOMKilled;
          }
        }
        await remove().catch(() => undefined);
        return { exitCode: result.StatusCode, oomKilled };
      },
      (error: unknown) => {
        ended = true;
        if (killedByUs) return { exitCode: null, oomKilled: false };
        throw new InfraError(`lost the sandbox while waiting for it: ${message(error)}`);
      },
    );
    exited.catch(() => undefined);
    return {
      containerId: container.id,
      get ended() {
        return ended;
      },
      stdin,
      stdout,
      stderr,
      exited,
      cpuTimeMs: () => containerCpuTime(docker, container.id),
      async kill() {
        killedByUs = true;
        await remove().catch(() => undefined);
        await exited.catch(() => undefined);
      },
    };
  } catch (error) {
    killedByUs = true;
    await remove().catch(() => undefined);
    throw error instanceof InfraError ? error : new InfraError(`could not start a sandbox: ${message(error)}`);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
