import type { Redis } from 'ioredis';
import type Docker from 'dockerode';

/**
 * Which containers served which grading, kept in Redis. BullMQ delivers at least once: when a
 * job runs again (its runner stalled or died), the containers of the earlier delivery are
 * removed first, so two copies of one job never run side by side for long.
 */
export function createJobContainers({ redis, docker, prefix }: { redis: Redis; docker: Docker; prefix: string }) {
  const key = (gradingId: string) => `${prefix}:job-containers:${gradingId}`;
  return {
    async record(gradingId: string, containerId: string): Promise<void> {
      await redis.multi().sadd(key(gradingId), containerId).expire(key(gradingId), 3600).exec();
    },
    /** Removes every container an earlier delivery of this grading used; returns how many. */
    async removeEarlier(gradingId: string): Promise<number> {
      const ids = await redis.smembers(key(gradingId));
      await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
      await redis.del(key(gradingId));
      return ids.length;
    },
  };
}
