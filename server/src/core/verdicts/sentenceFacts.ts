// The facts of a draft sentence's amounts, and which of them a source figure states: worked
// out once per sentence, not once per claim, so that a sentence of many figures costs little more
// than its figures.
import { clauseOf, isDate, periodOf } from '../claims/claims';
import { intervalsOverlap } from '../claims/figureFormat';
import type { Term } from '../claims/terms';
import { differences, isOtherFact } from '../facts/compare';
import { factOf, type Fact } from '../facts/fact';
import type { Corpus } from '../retrieval/corpus';
import type { Figure, Span } from '../types';
import type { Candidate } from './figureDecision';
import { sameFigureDate } from './timeVerdict';

export interface DraftFact {
  figure: Figure;
  clause: Span;
  period?: Figure;
  fact: Fact;
}

/** The facts of a draft sentence's amounts by their start, worked out once per sentence (its figures' array) and draft pair, not once per claim. */
const factsOfSentence = new WeakMap<readonly Figure[], { pair: string; facts: Map<number, DraftFact> }>();

export function draftFacts(draftText: string, draftTerms: readonly Term[], draftFigures: readonly Figure[], sentence: Span, corpus: Corpus, context: Figure | undefined, antecedent?: Span, pagePair?: readonly string[]): Map<number, DraftFact> {
  // The same sentence (the same figures' array) in a draft that opens with another pair has other facts.
  const pair = pagePair?.join(',') ?? '';
  const known = factsOfSentence.get(draftFigures);
  if (known?.pair === pair) return known.facts;
  const facts = new Map<number, DraftFact>();
  const amounts = draftFigures.filter((f) => !isDate(f));
  const dates = draftFigures.filter(isDate);
  // The year of the last amount before, for an amount with no time of its own (below).
  let earlier: Figure | undefined;
  for (const figure of amounts) {
    const clause = clauseOf(draftText, figure, amounts, sentence);
    const period = periodOf(draftText, figure, amounts, dates, sentence);
    // With no time of its own, a figure holds for the year of the amount before it in its sentence
    // ("Of the $174 million the two countries traded in 2023, Pakistan's exports accounted for $113
    // million"), else for its paragraph's date. A date of an event before it ("On 15 July 2021 …
    // signed … to construct a US$2.5 billion pipeline") is not the figure's.
    facts.set(figure.start, { figure, clause, period, fact: factOf(draftText, figure, clause, sentence, draftTerms, corpus.vocabulary, period, earlier ?? context, antecedent, pagePair) });
    earlier = period ?? earlier;
  }
  factsOfSentence.set(draftFigures, { pair, facts });
  return facts;
}

/** Which of a sentence's amounts (by start) a source figure states: worked out once per sentence and source figure, not once per claim. */
const explained = new WeakMap<Map<number, DraftFact>, WeakMap<Figure, number[]>>();

export function explainedBy(facts: Map<number, DraftFact>, c: Candidate): number[] {
  let bySource = explained.get(facts);
  if (!bySource) explained.set(facts, (bySource = new WeakMap()));
  let starts = bySource.get(c.source.figure);
  if (!starts) {
    starts = [];
    for (const o of facts.values()) {
      if (intervalsOverlap(o.figure, c.source.figure) && (!o.period || !c.period || sameFigureDate(o.period, c.period)) && !(c.fact && (differences(o.fact, c.fact).some(isOtherFact) || otherHolders(o.fact, c.fact)))) starts.push(o.figure.start);
    }
    bySource.set(c.source.figure, starts);
  }
  return starts;
}

/** Each names its holders and they share none: "583 km in Pakistan" is no evidence for the draft's "583 km in Afghanistan". */
function otherHolders(draft: Fact, source: Fact): boolean {
  return draft.holders.length > 0 && source.holders.length > 0 && !draft.holders.some((h) => source.holders.includes(h));
}
