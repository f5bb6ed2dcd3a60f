import { createHash } from 'node:crypto';

/**
 * The platform instance a runner serves: one Redis and one queue prefix. Every runner of an
 * instance (on any host) computes the same id, and no other instance does; it is a hash, so the
 * label on a container says nothing about where Redis is or how to log in to it.
 */
export function instanceIdOf(redisUrl: string, prefix: string): string {
  return createHash('sha256').update(`${redisUrl}\n${prefix}`).digest('hex').slice(0, 16);
}
