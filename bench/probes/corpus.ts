// Child process for the large-corpus entries, so that its memory is the corpus's alone:
//   corpus.cjs open FILE CLAIMS.json   load with openCorpusIndex (median of runs), resident memory,
//                                       then judge figure claims against it
//   corpus.cjs memory FILE              load the whole file with loadCorpusIndex, for comparison
//   corpus.cjs rebuild N                today's load: JSON.parse of N sources + buildCorpus, per source
//   corpus.cjs bundled index|rebuild    the bundled corpus from dist/, once, in a fresh process
// Prints one JSON line. Run with --expose-gc.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createChecker } from '../../server/src/core/checker';
import { forgetPassageViews } from '../../server/src/core/retrieval/passageView';
import { buildCorpus } from '../../server/src/corpus/index';
import { loadBundledCorpus, loadBundledSources } from '../../server/src/corpus/loader';
import { parseSource } from '../../server/src/corpus/parseSource';
import { loadCorpusIndex, openCorpusIndex, type LoadedCorpus } from '../../server/src/corpus/serialize';
import type { Source } from '../../server/src/core/types';
import { collectGarbage, median, rssMb } from '../lib/measure';
import { generateSource } from '../lib/sources';

const [mode, arg, extra] = process.argv.slice(2);
const out = (value: unknown): void => console.log(JSON.stringify(value));
const settle = (): number => {
  collectGarbage();
  collectGarbage();
  return rssMb();
};

if (mode === 'open') {
  const baseline = settle();
  const loads: number[] = [];
  let corpus: LoadedCorpus | undefined;
  // A warm-up load, then measured ones; each replaces the last.
  for (let i = 0; i < 4; i++) {
    corpus?.close();
    corpus = undefined;
    settle();
    const t0 = performance.now();
    corpus = openCorpusIndex(arg!);
    if (i > 0) loads.push(performance.now() - t0);
  }
  const first = corpus!;
  const rssLoaded = settle();
  const heapLoaded = process.memoryUsage().heapUsed / 1048576;

  const claims = JSON.parse(readFileSync(extra!, 'utf8')) as string[];
  const checker = createChecker({ corpus: first });
  const count = (text: string): number => checker.judgeText(text).filter((v) => v.claim.kind !== 'quote').length;
  const perClaim: number[] = [];
  const verdicts: Record<string, number> = {};
  let figures = 0;
  for (const text of claims) {
    for (const v of checker.judgeText(text)) if (v.claim.kind !== 'quote') verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
    figures += count(text);
  }
  // Three rounds to warm up (the compiler, the reader's caches), then eight measured.
  const warmUp = 3;
  const measured = 8;
  const rounds: number[] = [];
  for (let round = 0; round < warmUp + measured; round++) {
    // Each round as new claims meet the corpus: a fresh checker (no verdicts remembered) and no
    // passage views kept. The index reader's own caches of text and terms stay warm, as in a
    // server that has been running a while.
    const checker = createChecker({ corpus: first });
    forgetPassageViews(first);
    const t0 = performance.now();
    for (const text of claims) {
      const s = performance.now();
      const n = checker.judgeText(text).length;
      if (round === warmUp + measured - 1 && n) perClaim.push((performance.now() - s) / n);
    }
    if (round >= warmUp) rounds.push((performance.now() - t0) / figures);
  }
  const rssQueried = settle();
  const sorted = [...perClaim].sort((a, b) => a - b);
  out({
    load: { median: median(loads), samples: loads },
    rssBaseline: baseline,
    rssLoaded,
    heapLoaded,
    rssQueried,
    query: { median: median(rounds), samples: rounds, p50: sorted[sorted.length >> 1], p95: sorted[Math.floor(sorted.length * 0.95)], claims: figures, sentences: claims.length, verdicts },
  });
  first.close();
} else if (mode === 'memory') {
  settle();
  const t0 = performance.now();
  const corpus = loadCorpusIndex(readFileSync(arg!));
  const ms = performance.now() - t0;
  out({ ms, rss: settle(), passages: corpus.passages.length });
} else if (mode === 'rebuild') {
  // What loading means without the index: parse the sources' JSON (as dist/corpus.json holds
  // them) and build the index, for N sources; scaled per source by the caller.
  const n = Number(arg);
  const sources = Array.from({ length: n }, (_, i) => {
    const g = generateSource(i);
    return parseSource({ location: g.location, text: g.markdown, bundled: false });
  });
  const json = JSON.stringify({ version: 1, sources });
  const runs: number[] = [];
  let heap = 0;
  for (let i = 0; i < 3; i++) {
    settle();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const corpus = buildCorpus((JSON.parse(json) as { sources: Source[] }).sources);
    if (i > 0) runs.push(performance.now() - t0);
    collectGarbage();
    heap = (process.memoryUsage().heapUsed - before) / 1048576;
    if (!corpus.passages.length) throw new Error('empty corpus');
  }
  out({ median: median(runs), samples: runs, heapMb: heap, sources: n });
} else if (mode === 'bundled') {
  const distDir = path.resolve(__dirname, '..', '..', 'dist');
  const t0 = performance.now();
  const corpus = arg === 'index' ? loadBundledCorpus(distDir) : buildCorpus(loadBundledSources(distDir));
  const ms = performance.now() - t0;
  out({ ms, passages: corpus.passages.length });
} else {
  throw new Error(`unknown mode ${mode}`);
}
