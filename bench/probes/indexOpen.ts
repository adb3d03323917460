// Child process for the index-100k entries, so that its memory is the corpus's alone:
//   indexOpen.cjs FILE CLAIMS.json ROUNDS
// opens the index file with openCorpusIndex, judges the first claim sentence (time to first
// answer), then judges every claim sentence ROUNDS times, each round with a fresh checker and
// no passage views kept (so each round asks the index again). Prints one JSON line: times,
// and resident memory after opening and after the lookups (after GC). Run with --expose-gc.
import { readFileSync } from 'node:fs';
import { createChecker } from '../../server/src/core/checker';
import { forgetPassageViews } from '../../server/src/core/retrieval/passageView';
import { openCorpusIndex } from '../../server/src/corpus/serialize';
import { collectGarbage, median, rssMb } from '../lib/measure';

const [file, claimsFile, roundsArg] = process.argv.slice(2);
const settle = (): number => {
  collectGarbage();
  collectGarbage();
  return rssMb();
};
const claims = JSON.parse(readFileSync(claimsFile!, 'utf8')) as string[];
const rounds = Number(roundsArg ?? 8);

const baseline = settle();
const t0 = performance.now();
const corpus = openCorpusIndex(file!);
const openMs = performance.now() - t0;
const firstVerdicts = createChecker({ corpus }).judgeText(claims[0]!).length;
const firstAnswerMs = performance.now() - t0;
const rssOpen = settle();

let lookups = 0;
let claimsJudged = 0;
const perRound: number[] = [];
const verdicts: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  const checker = createChecker({ corpus });
  forgetPassageViews(corpus);
  const started = performance.now();
  let judged = 0;
  for (const text of claims) {
    const found = checker.judgeText(text).filter((v) => v.claim.kind !== 'quote');
    lookups++;
    judged += found.length;
    if (round === 0) for (const v of found) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
  }
  claimsJudged += judged;
  perRound.push((performance.now() - started) / Math.max(judged, 1));
}
const rssQueried = settle();
console.log(
  JSON.stringify({
    openMs,
    firstAnswerMs,
    firstVerdicts,
    rssBaseline: baseline,
    rssOpen,
    rssQueried,
    heapQueried: process.memoryUsage().heapUsed / 1048576,
    lookups,
    claimsJudged,
    perClaimMs: median(perRound),
    verdicts,
  }),
);
corpus.close();
