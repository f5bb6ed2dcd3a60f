import type { SliceEvent } from '../history.js';

/** A checker's verdict: pass, or a sentence saying what broke and the fewest history events that show it. */
export type CheckResult = { checker: string; ok: true } | { checker: string; ok: false; message: string; slice: SliceEvent[] };

export const passed = (checker: string): CheckResult => ({ checker, ok: true });

export const failed = (checker: string, message: string, slice: SliceEvent[]): CheckResult => ({
  checker,
  ok: false,
  message,
  slice: [...new Map(slice.map((s) => [s.index, s])).values()].sort((a, b) => a.index - b.index),
});
