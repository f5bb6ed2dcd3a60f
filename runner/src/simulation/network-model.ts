import { z } from 'zod';
import type { SeededRandom } from './seeded-random.js';

const probability = z.number().min(0).max(1);
// Every latency is above zero so that every message moves virtual time forward and a run always ends.
const positiveMs = z.number().positive();

export const latencyDistribution = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), ms: positiveMs }),
  z.object({ kind: z.literal('uniform'), minMs: positiveMs, maxMs: positiveMs }).refine((l) => l.minMs <= l.maxMs, {
    message: 'a uniform latency needs minMs ≤ maxMs; swap them',
  }),
  z.object({ kind: z.literal('exponential'), minMs: positiveMs, meanMs: positiveMs }),
]);

export const networkModel = z.object({
  latency: latencyDistribution,
  /** Chance a message is lost outright. */
  loss: probability.default(0),
  /** Chance a message is delivered twice, the copy with its own latency. */
  duplicate: probability.default(0),
  /** Chance a message is held back by up to `maxExtraMs` more, so it overtakes or is overtaken. */
  reorder: z.object({ probability, maxExtraMs: positiveMs }).default({ probability: 0, maxExtraMs: 1 }),
});
export type NetworkModel = z.infer<typeof networkModel>;

/** Delays (virtual ms) after which copies of one message arrive: none when it is lost, two when duplicated. */
export function createNetwork(model: NetworkModel, random: SeededRandom): { delays(): number[] } {
  const latency = (): number => {
    const l = model.latency;
    if (l.kind === 'constant') return l.ms;
    if (l.kind === 'uniform') return l.minMs + random.next() * (l.maxMs - l.minMs);
    return l.minMs - Math.log(1 - random.next()) * (l.meanMs - Math.min(l.meanMs, l.minMs));
  };
  const delay = (): number => {
    const extra = random.next() < model.reorder.probability ? random.next() * model.reorder.maxExtraMs : 0;
    // Microsecond resolution keeps the history readable and its serialisation short.
    return Math.round((latency() + extra) * 1000) / 1000;
  };
  return {
    delays() {
      if (random.next() < model.loss) return [];
      return random.next() < model.duplicate ? [delay(), delay()] : [delay()];
    },
  };
}
