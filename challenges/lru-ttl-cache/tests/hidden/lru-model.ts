/**
 * The trusted model for expectations (tests only): a naive LRU-with-TTL, O(n) and obviously right.
 * `reached` counts the states a walk went through, so a suite can prove its walk exercised them.
 */
export function lruModel(capacity: number, defaultTtlMs: number) {
  let entries: Array<{ key: string; value: unknown; expiresAt: number }> = [];
  const reached = { keys: new Set<string>(), fullest: 0, evictions: 0, expired: 0 };
  const live = (now: number) => {
    const kept = entries.filter((e) => now < e.expiresAt);
    reached.expired += entries.length - kept.length;
    return (entries = kept);
  };
  return {
    get(key: string, now: number): unknown {
      const index = entries.findIndex((e) => e.key === key);
      reached.keys.add(key);
      if (index < 0) return null;
      const [entry] = entries.splice(index, 1);
      if (now >= entry!.expiresAt) {
        reached.expired += 1;
        return null;
      }
      entries.push(entry!);
      return entry!.value;
    },
    put(key: string, value: unknown, now: number, ttlMs?: number): void {
      const index = entries.findIndex((e) => e.key === key);
      reached.keys.add(key);
      if (index >= 0) entries.splice(index, 1);
      else if (entries.length >= capacity) {
        entries.shift();
        reached.evictions += 1;
      }
      entries.push({ key, value, expiresAt: now + (ttlMs ?? defaultTtlMs) });
      reached.fullest = Math.max(reached.fullest, entries.length);
    },
    size: (now: number) => live(now).length,
    reached,
  };
}
