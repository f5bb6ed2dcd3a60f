/** Minutes left at which the candidate is warned, once each. */
export const WARNING_MINUTES = [10, 5, 1] as const;

/** The warning due at `remainingMs`, if one is due and was not given yet. */
export function dueWarning(remainingMs: number, given: ReadonlySet<number>): number | null {
  for (const minutes of [...WARNING_MINUTES].sort((a, b) => a - b)) {
    if (remainingMs <= minutes * 60_000 && remainingMs > 0 && !given.has(minutes)) return minutes;
  }
  return null;
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
