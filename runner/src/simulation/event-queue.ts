import { Heap } from 'heap-js';
import type { SeededRandom } from './seeded-random.js';

interface Entry<T> {
  time: number;
  tie: number;
  seq: number;
  item: T;
}

/**
 * Pending events ordered by (virtual time, seeded tie-break). The tie-break is drawn from the
 * run's seed, so which of two simultaneous events goes first varies with the seed (schedules a
 * fixed order would never explore) and never with anything else; the sequence number only
 * makes the order total.
 */
export function createEventQueue<T>(random: SeededRandom) {
  const heap = new Heap<Entry<T>>((a, b) => a.time - b.time || a.tie - b.tie || a.seq - b.seq);
  let seq = 0;
  return {
    push(time: number, item: T): void {
      heap.push({ time, tie: random.next(), seq: seq++, item });
    },
    /** Ahead of anything else already queued for `time`, in the order pushed: what a paused node was holding. */
    pushFirst(time: number, item: T): void {
      heap.push({ time, tie: -1, seq: seq++, item });
    },
    /** Every event of the earliest instant, in order, or nothing once the queue is empty or past `until`. */
    popInstant(until: number): { time: number; items: T[] } | undefined {
      const first = heap.peek();
      if (!first || first.time > until) return undefined;
      const items: T[] = [];
      while (heap.peek()?.time === first.time) items.push(heap.pop()!.item);
      return { time: first.time, items };
    },
  };
}
