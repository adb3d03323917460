// How strongly a source fact states the draft's fact when their words alone fall short: the
// same measure, the draft's holders named in the source's sentence (or paragraph), and the
// same time; and for an event's date, its parties.
import type { Fact } from '../facts/fact';
import type { Corpus } from '../retrieval/corpus';
import type { Evidence, Figure } from '../types';
import { thresholds } from './figureDecision';
import { sameFigureDate, samePeriod } from './timeVerdict';
import { compatibleWith } from './valueAgreement';
import { differences } from '../facts/compare';

/** Terms to look up: a sentence's or a paragraph's set, or such a set with more terms counted in. */
type Terms = Pick<ReadonlySet<string>, 'has'>;

/**
 * How strongly a source fact states the draft's when their words alone fall short: the same
 * measure, every country the draft's fact names in the source's sentence, and no other part
 * differing (the caller has checked). With the same date on both sides, stated or given by
 * the paragraph, that is the same fact at its strongest; without a date on one side, still
 * strong enough to decide either verdict, below a dated match, when the draft names whose fact it
 * is (else only to support); with two different dates, nothing, unless both are only their
 * paragraphs' and the values `agree`. `paragraph`, where given, may name the holders the
 * sentence does not (for agreeing values; and a short report the draft cites is one paragraph).
 */
export function factMatch(draft: Fact, source: Fact, sentence: Terms, paragraph: Terms | undefined, agree: boolean, countries?: ReadonlySet<string>): number {
  // The source fact's own holders count as stated: they may be the pair of the sentence before ("the two nations").
  const stated: Terms = { has: (h) => sentence.has(h) || source.holders.includes(h) };
  if (!(paragraph ? holdersStated(draft.holders, stated, paragraph) : draft.holders.every((h) => stated.has(h)))) return 0;
  // A value of three or more significant digits identifies its fact where the source's clause
  // names no measure ("return $93.5 million to Russia" for "a $93.5 million debt"): enough to support.
  if (!source.measure && draft.measure && identifying(draft.figure) && sameValue(draft.figure, source.figure)) return thresholds.factMatchUntimed;
  if (!source.measure || source.measure.name !== draft.measure?.name) return 0;
  const a = draft.time ?? draft.context;
  const b = source.time ?? source.context;
  const untimed = draft.holders.length ? thresholds.factMatchUntimed : thresholds.factMatchBare;
  if (!a || !b) return untimed;
  if (sameFigureDate(a, b)) return thresholds.factMatch;
  // A goal's value with another deadline is that goal, its year wrong (judgeTime): "3 million tonnes a year by 2030" against "… by 2031".
  if (agree && onceOf(draft, source) === 'goal') return untimed;
  // Two paragraphs' dates, neither the figure's own ("… in 2022-23. … the first cargo, 52,000 tonnes of
  // urea" against a cabinet meeting "on January 10" before "52,000 tonnes of urea from China"), do
  // not set an agreeing value apart; they keep a disagreeing one from contradicting. Not where the
  // source's fact is for a project or body the draft does not name ("pledged $1 billion towards the
  // work" of a railway, against $1 billion for the Pakistan Steel Mills four years before).
  const forAnother = source.holders.some((h) => !draft.holders.includes(h) && !countries?.has(h));
  return agree && !draft.time && !source.time && !forAnother ? untimed : 0;
}

/**
 * For a source figure that agrees with the draft's: the draft's holders are the source's when
 * its sentence names one of them and its paragraph the rest ("a $46 billion project … initiated
 * by China and Pakistan" against "the official CPEC website … at least $46 billion", in a
 * paragraph about China's corridor).
 */
export function holdersStated(holders: readonly string[], sentence: Terms, paragraph: Terms): boolean {
  return (!holders.length || holders.some((h) => sentence.has(h))) && holders.every((h) => sentence.has(h) || paragraph.has(h));
}

/** The source's fact names every holder of the draft's, for the same measure. */
export function sameHoldersAndMeasure(draft: Fact, source: Fact): boolean {
  return draft.holders.length > 0 && draft.measure !== undefined && draft.measure.name === source.measure?.name && draft.holders.every((h) => source.holders.includes(h));
}

/**
 * The draft event's parties in the source: countries in its sentence, organisations there or in
 * its paragraph ("Pakistan and India were invited to join it in 2015", in a paragraph about the SCO).
 */
export function eventHoldersStated(holders: readonly string[], sentence: ReadonlySet<string>, paragraph: ReadonlySet<string>, corpus: Corpus): boolean {
  return holders.every((h) => sentence.has(h) || (corpus.vocabulary.organisations.has(h) && paragraph.has(h)));
}

/** A value written with three or more significant digits ("$93.5 million", "12.4 billion"). */
function identifying(figure: Figure): boolean {
  const digits = String(figure.value).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return figure.high === undefined && digits.length >= 3 && !/e/i.test(String(figure.value));
}

function sameValue(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.value === b.value && a.high === b.high;
}

/**
 * The source figure is another holder's where its sentence gives each holder its own figure
 * ("Uzbekistan has pledged $1.2 billion, Pakistan $400 million and a Gulf fund $700 million";
 * "583 km of it inside Afghanistan and 177 km in Pakistan"): its clause names other holders
 * than the draft's, and another figure's clause has the draft's all and none of its own.
 */
export function heldByAnother(draft: Fact, source: Fact, siblings: () => (Fact | undefined)[]): boolean {
  const holders = draft.holders;
  if (!holders.length || !source.holders.length || source.holders.some((h) => holders.includes(h))) return false;
  return siblings().some((other) => other !== undefined && holders.every((h) => other.holders.includes(h)) && !other.holders.some((h) => source.holders.includes(h)));
}

/**
 * Another figure of the source's sentence gives the draft's value, for the draft's time or for
 * none: that figure is the draft's, and this one another fact of the sentence ("will finance 85
 * percent of the cost …, with the treasury covering the remaining 15 percent", for "85 percent of
 * the cost"). Only if it is the same fact: not the value a change started from, which held at
 * another time, nor the other flow ("exported $150 million … and imported $250 million"), nor a
 * goal ("tripling its 2019 amount of around $100 million to $300 million").
 */
export function valueGivenBySibling(draft: Fact, period: Figure | undefined, siblings: () => (Fact | undefined)[]): boolean {
  return siblings().some((other) => {
    if (!other || other.before || !compatibleWith(draft.figure, other.figure) || differences(draft, other).length > 0) return false;
    // Nor another holder's: "ACWA Power holds 60 percent … and Nebras Power the other 40 percent", for Nebras's 60 percent.
    if (other.holders.length && !draft.holders.every((h) => other.holders.includes(h))) return false;
    const time = other.time ?? other.context;
    return !period || !time || samePeriod(period, time);
  });
}

/** A goal, or a promise, that draft and source both give: a thing said once, whose date the source gives. */
export function onceOf(draft: Fact | undefined, source: Fact | undefined): Evidence['once'] {
  if (draft?.modality === 'goal' && source?.modality === 'goal') return 'goal';
  if (draft?.modality === 'future' && source?.modality === 'future' && sameHoldersAndMeasure(draft, source)) return 'promise';
  return undefined;
}
