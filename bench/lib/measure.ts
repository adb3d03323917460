// Timing: a few warm-up runs, then the median of several measured runs.

export interface Timing {
  /** True when the entry was too slow to repeat: one (cold) run. */
  slow?: boolean;
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
  /** Stop adding runs after this long (at least `minRuns` are made). */
  budgetMs?: number;
  minRuns?: number;
  /** A first warm-up run slower than this is the only sample: repeating it would cost minutes and tell nothing new. */
  slowMs?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function timing(samples: number[]): Timing {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length, samples };
}

/** Times `run`; it may return a promise. `setup` runs before each run, untimed. */
export async function measure<T>(run: (state: T) => unknown, options: MeasureOptions & { setup?: (i: number) => T | Promise<T> } = {}): Promise<Timing> {
  const { warmup = 2, runs = 9, budgetMs = Infinity, minRuns = 3, slowMs = Infinity } = options;
  const setup = options.setup ?? ((() => undefined) as unknown as (i: number) => T);
  let i = 0;
  for (let w = 0; w < warmup; w++) {
    const state = await setup(i++);
    const t0 = performance.now();
    await run(state);
    const ms = performance.now() - t0;
    if (w === 0 && ms > slowMs) return { ...timing([ms]), slow: true };
  }
  const samples: number[] = [];
  const started = performance.now();
  for (let r = 0; r < runs; r++) {
    if (r >= minRuns && performance.now() - started > budgetMs) break;
    const state = await setup(i++);
    const t0 = performance.now();
    await run(state);
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}

/** Collects garbage when node runs with --expose-gc, so that one entry's garbage is not timed in the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function rssMb(): number {
  return process.memoryUsage.rss() / 1048576;
}
