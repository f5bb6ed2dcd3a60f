import type { TestResult } from '@assay/contract';

/**
 * The one message a whole run failed with, when every test carries the same one (the code did
 * not compile or load): shown once above the table instead of in every row.
 */
export function sharedFailure(tests: readonly TestResult[]): string | null {
  const first = tests[0]?.message;
  if (!first || tests.length < 2 || tests.some((t) => t.status === 'passed' || t.message !== first)) return null;
  return first;
}

/**
 * Where a compiler or interpreter message points, when it names one of the attempt's files:
 * `src/a.ts(3,5)`, `src/a.ts:3:5`, or Python's `File "/work/a.py", line 3`. The sandbox's work
 * dir may prefix the path, so a path matches at the end of a folder name too.
 */
export function problemLocation(message: string, paths: readonly string[]): { path: string; line: number } | null {
  let best: { path: string; line: number; at: number } | null = null;
  for (const path of paths) {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?:^|[\\s"'(/])${escaped}(?:\\((\\d+),\\d+\\)|:(\\d+)|", line (\\d+))`);
    const found = pattern.exec(message);
    if (found && (!best || found.index < best.at)) best = { path, line: Number(found[1] ?? found[2] ?? found[3]), at: found.index };
  }
  return best && { path: best.path, line: best.line };
}
