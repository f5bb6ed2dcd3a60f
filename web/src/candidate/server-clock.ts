/**
 * The server's time, read off this browser's monotonic clock: immune to the candidate's wall
 * clock being wrong or changed mid-attempt. `serverTime` is what the server said at `loadedAt`.
 */
export function createServerClock(serverTime: string, loadedAt = performance.now()) {
  const base = Date.parse(serverTime);
  return { now: () => base + (performance.now() - loadedAt) };
}
export type ServerClock = ReturnType<typeof createServerClock>;
