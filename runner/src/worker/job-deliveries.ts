import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type Docker from 'dockerode';

/**
 * Fences the deliveries of one grading. BullMQ delivers at least once, and after a Redis
 * restart the API's reconciler re-enqueues what it has no verdict for, so two deliveries of a
 * grading can overlap. The newest delivery claims the grading and removes the containers of
 * any earlier one; an earlier delivery that finishes anyway sees it no longer owns the grading
 * and drops its result, so only the newest run's verdict is ever published.
 */
export function createJobDeliveries({ redis, docker, prefix }: { redis: Redis; docker: Docker; prefix: string }) {
  const containersKey = (gradingId: string) => `${prefix}:job-containers:${gradingId}`;
  const ownerKey = (gradingId: string) => `${prefix}:job-owner:${gradingId}`;
  const TTL_S = 3600;
  return {
    /** Makes this delivery the grading's owner; returns its id and how many earlier containers it removed. */
    async claim(gradingId: string): Promise<{ deliveryId: string; removed: number }> {
      const deliveryId = randomUUID();
      await redis.set(ownerKey(gradingId), deliveryId, 'EX', TTL_S);
      const ids = await redis.smembers(containersKey(gradingId));
      await Promise.all(ids.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
      await redis.del(containersKey(gradingId));
      return { deliveryId, removed: ids.length };
    },
    async record(gradingId: string, containerId: string): Promise<void> {
      await redis.multi().sadd(containersKey(gradingId), containerId).expire(containersKey(gradingId), TTL_S).exec();
    },
    /**
     * Whether this delivery still owns the grading. A missing claim (Redis lost it in a
     * restart) counts as owned: the verdict is fenced again by the database, one per grading.
     */
    async owns(gradingId: string, deliveryId: string): Promise<boolean> {
      const owner = await redis.get(ownerKey(gradingId));
      return owner === null || owner === deliveryId;
    },
  };
}

export type JobDeliveries = ReturnType<typeof createJobDeliveries>;
