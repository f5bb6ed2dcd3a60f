import { createHash } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of numbers in [0, 1); every stream of a run is forked from the run's seed by name. */
export interface SeededRandom {
  next(): number;
  /** An independent stream: consuming it never shifts this one, so adding a consumer elsewhere keeps every other draw. */
  fork(label: string): SeededRandom;
}

export function createSeededRandom(seed: number): SeededRandom {
  const generator = xoroshiro128plus(seed);
  return {
    next: () => uniformFloat64(generator),
    fork: (label) => createSeededRandom(derivedSeed(seed, label)),
  };
}

/** A 32-bit seed derived from a parent seed and a label (also what a node's `random()` is seeded with). */
export function derivedSeed(seed: number, label: string): number {
  return createHash('sha256').update(`${seed}/${label}`).digest().readInt32LE(0);
}
