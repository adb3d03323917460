// Judges a figure or date claim against the corpus: find source figures of the same unit,
// align each one's clause with the draft sentence, and decide supported, contradicted or
// unsourced. A contradiction needs a strong subject match; otherwise silence (unsourced).
import type { Corpus, SourceFigure } from './corpus';
import { clauseOf, isDate, periodOf } from './claims';
import { intervalsOverlap } from './figures';
import { matchSubject, subjectProfile, type SubjectProfile } from './subject';
import type { Term } from './terms';
import type { Claim, Evidence, Figure, Span, Verdict } from './types';

/** Subject-match thresholds (0–1). Tuned on the dev claims; see the README's "How Attest decides". */
export const thresholds = {
  support: 0.42,
  contradictFigure: 0.6,
  contradictDate: 0.68,
  /** A compatible source figure this close to the best incompatible one wins: prefer silence. */
  tie: 0.12,
};

/** Count nouns that name people: a market of 200 million customers is 200 million people. */
const unitFamilies: Record<string, string> = {
  customer: 'person', consumer: 'person', resident: 'person', citizen: 'person', inhabitant: 'person', people: 'person', individual: 'person',
  mi: 'km',
};

export function unitOf(figure: Figure): string {
  if (isDate(figure)) return 'year';
  return unitFamilies[figure.unit] ?? figure.unit;
}

export interface Candidate {
  source: SourceFigure;
  score: number;
  conflict: boolean;
  compatible: boolean;
  periodAgrees: boolean;
}

export function judgeFigure(claim: Claim, draftText: string, draftTerms: readonly Term[], draftFigures: readonly Figure[], corpus: Corpus): Verdict {
  return decide(claim, figureCandidates(claim, draftText, draftTerms, draftFigures, corpus), corpus);
}

/** Every source figure of the claim's unit that could speak to it, with how well its subject matches. */
export function figureCandidates(claim: Claim, draftText: string, draftTerms: readonly Term[], draftFigures: readonly Figure[], corpus: Corpus): Candidate[] {
  const figure = claim.figure!;
  const exclude: Span[] = [{ start: figure.qualifierStart ?? figure.start, end: figure.end }];
  if (claim.period) exclude.push({ start: claim.period.start, end: claim.period.end });
  // Other figures in the draft sentence are not subject words.
  for (const f of draftFigures) exclude.push({ start: f.start, end: f.end });
  const amounts = draftFigures.filter((f) => !isDate(f));
  const profile = subjectProfile(
    draftTerms.filter((t) => t.start >= claim.sentence.start && t.end <= claim.sentence.end),
    exclude,
    corpus.vocabulary,
    corpus.idf,
    isDate(figure) ? undefined : clauseOf(draftText, amounts.find((f) => f.start === figure.start) ?? figure, amounts, claim.sentence),
  );
  const unit = unitOf(figure);
  const candidates: Candidate[] = [];
  const pool = unit === 'person' ? Object.entries(unitFamilies).filter(([, u]) => u === 'person').map(([k]) => k).concat('person') : [figure.unit];
  for (const u of isDate(figure) ? ['year'] : pool) {
    for (const source of corpus.figuresWithUnit(u)) {
      if (isDate(figure) !== isDate(source.figure)) continue;
      const candidate = judgeCandidate(claim, profile, source, corpus);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}

function judgeCandidate(claim: Claim, profile: SubjectProfile, source: SourceFigure, corpus: Corpus): Candidate | undefined {
  const figure = claim.figure!;
  const passageFigures = corpus.figures(source.passage);
  const inSentence = passageFigures.filter((f) => f.start >= source.sentence.start && f.end <= source.sentence.end);
  const others = inSentence.filter((f) => !isDate(f));
  const dates = inSentence.filter(isDate);
  const text = corpus.passages[source.passage]!.text;
  const period = isDate(source.figure) ? undefined : periodOf(text, source.figure, others, dates, source.sentence);
  const periodAgrees = !claim.period || !period || sameDate(claim.period, period);
  if (!periodAgrees) return undefined;
  const clause = isDate(source.figure) ? source.sentence : clauseOf(text, source.figure, others, source.sentence);
  const terms = corpus.terms(source.passage);
  const within = (span: Span): Term[] => terms.filter((t) => t.start >= span.start && t.end <= span.end);
  const { score, conflict } = matchSubject(profile, within(clause), within(source.sentence), terms, corpus.vocabulary);
  const compatible = isDate(figure) ? sameDate(figure, source.figure) : intervalsOverlap(figure, source.figure);
  return { source, score, conflict, compatible, periodAgrees: Boolean(claim.period && period) };
}

function decide(claim: Claim, candidates: Candidate[], corpus: Corpus): Verdict {
  const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || Number(b.periodAgrees) - Number(a.periodAgrees);
  const compatible = candidates.filter((c) => c.compatible).sort(byScore)[0];
  const incompatible = candidates.filter((c) => !c.compatible && !c.conflict).sort(byScore)[0];
  if (compatible && compatible.score >= thresholds.support && compatible.score + thresholds.tie >= (incompatible?.score ?? 0)) {
    return { claim, verdict: 'supported', evidence: [evidence(compatible, corpus)] };
  }
  const bar = claim.kind === 'date' ? thresholds.contradictDate : thresholds.contradictFigure;
  if (incompatible && incompatible.score >= bar) {
    return { claim, verdict: 'contradicted', evidence: [evidence(incompatible, corpus)] };
  }
  return { claim, verdict: 'unsourced', evidence: [] };
}

function sameDate(a: Figure, b: Figure): boolean {
  if (!a.date || !b.date) return a.value === b.value;
  if (a.date.year !== b.date.year) return false;
  if (a.date.month && b.date.month && a.date.month !== b.date.month) return false;
  return !(a.date.day && b.date.day && a.date.day !== b.date.day);
}

export function evidence(candidate: Candidate, corpus: Corpus): Evidence {
  const { source } = candidate;
  const passage = corpus.passages[source.passage]!;
  const quote = passage.text.slice(source.sentence.start, source.sentence.end);
  return {
    sourceId: passage.sourceId,
    passageIndex: passage.index,
    locator: passage.locator,
    footnote: footnoteFor(passage.footnotes, source.sentence, source.figure.end, quote),
    quote,
    highlight: { start: source.figure.start - source.sentence.start, end: source.figure.end - source.sentence.start },
    sourceValue: source.figure.text,
    sourceFigure: source.figure,
    score: Math.round(candidate.score * 100) / 100,
  };
}

/**
 * The source's own footnote behind a statement: the first marker after it in its sentence,
 * or the last one before it there; for a sentence that quotes a report without a marker of
 * its own, the nearest marker earlier in the paragraph (the report being quoted).
 */
export function footnoteFor(markers: readonly { label: string; offset: number }[], sentence: Span, after: number, sentenceText: string): string | undefined {
  const inSentence = markers.filter((m) => m.offset > sentence.start && m.offset <= sentence.end + 2);
  const next = inSentence.find((m) => m.offset >= after);
  if (next) return next.label;
  const before = inSentence.filter((m) => m.offset < after).at(-1);
  if (before) return before.label;
  if (/[“”"]/.test(sentenceText)) return markers.filter((m) => m.offset <= sentence.start).at(-1)?.label;
  return undefined;
}
