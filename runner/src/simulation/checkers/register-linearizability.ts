/** One operation on a single register: a write of `value`, or a read that returned `value` (null: empty). */
export interface RegisterCall {
  kind: 'read' | 'write';
  value: string | null;
  invokedAt: number;
  /** Infinity when the outcome is unknown (a write that timed out may take effect at any later time). */
  completedAt: number;
}

export const SEARCH_LIMIT = 2_000_000;

interface Entry {
  call: boolean;
  op: number;
  time: number;
  match: Entry | undefined;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/**
 * Wing & Gong's search with Lowe's memoisation: walk the calls in real-time order, linearize
 * the first one whose effect fits the register's state, backtrack on reaching a return whose
 * call could not be placed, and never revisit a (set linearized, state) pair already explored.
 * Returns undefined when the search needs more than `SEARCH_LIMIT` steps.
 */
export function isLinearizableRegister(ops: readonly RegisterCall[], initial: string | null = null): boolean | undefined {
  const entries: Entry[] = [];
  for (const [op, o] of ops.entries()) {
    const call: Entry = { call: true, op, time: o.invokedAt, match: undefined, prev: undefined, next: undefined };
    const ret: Entry = { call: false, op, time: o.completedAt, match: call, prev: undefined, next: undefined };
    call.match = ret;
    entries.push(call, ret);
  }
  // Calls before returns at the same instant: operations that touch in time count as concurrent, the lenient reading.
  entries.sort((a, b) => a.time - b.time || Number(b.call) - Number(a.call));
  const head: Entry = { call: false, op: -1, time: -Infinity, match: undefined, prev: undefined, next: undefined };
  let last = head;
  for (const e of entries) [last.next, e.prev, last] = [e, last, e];

  const lift = (e: Entry) => {
    for (const x of [e, e.match!]) {
      x.prev!.next = x.next;
      if (x.next) x.next.prev = x.prev;
    }
  };
  const unlift = (e: Entry) => {
    for (const x of [e.match!, e]) {
      x.prev!.next = x;
      if (x.next) x.next.prev = x;
    }
  };

  const seen = new Set<string>();
  const stack: Array<{ entry: Entry; state: string | null }> = [];
  let linearized = 0n;
  let state = initial;
  let entry = head.next;
  for (let steps = 0; head.next; steps++) {
    if (steps > SEARCH_LIMIT) return undefined;
    if (entry!.call) {
      const o = ops[entry!.op]!;
      const fits = o.kind === 'write' || o.value === state;
      const next = o.kind === 'write' ? o.value : state;
      const bits = linearized | (1n << BigInt(entry!.op));
      const key = `${bits.toString(36)}|${next}`;
      if (fits && !seen.has(key)) {
        seen.add(key);
        stack.push({ entry: entry!, state });
        [linearized, state] = [bits, next];
        lift(entry!);
        entry = head.next;
      } else {
        entry = entry!.next;
      }
    } else {
      const top = stack.pop();
      if (!top) return false;
      [linearized, state] = [linearized & ~(1n << BigInt(top.entry.op)), top.state];
      unlift(top.entry);
      entry = top.entry.next;
    }
  }
  return true;
}

/**
 * A smallest non-linearizable subset (no single operation can be dropped and still fail),
 * found by dropping operations one at a time. A write stays while a kept read returned its
 * value, so the subset never fails merely because a read lost its write.
 */
export function minimalNonLinearizable(ops: readonly RegisterCall[], initial: string | null = null): number[] {
  let kept = ops.map((_, i) => i);
  for (let i = ops.length - 1; i >= 0; i--) {
    const o = ops[i]!;
    if (o.kind === 'write' && kept.some((k) => ops[k]!.kind === 'read' && ops[k]!.value === o.value)) continue;
    const without = kept.filter((k) => k !== i);
    if (isLinearizableRegister(without.map((k) => ops[k]!), initial) === false) kept = without;
  }
  return kept;
}
