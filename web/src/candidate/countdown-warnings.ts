/** Minutes left at which the candidate is warned, once each. */
export const WARNING_MINUTES = [10, 5, 1] as const;

/**
 * The warning due at `remainingMs`, given what was left when the page opened: only thresholds
 * crossed while the page is open count (on a 5-minute test, or after a reload with 4 minutes
 * left, "10 minutes left" would be false), and when several are crossed at once only the most
 * urgent is due. `passed` is every threshold crossed so far, to remember as given.
 */
export function dueWarning(remainingMs: number, openedWithMs: number, given: ReadonlySet<number>): { due: number | null; passed: number[] } {
  const passed = WARNING_MINUTES.filter((minutes) => minutes * 60_000 < openedWithMs && remainingMs <= minutes * 60_000);
  const mostUrgent = remainingMs > 0 ? Math.min(...passed) : Infinity;
  return { due: Number.isFinite(mostUrgent) && !given.has(mostUrgent) ? mostUrgent : null, passed };
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
