import type { Redis } from 'ioredis';

/** A key that exists while this runner lives; the janitor spares containers of live runners. */
export function createRunnerHeartbeat({ redis, prefix, runnerId, ttlMs = 15_000 }: { redis: Redis; prefix: string; runnerId: string; ttlMs?: number }) {
  const key = (id: string) => `${prefix}:runner:${id}`;
  let timer: NodeJS.Timeout | undefined;
  const beat = () => redis.set(key(runnerId), String(Date.now()), 'PX', ttlMs).catch(() => undefined);
  const onReady = () => void beat();
  return {
    async start(): Promise<void> {
      await beat();
      timer = setInterval(beat, ttlMs / 3);
      timer.unref();
      redis.on('ready', onReady); // Redis is back, perhaps empty: beat at once
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      redis.off('ready', onReady);
      await redis.del(key(runnerId)).catch(() => undefined);
    },
    isAlive: async (id: string) => (await redis.exists(key(id))) === 1,
  };
}
