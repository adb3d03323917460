// How a figure or date claim's verdict follows from the source figures matched against it
// (figureVerdict.ts finds and matches them): the best support, the best contradiction and the
// best reversal, weighed against thresholds. And, since matching costs, what the source
// figures matched so far settle (Settled): the least score another needs to change the verdict.
import type { SourceFigure } from '../retrieval/corpus';
import type { Fact } from '../facts/fact';
import type { SubjectMatch } from '../retrieval/subject';
import type { Claim, Figure } from '../types';

/** Subject-match thresholds (0–1). Tuned on the dev claims; see the README's "How Attest decides". */
export const thresholds = {
  support: 0.42,
  contradictFigure: 0.6,
  contradictDate: 0.68,
  /** Either, in a source the draft's sentence cites for it: the writer says that source states the fact. */
  contradictCited: 0.5,
  /** A compatible source figure this close to the best incompatible one wins: prefer silence. */
  tie: 0.12,
  /** Support needs this share of the draft's subject in the source's own sentence, not only its paragraph. */
  anchor: 0.3,
  /** The same for a date, whose subject may be told in the sentences around it: some of it must be in the source's sentence ("In 2024, Russia and China celebrated…" does not date a warship's visit to Qingdao in July 2024). */
  dateAnchor: 0.2,
  /** No verdict from a passage that lacks a name the draft uses (a country, "Gulf", "Muzaffargarh") this weighty. */
  missing: 0.2,
  /** The score of a source figure that states the draft's fact (measure, holders, year) whatever its words. */
  factMatch: 0.8,
  /** The same, without a year on one side: enough for either verdict (the same match decides both), below a dated match. */
  factMatchUntimed: 0.6,
  /** The same measure where the draft names no holder (a length, a capacity by its unit): support, never a contradiction. */
  factMatchBare: 0.5,
  /** A date of the same kind of event contradicts only where the source's sentence holds this share of the draft's subject: "the transit trade agreement that took effect in 2022" is not "the roadmap signed on 14 March 2025". */
  eventAnchor: 0.4,
};

/** How much weaker a match with the source's own footnote may be and still be preferred as evidence. */
export const citedMargin = 0.1;

/** A source figure matched against a claim. */
export interface Candidate extends SubjectMatch {
  source: SourceFigure;
  /** What the source's figure measures, for whom and how; none for a date. */
  fact?: Fact;
  /** The year the source ties its figure to, if any. */
  period?: Figure;
  compatible: boolean;
  periodAgrees: boolean;
  /** The same fact read in the other direction: the draft says a rise where the source says a fall, or the reverse. */
  opposite: boolean;
  /** The same fact at another place ("a 600 MW plant at Muzaffargarh" against "… at Jamshoro"). */
  place?: { draft: string; source: string };
  /** The same fact, done where the other side only promised it, or the reverse. */
  promise?: boolean;
  /** For a date: the source dates the same kind of event. */
  sameEvent?: boolean;
}

export interface Decision {
  verdict: 'supported' | 'contradicted';
  /** The source figure cited as evidence. */
  candidate: Candidate;
  /** It agrees on the figure but says the opposite direction (a fall for a rise). */
  opposite?: boolean;
  /** It agrees on the figure but puts it at another place. */
  place?: { draft: string; source: string };
  /** It agrees on the figure but gives it as a promise where the draft says it was done, or the reverse. */
  promise?: boolean;
}

/** The verdict on a claim from its candidates, in the order found; undefined for unsourced. */
export function choose(kind: Claim['kind'], candidates: readonly Candidate[], cited: (c: Candidate) => boolean, vouched = false, draft?: Figure): Decision | undefined {
  const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || Number(b.sameEvent ?? false) - Number(a.sameEvent ?? false) || Number(b.periodAgrees) - Number(a.periodAgrees);
  // Among near-equal matches (an abstract and the body saying the same), cite the one with the
  // source's footnote; the best match's score still decides the verdict.
  const best = (keep: (c: Candidate) => boolean): { score: number; candidate: Candidate; top: Candidate } | undefined => {
    const sorted = candidates.filter(keep).sort(byScore);
    const top = sorted[0];
    if (!top) return undefined;
    const candidate = cited(top) ? top : (sorted.find((c) => cited(c) && c.score >= top.score - citedMargin && c.compatible === top.compatible) ?? top);
    return { score: top.score, candidate, top };
  };
  const compatible = best(supports(kind));
  const incompatible = best(contradicts);
  const reversed = best((c) => c.compatible && (c.opposite || c.place !== undefined || c.promise === true) && c.missing < thresholds.missing);
  // A date that the source gives as precisely as the draft, and otherwise, outweighs agreement at a
  // coarser precision than the draft's ("approved … on November 30, 2016" against "at the end of
  // 2016", for "1 December 2016"); not agreement as precise as the draft's ("by the end of March
  // 2024" is not outweighed by the report's dateline "May 14").
  if (compatible && compatible.score >= thresholds.support && compatible.score + thresholds.tie >= Math.max(incompatible?.score ?? 0, reversed?.score ?? 0)) {
    const coarser = precision(compatible.top.source.figure) < (draft ? precision(draft) : Infinity);
    const sharper = kind === 'date' && coarser && incompatible && incompatible.score >= contradictionBar(kind, vouched) && precision(incompatible.top.source.figure) > precision(compatible.top.source.figure);
    return sharper ? { verdict: 'contradicted', candidate: incompatible.candidate } : { verdict: 'supported', candidate: compatible.candidate };
  }
  const bar = contradictionBar(kind, vouched);
  // The same figure said otherwise (another direction, place, or a promise for a deed) is the contradiction when it matches best.
  const otherwise = reversed && reversed.score >= bar && reversed.candidate.sentenceScore >= thresholds.anchor ? reversed : undefined;
  // A goal taken for the outcome yields to an outcome the source gives for no other year ("trade
  // with Tajikistan is $500 million a year": the source's $62 million a year, not its goal of
  // $500 million); an outcome of another year ("$3.5 million in 2016") does not say what it is now.
  const goalOnly = otherwise?.candidate.promise === true && otherwise.candidate.fact?.modality === 'goal' && !incompatible?.candidate.period;
  if (incompatible && incompatible.score >= bar && !(otherwise && !goalOnly && otherwise.score >= incompatible.score)) return { verdict: 'contradicted', candidate: incompatible.candidate };
  if (otherwise) {
    const { candidate } = otherwise;
    if (candidate.place) return { verdict: 'contradicted', candidate, place: candidate.place };
    return candidate.promise ? { verdict: 'contradicted', candidate, promise: true } : { verdict: 'contradicted', candidate, opposite: true };
  }
  return undefined;
}

/** The subject match a contradiction needs. */
export function contradictionBar(kind: Claim['kind'], vouched = false): number {
  if (vouched) return thresholds.contradictCited;
  return kind === 'date' ? thresholds.contradictDate : thresholds.contradictFigure;
}

/** The candidates choose() may take as support. */
export function supports(kind: Claim['kind']): (c: Candidate) => boolean {
  // A date's subject may be told in the sentences around it ("… in December 2019. RT reported that a delegation …").
  const anchor = kind === 'date' ? thresholds.dateAnchor : thresholds.anchor;
  return (c) => c.compatible && !c.opposite && !c.place && !c.promise && c.sentenceScore >= anchor && c.missing < thresholds.missing;
}

/** The candidates choose() may take as a contradiction. Prefer silence: one needs every name of the draft's subject in the source passage. */
export function contradicts(c: Candidate): boolean {
  return !c.compatible && !c.conflict && c.missing < thresholds.missing;
}

/** Under this score a candidate changes no verdict, whatever else is found. */
export const floorScore = thresholds.support - citedMargin;

/**
 * What the candidates found so far settle: the least score a candidate not yet matched needs
 * to change choose()'s verdict (needed), from the best it may be taken as support or as a
 * contradiction.
 * - choose() takes the best of a kind, or a cited one up to citedMargin below it: a candidate
 *   under both is never taken, nor is one under the best cited one.
 * - Under floorScore a candidate changes nothing: as support it is too weak, and as a
 *   contradiction or reversal it outweighs only support that is too weak itself.
 * - A compatible candidate that reverses the draft's direction, under the support choose()
 *   would take, cannot outweigh it (tie > citedMargin), and it is only read when support
 *   fails for another reason, at a score under the contradiction bar.
 * - Likewise a contradiction under that support cannot outweigh it; and if support fails for
 *   another reason, one under the contradiction bar less citedMargin contradicts nothing, nor
 *   does any it could be taken instead of.
 * Each of these only rises as more candidates are found, so a candidate passed over stays so.
 */
export class Settled {
  private supports = 0;
  private contradicts = 0;
  private citedSupport = 0;
  private citedContradiction = 0;
  constructor(
    private readonly kind: Claim['kind'],
    private readonly vouched = false,
  ) {}

  add(candidate: Candidate, cited: boolean): void {
    const { score } = candidate;
    if (supports(this.kind)(candidate)) {
      this.supports = Math.max(this.supports, score);
      if (cited) this.citedSupport = Math.max(this.citedSupport, score);
    }
    if (contradicts(candidate)) {
      this.contradicts = Math.max(this.contradicts, score);
      if (cited) this.citedContradiction = Math.max(this.citedContradiction, score);
    }
  }

  needed(compatible: boolean): number {
    // The least score of the support choose() would take, and of the contradiction.
    const support = Math.max(this.supports - citedMargin, this.citedSupport);
    if (compatible) return Math.max(floorScore, support);
    const contradiction = Math.max(this.contradicts - citedMargin, this.citedContradiction);
    return Math.max(floorScore, contradiction, Math.min(support, contradictionBar(this.kind, this.vouched) - citedMargin));
  }
}

/** How precise a date is: a day 3, a month 2, a year 1. */
function precision(figure: { date?: { month?: number; day?: number } }): number {
  return figure.date?.day ? 3 : figure.date?.month ? 2 : 1;
}
