// What a figure's verdict needs of the source side alone, worked out once per passage and
// figure whatever the claim: the sentence and its subject (with the sentence before it when it
// opens with a pronoun), the figure's clause, nearby words, year, fact and event.
import { clauseOf, framesWhatFollows, isDate, periodOf } from '../claims/claims';
import { antecedentOf, opensWithCountry, pairSentenceOf, speaksOfPair } from '../claims/sentences';
import { factOf, type Fact } from '../facts/fact';
import { eventOf, type Event } from '../facts/event';
import type { Corpus } from '../retrieval/corpus';
import { termsWithin, type PassageView } from '../retrieval/passageView';
import { termSet } from '../retrieval/subject';
import { framingSpans, inFraming } from '../claims/framing';
import type { Figure, Span } from '../types';
import type { Term } from '../claims/terms';

/** Source words this close to a figure (in characters) say whose figure it is. */
const nearChars = 80;

/** What a candidate's verdict needs of the source figure alone: worked out once per corpus and figure. */
export interface SourceSide {
  sentence: Span;
  /** The year the source ties its figure to, if any. */
  period?: Figure;
  /** The figure's sentence and, when it opens with a pronoun, the sentence before it. */
  subject: Span;
  /** The terms of `subject`. */
  sentenceTerms: ReadonlySet<string>;
  clauseTerms: ReadonlySet<string>;
  /** Source words close to the figure: the countries there are the ones it is about. */
  nearTerms: ReadonlySet<string>;
  /** What the source's figure measures, for whom, when and how; none for a date. */
  fact?: Fact;
  /** For a date: the event it dates, and the thing a year names ("his 2015 article"). */
  event?: Event;
  /** The countries of the source's title, for a sentence that names none (SentenceSubject). */
  titleHolders?: readonly string[];
}

/**
 * A source sentence's subject: the sentence itself, and the sentence before it when it opens
 * with a pronoun ("The first phase is due in 2028. It will carry 6.2 billion cubic metres").
 */
export interface SentenceSubject {
  span: Span;
  antecedent?: Span;
  /** The sentence before, which names the pair this one calls "the two countries": whose its facts are. */
  pair?: Span;
  /**
   * With no such sentence in its paragraph, the two countries the source's title names
   * ("Pakistan, Uzbekistan sign transit trade deal"); for a sentence that names no country in a
   * short report the draft cites, all the countries its headline names (PassageView.headline).
   */
  titleHolders?: readonly string[];
}

export function subjectOf(view: PassageView, sentence: Span, corpus: Corpus): SentenceSubject {
  return view.remember(`subject:${sentence.start}`, () => {
    const at = view.sentences.findIndex((s) => s.start === sentence.start);
    const antecedent = at > 0 ? antecedentOf(view.sentences, at, view.text) : undefined;
    if (antecedent) return { span: { start: antecedent.start, end: sentence.end }, antecedent };
    // The pair is the sentence before's; its other words are not this sentence's subject.
    const pair = at > 0 ? pairSentenceOf(view.sentences, at, view.text) : undefined;
    const countries = (span: Span): number => new Set(termsWithin(view.terms, span).filter((t) => corpus.vocabulary.countries.has(t.term)).map((t) => t.term)).size;
    if (countries(sentence) >= 2) return { span: sentence };
    if (pair && countries(pair) >= 2) return { span: sentence, pair };
    // A news report's "the two sides" in a paragraph of its own: the pair of its headline.
    const titleHolders = speaksOfPair(view.text, sentence) ? view.titleCountries : [];
    if (titleHolders.length === 2) return { span: sentence, titleHolders };
    // A sentence that names no country in a short report the draft cites: the countries of its headline.
    return countries(sentence) === 0 && view.headline.length ? { span: sentence, titleHolders: view.headline } : { span: sentence };
  });
}

/** A fact that names no country of its own holds for the countries of the source's title (SentenceSubject.titleHolders); two of them trade with each other. */
function withTitleHolders(fact: Fact, countries: readonly string[] | undefined, corpus: Corpus): Fact {
  if (!countries || fact.holders.some((h) => corpus.vocabulary.countries.has(h))) return fact;
  const holders = [...fact.holders, ...countries];
  return fact.measure?.name === 'trade' && !fact.pair && countries.length === 2 ? { ...fact, holders, pair: [...countries] } : { ...fact, holders };
}

/**
 * The date a footnote leads with ("09.01.2020: CPEC: … – Sputnik") is the day the work it cites
 * appeared: it speaks only to a date of writing or publishing, never to what the work reports.
 */
const publication: Event = { action: 'publication', holders: [], named: 'wrote' };

/** `sentence` is the figure's sentence (sentenceOf), which the caller has found already, and `subject` its subjectOf. */
export function sourceSide(view: PassageView, index: number, sentence: Span, subject: SentenceSubject, corpus: Corpus): SourceSide {
  return view.remember(index, () => {
    const figure = view.figures[index]!;
    const text = view.text;
    const inSentence = view.figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
    const others = inSentence.filter((f) => !isDate(f));
    const dates = inSentence.filter(isDate);
    const date = isDate(figure);
    const clause = date ? sentence : clauseOf(text, figure, others, sentence);
    const period = date ? undefined : periodOf(text, figure, others, dates, sentence);
    // "In 2023 the country imported 7.1 million tonnes of LNG, the bulk of it from Qatar": the
    // country the sentence before names is the one the figure is about, whichever it came from.
    const named = subject.antecedent && opensWithCountry(text, sentence) ? termsWithin(view.terms, subject.antecedent).filter((t) => corpus.vocabulary.countries.has(t.term)) : [];
    const own = (terms: readonly Term[]): ReadonlySet<string> => termSet(named.length ? [...terms, ...named] : terms);
    return {
      sentence,
      period,
      subject: subject.span,
      sentenceTerms: view.sentenceSet(subject.span),
      clauseTerms: own(termsWithin(view.terms, clause)),
      nearTerms: own(termsWithin(view.terms, sentence).filter((t) => t.end >= figure.start - nearChars && t.start <= figure.end + nearChars)),
      fact: date ? undefined : sourceFact(view, figure, clause, sentence, subject, period, dates, corpus),
      ...(subject.titleHolders && { titleHolders: subject.titleHolders }),
      event: date ? (view.work && figure.start === sentence.start ? publication : eventOf(text, figure, sentence, termsWithin(view.terms, sentence), corpus.vocabulary, dates)) : undefined,
    };
  });
}

/**
 * The fact of a source's amount. With no time of its own, it holds for the time its sentence
 * leads with ("rose to $186 million in 2025 from $141 million in 2024, while trade with
 * Tajikistan reached $94 million"), else for the last date of its paragraph before it, or as
 * well for the time of an amount of its kind in the sentence right before (`alsoAt`): in "the
 * two nations aim to increase bilateral trade which last year stood at $700 million. Pakistan's
 * exports to Russia reached $150 million while imports … are worth $250 million", the flows may
 * be last year's or the report's own.
 */
function sourceFact(view: PassageView, figure: Figure, clause: Span, sentence: Span, subject: SentenceSubject, period: Figure | undefined, dates: readonly Figure[], corpus: Corpus): Fact {
  const terms = termsWithin(view.terms, subject.pair ? { start: subject.pair.start, end: sentence.end } : subject.span);
  const leading = dates.find((d) => d.end <= figure.start);
  const fact = withTitleHolders(factOf(view.text, figure, clause, sentence, terms, corpus.vocabulary, period, leading ?? view.figures.filter((f) => isDate(f) && f.end <= sentence.start && framesWhatFollows(view.text, f)).at(-1), subject.antecedent ?? subject.pair), subject.titleHolders, corpus);
  if (leading || fact.time || !fact.measure?.group) return fact;
  const before = view.sentences.filter((s) => s.end <= sentence.start).at(-1);
  // Its amounts hold for a time of their own only by a date or a relative year ("last year", "a year later").
  if (!before || !(view.figures.some((f) => isDate(f) && f.start >= before.start && f.end <= before.end) || /\byear\b/i.test(view.text.slice(before.start, before.end)))) return fact;
  for (const [index, other] of view.figures.entries()) {
    if (isDate(other) || other.start < before.start || other.end > before.end) continue;
    const side = sourceSide(view, index, before, subjectOf(view, before, corpus), corpus);
    const time = heldFor(side);
    if (side.fact?.measure?.group === fact.measure.group && time && time.text !== fact.context?.text) return { ...fact, alsoAt: time };
  }
  return fact;
}

/**
 * A report's dateline, or its "officials said on Tuesday", dates the telling: where its sentence
 * gives another day or month too ("SAHIWAL, July 4 (Reuters) - … entered operation on Monday,
 * July 3"), a draft's date is that date's to support or contradict, not the telling's. A year of
 * the background ("six years after construction began in 2016") leaves the dateline the date of
 * the news.
 */
export function toldOnly(view: PassageView, date: Figure, sentence: Span): boolean {
  const framing = framingSpans(view.text, sentence);
  return framing.length > 0 && inFraming(framing, date) && view.figures.some((f) => f !== date && isDate(f) && f.date?.month !== undefined && f.start >= sentence.start && f.end <= sentence.end && !inFraming(framing, f));
}

/**
 * A date that ends its sentence, in a sentence that says no more than that something happened
 * then ("Impressive progress was recently made on this front in December 2019."), dates the
 * sentence after it when that one gives no date of its own ("RT reported that a 64-member
 * delegation … traveled to Pakistan"): the two are read as one.
 */
export function dateFraming(view: PassageView, date: Figure, sentence: Span): Span {
  if (!isDate(date) || !/^\s*[.!]?\s*$/.test(view.text.slice(date.end, sentence.end))) return sentence;
  const next = view.sentences.find((s) => s.start >= sentence.end);
  if (!next || view.figures.some((f) => isDate(f) && f.start >= next.start && f.end <= next.end)) return sentence;
  if (view.figures.some((f) => f !== date && f.start >= sentence.start && f.end <= sentence.end)) return sentence;
  return { start: sentence.start, end: next.end };
}

/** A sentence's or paragraph's terms with the countries of the source's title, for a sentence they are the subject of (SentenceSubject.titleHolders). */
export function withTitle(terms: ReadonlySet<string>, countries: readonly string[] | undefined): ReadonlySet<string> {
  return countries ? new Set([...terms, ...countries]) : terms;
}

/** The time a source figure holds for: its sentence's, else its paragraph's. */
export function heldFor(source: { period?: Figure; fact?: Fact }): Figure | undefined {
  return source.period ?? source.fact?.context;
}

/** The times a source figure may hold for: heldFor's, and the one of the sentence before (Fact.alsoAt). */
export function heldTimes(source: { period?: Figure; fact?: Fact }): Figure[] {
  const time = heldFor(source);
  const also = source.period ? undefined : source.fact?.alsoAt;
  return time && also ? [time, also] : time ? [time] : [];
}

/**
 * The terms of a source sentence, with the source's authors' names when the draft attributes
 * its claim to someone the passage does not name ("According to Abbasi, …"): only then is the
 * source's record read. For the date of a publication, a footnote's sentence has the words of
 * the body's sentences that cite it too (PassageView.citedFor): what the work reports.
 */
export function sourceSentenceTerms(view: PassageView, span: Span, draft: { attributed(): ReadonlySet<string>; event?: Event }): ReadonlySet<string> {
  for (const name of draft.attributed()) if (!view.termSet.has(name)) return view.subjectSet(span);
  if (draft.event?.action !== 'publication' || !view.citedFor.size) return view.sentenceSet(span);
  return view.remember(`cited:${span.start}:${span.end}`, () => new Set([...view.sentenceSet(span), ...view.citedFor]));
}
