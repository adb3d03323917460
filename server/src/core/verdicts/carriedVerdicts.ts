// Verdicts a claim takes from another claim of its paragraph, once every claim has its own: a
// date no source gives of its own, through a supported figure of its sentence that the source
// dates the same; and a figure named again as "the" figure the paragraph gave before.
import type { Corpus } from '../retrieval/corpus';
import type { Claim, Verdict } from '../types';
import { judgeTime } from './timeVerdict';
import { saidDone } from '../facts/modality';

/** "the", "this", "that" right before a figure: one named before. */
const definite = /\b(?:the|this|that)\s+$/i;

/** Replaces, in `verdicts`, the unsourced verdicts of `claims` (a paragraph's, of `prose`) that another claim's verdict settles. */
export function carryVerdicts(prose: string, claims: readonly Claim[], verdicts: Map<Claim, Verdict>, corpus: Corpus): void {
  for (const claim of claims) {
    if (verdicts.get(claim)!.verdict !== 'unsourced') continue;
    const carried = claim.kind === 'date' && !claim.timeOf ? datedByFigure(claim, claims, verdicts, corpus) : claim.kind === 'figure' ? namedBefore(prose, claim, claims, verdicts) : undefined;
    if (carried) verdicts.set(claim, carried);
  }
}

/**
 * A date that may be the time of a figure its sentence gives and a source supports ("the mission
 * in December 2019 lasted four days", where the source's four-day visit follows "in December
 * 2019"): supported when that source dates it the same.
 */
function datedByFigure(claim: Claim, claims: readonly Claim[], verdicts: ReadonlyMap<Claim, Verdict>, corpus: Corpus): Verdict | undefined {
  for (const figure of claims) {
    const supported = figure.kind === 'figure' && figure.sentence.start === claim.sentence.start ? verdicts.get(figure) : undefined;
    const dated = supported?.verdict === 'supported' ? judgeTime(claim, supported, corpus) : undefined;
    if (dated?.verdict === 'supported') return dated;
  }
  return undefined;
}

/** "pledged to allocate US$14 billion … From the US$14 billion, …": the figure named before, with its support. */
function namedBefore(prose: string, claim: Claim, claims: readonly Claim[], verdicts: ReadonlyMap<Claim, Verdict>): Verdict | undefined {
  const figure = claim.figure!;
  const start = figure.qualifierStart ?? claim.start;
  if (!definite.test(prose.slice(Math.max(0, start - 12), start))) return undefined;
  // "Moscow committed one billion dollars … Russia has already released the $1bn": said to be done, it is a claim of its own.
  if (saidDone(prose, figure, claim.sentence)) return undefined;
  const earlier = claims.find((c) => c.kind === 'figure' && c.start < claim.sentence.start && c.figure!.unit === figure.unit && c.figure!.value === figure.value && c.figure!.high === figure.high && verdicts.get(c)!.verdict === 'supported');
  return earlier && { ...verdicts.get(earlier)!, claim };
}
