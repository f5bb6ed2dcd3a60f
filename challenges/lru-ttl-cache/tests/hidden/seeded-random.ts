/**
 * A seeded generator for random walks (tests only): mulberry32, all 32-bit integer arithmetic
 * (`Math.imul`), so no product ever passes 2^53 and loses the low bits that pick keys.
 * `random(n)` is a whole number in [0, n).
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}
