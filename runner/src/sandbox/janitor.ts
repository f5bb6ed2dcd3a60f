import type Docker from 'dockerode';
import { sandboxFate, SANDBOX_MAX_AGE_MS, type SandboxFacts } from './sandbox-fate.js';
import { INSTANCE_LABEL, RUNNER_LABEL, SANDBOX_LABEL } from './sandbox-spec.js';

export interface JanitorDeps {
  docker: Docker;
  /** The instance this janitor's runner serves: only its sandboxes are judged by their owner's liveness. */
  instanceId: string;
  /** Whether a runner of this instance (by id) is still alive; its running containers are left alone. */
  isRunnerAlive(runnerId: string): Promise<boolean>;
  /**
   * Containers younger than this are spared even without a live owner (default 60 s): tools
   * that grade without a heartbeat (`challenge validate`, tests) start containers that live
   * seconds, and a new runner's first heartbeat may not be written yet.
   */
  graceMs?: number;
  /** No live runner keeps a sandbox longer (default 1 h; the pool recycles warm ones after 20 min). */
  maxAgeMs?: number;
  now?: () => number;
}

/** An ended sandbox is left alone this long after it ended: its runner may still be inspecting it. */
const ENDED_GRACE_MS = 10_000;

/**
 * Removes sandboxes whose fate (sandbox-fate.ts) says so: this instance's leftovers of a runner
 * that was killed, this instance's ended sandboxes (a sandbox is never reused, so one that has
 * ended is only left when its removal failed, e.g. while the Docker engine was restarting), and
 * sandboxes of any instance that are provably orphaned. A live runner's running containers, and
 * other instances' live ones, are never touched.
 */
export function createJanitor({ docker, instanceId, isRunnerAlive, graceMs = 60_000, maxAgeMs = SANDBOX_MAX_AGE_MS, now = Date.now }: JanitorDeps) {
  const remove = (id: string) => docker.getContainer(id).remove({ force: true }).then(() => true, () => false);
  async function factsOf(info: Docker.ContainerInfo): Promise<SandboxFacts> {
    const base = { instanceId: info.Labels[INSTANCE_LABEL], ageMs: now() - info.Created * 1000 };
    if (info.State === 'running' || info.State === 'restarting' || info.State === 'paused') return { ...base, state: 'running' };
    if (info.State !== 'exited' && info.State !== 'dead') return { ...base, state: 'never-started' };
    if (base.instanceId !== instanceId) return { ...base, state: 'ended' }; // another instance's: its age decides
    const { State } = await docker.getContainer(info.Id).inspect().catch(() => ({ State: { FinishedAt: '' } }));
    const finished = Date.parse(State.FinishedAt);
    return { ...base, state: 'ended', ...(Number.isFinite(finished) ? { endedForMs: now() - finished } : {}) };
  }
  return {
    /** Removes every sandbox of one runner of this instance: its own, when it stops without waiting for a job. */
    async removeOwnedBy(runnerId: string): Promise<number> {
      const containers = await docker.listContainers({ all: true, filters: { label: [`${INSTANCE_LABEL}=${instanceId}`, `${RUNNER_LABEL}=${runnerId}`] } });
      return (await Promise.all(containers.map((info) => remove(info.Id)))).filter(Boolean).length;
    },
    async sweep(): Promise<string[]> {
      const containers = await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } });
      const removed: string[] = [];
      const alive = new Map<string, boolean>();
      const ownerAlive = async (owner: string) => {
        if (!alive.has(owner)) alive.set(owner, owner !== '' && (await isRunnerAlive(owner)));
        return alive.get(owner)!;
      };
      for (const info of containers) {
        const fate = sandboxFate(await factsOf(info), { ownInstanceId: instanceId, graceMs, maxAgeMs, endedGraceMs: ENDED_GRACE_MS });
        if (fate === 'keep' || (fate === 'remove-if-owner-dead' && (await ownerAlive(info.Labels[RUNNER_LABEL] ?? '')))) continue;
        if (await remove(info.Id)) removed.push(info.Id);
      }
      return removed;
    },
  };
}
