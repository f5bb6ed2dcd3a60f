import type Docker from 'dockerode';
import { RUNNER_LABEL, SANDBOX_LABEL } from './sandbox-spec.js';

export interface JanitorDeps {
  docker: Docker;
  /** Whether a runner (by id) is still alive; its containers are left alone. */
  isRunnerAlive(runnerId: string): Promise<boolean>;
  /**
   * Containers younger than this are spared even without a live owner (default 60 s): tools
   * that grade without a heartbeat (`challenge validate`, tests) start containers that live
   * seconds, and a new runner's first heartbeat may not be written yet.
   */
  graceMs?: number;
  now?: () => number;
}

/** An ended sandbox is left alone this long after it ended: its runner may still be inspecting it. */
const ENDED_GRACE_MS = 10_000;

/**
 * Removes sandboxes that no live runner owns (the leftovers of a runner that was killed), and
 * ended sandboxes of any runner (a sandbox is never reused, so one that has ended is only left
 * when its removal failed, e.g. while the Docker engine was restarting). A live runner's
 * running containers are never touched.
 */
export function createJanitor({ docker, isRunnerAlive, graceMs = 60_000, now = Date.now }: JanitorDeps) {
  const remove = (id: string) => docker.getContainer(id).remove({ force: true }).then(() => true, () => false);
  const endedLongAgo = async (info: Docker.ContainerInfo): Promise<boolean> => {
    if (info.State === 'running' || info.State === 'restarting' || info.State === 'paused') return false;
    if (info.State !== 'exited' && info.State !== 'dead') return now() - info.Created * 1000 > graceMs; // created, never started
    const { State } = await docker.getContainer(info.Id).inspect().catch(() => ({ State: { FinishedAt: '' } }));
    const finished = Date.parse(State.FinishedAt);
    return Number.isFinite(finished) && now() - finished > ENDED_GRACE_MS;
  };
  return {
    /** Removes every sandbox of one runner: its own, when it stops without waiting for a job. */
    async removeOwnedBy(runnerId: string): Promise<number> {
      const containers = await docker.listContainers({ all: true, filters: { label: [`${RUNNER_LABEL}=${runnerId}`] } });
      return (await Promise.all(containers.map((info) => remove(info.Id)))).filter(Boolean).length;
    },
    async sweep(): Promise<string[]> {
      const containers = await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } });
      const removed: string[] = [];
      const alive = new Map<string, boolean>();
      for (const info of containers) {
        if (!(await endedLongAgo(info))) {
          if (now() - info.Created * 1000 < graceMs) continue;
          const owner = info.Labels[RUNNER_LABEL] ?? '';
          if (!alive.has(owner)) alive.set(owner, owner !== '' && (await isRunnerAlive(owner)));
          if (alive.get(owner)) continue;
        }
        if (await remove(info.Id)) removed.push(info.Id);
      }
      return removed;
    },
  };
}
