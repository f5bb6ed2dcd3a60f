import { z } from 'zod';

const ms = z.number().nonnegative();
const endsAfterStart = (end: string) => ({ message: `a fault must end after it starts: make ${end} greater than atMs` });

/** The faults of a run, each a window of virtual time. */
export const nemesisPlan = z.object({
  /** A link is cut while both its ends sit in different groups; nodes named in no group keep every link. */
  partitions: z.array(z.object({ atMs: ms, healMs: ms, groups: z.array(z.array(z.string()).min(1)).min(2) }).refine((p) => p.atMs < p.healMs, endsAfterStart('healMs'))).default([]),
  /** A crashed node loses every message, timer and in-memory value; it restarts as a fresh instance. */
  crashes: z.array(z.object({ node: z.string(), atMs: ms, restartMs: ms }).refine((c) => c.atMs < c.restartMs, endsAfterStart('restartMs'))).default([]),
  /** A paused node keeps its state; what arrives meanwhile is handed to it, in order, when it resumes. */
  pauses: z.array(z.object({ node: z.string(), atMs: ms, resumeMs: ms }).refine((p) => p.atMs < p.resumeMs, endsAfterStart('resumeMs'))).default([]),
  /** Added to what `now()` returns on that node. */
  clockSkewMs: z.record(z.string(), z.number()).default({}),
});
export type NemesisPlan = z.infer<typeof nemesisPlan>;

/** A fault's start or end, as it appears in the history. */
export type Fault =
  | { type: 'partition'; groups: string[][] }
  | { type: 'heal'; groups: string[][] }
  | { type: 'crash'; node: string }
  | { type: 'restart'; node: string }
  | { type: 'pause'; node: string }
  | { type: 'resume'; node: string };


export function nodesNamedIn(plan: NemesisPlan): string[] {
  return [
    ...plan.partitions.flatMap((p) => p.groups.flat()),
    ...plan.crashes.map((c) => c.node),
    ...plan.pauses.map((p) => p.node),
    ...Object.keys(plan.clockSkewMs),
  ];
}

/** Every fault's start and end as timed events. */
export function faultEvents(plan: NemesisPlan): Array<{ atMs: number; fault: Fault }> {
  return [
    ...plan.partitions.flatMap((p) => [
      { atMs: p.atMs, fault: { type: 'partition', groups: p.groups } satisfies Fault },
      { atMs: p.healMs, fault: { type: 'heal', groups: p.groups } satisfies Fault },
    ]),
    ...plan.crashes.flatMap((c) => [
      { atMs: c.atMs, fault: { type: 'crash', node: c.node } satisfies Fault },
      { atMs: c.restartMs, fault: { type: 'restart', node: c.node } satisfies Fault },
    ]),
    ...plan.pauses.flatMap((p) => [
      { atMs: p.atMs, fault: { type: 'pause', node: p.node } satisfies Fault },
      { atMs: p.resumeMs, fault: { type: 'resume', node: p.node } satisfies Fault },
    ]),
  ];
}

export function lastFaultEndMs(plan: NemesisPlan): number {
  return Math.max(0, ...plan.partitions.map((p) => p.healMs), ...plan.crashes.map((c) => c.restartMs), ...plan.pauses.map((p) => p.resumeMs));
}
