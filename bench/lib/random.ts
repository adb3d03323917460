// A small seeded random number generator (mulberry32) so that every benchmark input is the
// same on every run and every machine.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Skewed towards the start of the list (rank r is picked with weight 1/(r+1)^s). */
  zipf<T>(items: readonly T[], s?: number): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    // Inverse-CDF of a continuous power law over ranks: cheap and close enough to Zipf.
    zipf: (items, s = 1.1) => {
      const n = items.length;
      const u = next();
      const rank = s === 1 ? Math.floor(Math.exp(u * Math.log(n + 1))) - 1 : Math.floor(Math.pow(u * (Math.pow(n + 1, 1 - s) - 1) + 1, 1 / (1 - s))) - 1;
      return items[Math.min(n - 1, Math.max(0, rank))]!;
    },
  };
}

/** A stable 32-bit hash of a string, to derive per-item seeds. */
export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
