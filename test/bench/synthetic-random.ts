/** The randomness of the synthetic leads: a seeded PRNG and the ways of picking from tables with it. */

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data, and reproducible everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;
export type Weighted<T> = readonly (readonly [T, number])[];

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Picks from `[value, weight]` pairs; weights need not sum to 1. */
export function weighted<T>(table: Weighted<T>): (random: Random) => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  const cumulative = table.map(([, w]) => w);
  for (let i = 1; i < cumulative.length; i++) cumulative[i]! += cumulative[i - 1]!;
  return (random) => {
    const r = random() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return table[i]![0];
    return table[table.length - 1]![0];
  };
}
