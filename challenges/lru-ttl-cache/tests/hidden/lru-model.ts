/** The trusted model for expectations (tests only): a naive LRU-with-TTL, O(n) and obviously right. */
export function lruModel(capacity: number, defaultTtlMs: number) {
  let entries: Array<{ key: string; value: unknown; expiresAt: number }> = [];
  const live = (now: number) => (entries = entries.filter((e) => now < e.expiresAt));
  return {
    get(key: string, now: number): unknown {
      const index = entries.findIndex((e) => e.key === key);
      if (index < 0) return null;
      const [entry] = entries.splice(index, 1);
      if (now >= entry!.expiresAt) return null;
      entries.push(entry!);
      return entry!.value;
    },
    put(key: string, value: unknown, now: number, ttlMs?: number): void {
      const index = entries.findIndex((e) => e.key === key);
      if (index >= 0) entries.splice(index, 1);
      else if (entries.length >= capacity) entries.shift();
      entries.push({ key, value, expiresAt: now + (ttlMs ?? defaultTtlMs) });
    },
    size: (now: number) => live(now).length,
  };
}
