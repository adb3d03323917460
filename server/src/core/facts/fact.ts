// A figure read as a fact: what it measures, who holds it and in which role (for a flow of
// goods, who sells to whom), which way it moved, whether it happened or is a goal, and when.
// The same reading is made of a draft's figure and of a source's, and two facts speak to each
// other only where these parts agree (`differences`, in compare.ts); then the values decide.
import { isChangeBase, isComparedValue } from '../claims/claims';
import { isAnniversary } from '../claims/dates';
import { countsSome } from '../claims/units';
import { relativeTo } from '../claims/relativeDates';
import { isVenue, stem, type Term, type Vocabulary } from '../claims/terms';
import type { Figure, Span } from '../types';
import { fallTerm, measureOfUnit, measures, riseTerm, type Measure } from './lexicon';
import { modalityOf, partOfSum, plannedThing, saidDone, type Modality } from './modality';
import { flowRoles, quantityFlow } from './flow';
import { placeOf, routeOf } from './place';
import { speaksOfPair } from '../claims/sentences';

export type Direction = 'level' | 'rise' | 'fall';

export interface Fact {
  figure: Figure;
  /** What is counted, when a word of its clause says so. */
  measure?: Measure;
  /** The word that names the measure, as a term ("cost"), when a word of the lexicon does. */
  measureTerm?: string;
  /** Every measure its clause names ("commitments of investment and concessional loans": investment and loan). */
  named: string[];
  /** For a flow of goods (exports, imports): the seller and the buyer, when the text names them. */
  from?: string;
  to?: string;
  /** Countries, organisations and projects (CPEC, the SCO) named in the figure's clause. */
  holders: string[];
  /** For trade: the countries it is between, as named at the word "trade". */
  pair?: string[];
  /** Trade its sentence says is a pair's ("between the two countries", "bilateral") without naming the pair. */
  unnamedPair?: boolean;
  /** For an amount of a material, the material: its terms, its words as written ("500,000 tonnes of chickpeas", "6.2 billion cubic metres of gas") and the country it is named for ("Russian crude"). */
  goods?: { terms: string[]; text: string; origin?: string };
  /** Where the thing it measures stands, when its clause says so after it: "a 600 MW plant at Jamshoro". */
  place?: string;
  /** For a route's length, the two places it joins (routeOf): they, not countries or years, say which route it is. */
  route?: readonly [string, string];
  direction: Direction;
  modality: Modality;
  /** Said in so many words to have happened: "has already invested", "was spent". */
  done?: boolean;
  /** The thing it sizes is only planned: "developed a project to … establish a 600-megawatt plant". */
  planned?: boolean;
  /** The value a change starts from, with no date of its own: it held before the time its sentence speaks of ("eight plants, up from three"). */
  before?: boolean;
  /** A count of some of the things it names ("90 of the analysts"): a part, not their number. */
  some?: boolean;
  /** Said to hold after the time the sentence's sources speak of: "Manila has since cut its tariff … to 15 percent". */
  since?: boolean;
  /** The value the sentence's thing is set against, another thing's: "$0.463" in "about 11% lower than the $0.463 … agreed for the Barka East plant". */
  compared?: boolean;
  /** The year or date the figure holds for. */
  time?: Figure;
  /** With no time of its own, the last date its paragraph gave before its sentence ("In December 2019 … At the time …"). */
  context?: Figure;
  /**
   * A source's amount with no time of its own, after a sentence whose amount of its kind holds
   * for another time than `context`: that time, which it may hold for instead (sourceSide).
   */
  alsoAt?: Figure;
}

/**
 * What the words of a figure's clause say about it. `terms` are the terms of its sentence (and
 * of its antecedent); `context` the date its paragraph gave before the sentence, if any;
 * `antecedent` the sentence before, for a sentence that opens with a pronoun ("It will carry 6.2
 * billion cubic metres a year"): what the figure measures and whose it is, when its own
 * sentence does not say.
 */
export function factOf(text: string, figure: Figure, clause: Span, sentence: Span, terms: readonly Term[], vocabulary: Vocabulary, time?: Figure, context?: Figure, antecedent?: Span, pagePair?: readonly string[]): Fact {
  const inClause = terms.filter((t) => t.start >= clause.start && t.end <= clause.end);
  const isHolder = (t: Term): boolean => (vocabulary.countries.has(t.term) && !isVenue(text, t)) || vocabulary.organisations.has(t.term);
  const holdersIn = (start: number, end: number): string[] => [...new Set(terms.filter((t) => t.start >= start && t.end <= end && isHolder(t)).map((t) => t.term))];
  let holders = holdersIn(clause.start, clause.end);
  // A part of a sum is held as the sum is: "a $14 billion package that Russia promised, of which $2.5 billion is earmarked for the line";
  // so is the value a change starts from: "Russia allocated 300 scholarships to Pakistani students, up from 250".
  // A part keeps the holders its own clause names too: "a $14 billion investment in Pakistan's energy sector, including $2.5 billion … Russia's".
  if (partOfSum(text, figure, sentence)) holders = [...new Set([...holdersIn(sentence.start, clause.start), ...holders])];
  else if (!holders.length && isChangeBase(text, figure)) holders = holdersIn(sentence.start, clause.start);
  const fromAntecedent = !holders.length && antecedent !== undefined;
  if (fromAntecedent) holders = holdersIn(antecedent.start, antecedent.end);
  const modality = modalityOf(text, figure, sentence);
  // A goal holds for the time it names, if any; the date it was set in ("In July 2021 … agreed to
  // work towards $1 billion") is not the goal's.
  const fact: Fact = { figure, named: [], holders, direction: directionOf(text, figure, inClause), modality, time, context: time || modality === 'goal' ? undefined : context && relativeTo(context, text.slice(clause.start, clause.end)) };
  if (!time && isChangeBase(text, figure)) fact.before = true;
  if (isComparedValue(text, figure)) fact.compared = true;
  if (sinceThen.test(text.slice(clause.start, figure.qualifierStart ?? figure.start))) fact.since = true;
  if (countsSome(figure)) fact.some = true;
  if (fact.modality === 'achieved' && saidDone(text, figure, sentence)) fact.done = true;
  else if (fact.modality === 'achieved' && plannedThing(text, figure, sentence)) fact.planned = true;
  const place = placeOf(text, figure, clause, sentence, vocabulary);
  if (place) fact.place = place;
  // The measure may be named in the antecedent: "This initial cost of CPEC was … $46 billion. However, it is $87 billion …".
  if (antecedent) sentence = { start: antecedent.start, end: sentence.end };
  // A length, a capacity or a volume says by its unit what it measures; so does a rank ("the third most populous").
  if (figure.kind === 'quantity' || figure.kind === 'rank') {
    const goods = goodsAfter(text, figure, clause, terms, vocabulary);
    if (goods) fact.goods = goods;
    const route = routeOf(text, figure, sentence);
    if (route) Object.assign(fact, { route, holders: [] });
    fact.measure = unitMeasure(figure.unit);
    fact.named = [fact.measure.name];
    // "1,742 thousand tonnes of Ethiopian exports" went out of Ethiopia; "Imports (to Ethiopia): 1,742" came in.
    const flow = quantityFlow(inClause, (keep) => nearest(figure, inClause, keep));
    if (flow) flowRoles(fact, text, flow, inClause, terms.filter((t) => t.start >= sentence.start && t.end <= clause.start), vocabulary);
    // "Pakistan imported 1.9 million tonnes of Russian crude": the country its material is named for sold it.
    if (flow && !fact.from && goods?.origin && goods.origin !== fact.to) fact.from = goods.origin;
    return fact;
  }
  // How long a visit lasted ("a four-day visit", "a delegation which spent five days in Pakistan"), or ties
  // have lasted ("seventy-five years of diplomacy"). Other durations say too little of what they time to be one fact.
  if (figure.kind === 'duration') {
    const kind = isAnniversary(text, figure) ? 'anniversary' : stayWords.test(text.slice(clause.start, clause.end)) ? 'stay' : undefined;
    if (kind) Object.assign(fact, { measure: unitMeasure(kind), named: [kind] });
    // Ties are the parties' that mark them, up to the comma after: not "…, and argues that China draws Russia to Pakistan".
    const comma = text.indexOf(',', figure.end);
    if (kind === 'anniversary') fact.holders = holdersIn(clause.start, comma > 0 && comma < clause.end ? comma : clause.end);
    return fact;
  }
  const fits = (t: Term): boolean => {
    const m = measureOf(t.term);
    // A count measures what it counts ("38 ships" are no shipment; "eight plants cleared to export" count plants):
    // a word of the lexicon names it only when it counts people ("a 64-member delegation", "a delegation of 64 businessmen").
    if (m && figure.kind === 'count' && figure.unit !== 'count') return m.name === 'members' || m.name === 'population';
    return m !== undefined && (!m.kinds || m.kinds.includes(figure.kind));
  };
  // With no measure word of its own, a figure measures what its sentence spoke of last
  // ("Pakistan's trade with Uzbekistan … tripling its 2019 amount of around $100 million").
  const named =
    nearest(figure, inClause, fits) ??
    terms.filter((t) => t.start >= sentence.start && t.end <= clause.start && fits(t)).at(-1) ??
    // "$2.5bn out of a $14bn energy package it promised": a part measures what the sum after it does.
    (figure.kind === 'money' && sumAfter.test(text.slice(figure.end, figure.end + 40)) ? terms.find((t) => t.start >= figure.end && t.end <= sentence.end && fits(t)) : undefined);
  if (!named) {
    // "a US$2.5 billion (S$3.4 billion) natural gas pipeline": money before the thing it builds is what it costs.
    // So is money a thing was built or bought "for": "delivered a 50,000-seat ground in Senegal in 2022 for $215 million".
    if (figure.kind === 'money' && (moneyOfThing.test(text.slice(figure.end, clause.end)) || /\bfor\s+$/i.test(text.slice(Math.max(0, (figure.qualifierStart ?? figure.start) - 5), figure.qualifierStart ?? figure.start)))) {
      fact.measure = measures.find((m) => m.name === 'investment');
      fact.named = [fact.measure!.name];
    }
    // "a 64-member business mission": the members it counts, named by its unit.
    if (figure.kind === 'count' && memberUnits.has(figure.unit)) {
      fact.measure = measures.find((m) => m.name === 'members');
      fact.named = ['members'];
    } else if (figure.kind === 'count' && figure.unit !== 'count') {
      // Otherwise a count measures the thing it counts: "820 freight wagons", "7,300 Russian tourists".
      fact.measure = unitMeasure(figure.unit);
      fact.named = [fact.measure.name];
    }
    return fact;
  }
  fact.measure = measureOf(named.term);
  fact.measureTerm = named.term;
  // A population is the people of one country, the one named closest to it ("Pakistan's over 200
  // million people represent a promising market for the EAEU's exports"), not every party of its clause.
  if (fact.measure!.name === 'population') {
    // "access to a market of more than 200 million people" is the size of a market, whosever it is.
    if (marketOf.test(text.slice(clause.start, figure.qualifierStart ?? figure.start))) {
      delete fact.measure;
      return fact;
    }
    const own = nearest(figure, inClause, isHolder);
    if (own) fact.holders = [own.term];
  }
  fact.named = [...new Set([fact.measure!.name, ...inClause.filter(fits).map((t) => measureOf(t.term)!.name)])];
  if (fact.measure!.name === 'trade') {
    // Trade is between the pair named at its word ("Pakistani-Afghanistani trade", "trade between
    // Pakistan and Uzbekistan", "Pakistan's trade with Tajikistan"), not every country of the clause.
    // The word may lie outside the figure's clause ("Pakistani-Kazakhstani trade … fell …, but …
    // hoping that it could one day reach $500 million"): the pair is still the one named at it.
    const countries = (within: readonly Term[]): string[] => [...new Set(within.filter((t) => vocabulary.countries.has(t.term)).map((t) => t.term))];
    const inSentence = terms.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    const pair = countries(inSentence.filter((t) => t.end >= named.start - pairChars && t.start <= named.end + pairChars));
    // "Pakistan and Turkmenistan have set a goal of raising their bilateral trade": with no country
    // at the word, a clause that names two countries names the pair.
    const clauseCountries = countries(inClause);
    // One country at the word ("Uzbekistan and Pakistan want their two-way trade") is half a pair: the clause's two are the pair.
    if (pair.length >= 2 || (pair.length === 1 && clauseCountries.length !== 2)) fact.pair = pair;
    else if (clauseCountries.length === 2) fact.pair = clauseCountries;
    // "Two-way trade was worth $700m", after a sentence naming Russia and Pakistan: the two it names.
    else if (!pair.length && !clauseCountries.length && fromAntecedent) {
      const named = fact.holders.filter((h) => vocabulary.countries.has(h));
      if (named.length === 2) fact.pair = named;
    }
    // "two-way trade was about $700 million in 2018, with Pakistan selling goods worth $250 million
    // to Russia": with no pair before it, two-way or bilateral trade is between the two its sentence names.
    else if (!pair.length && !clauseCountries.length && !fact.holders.length && twoWay.test(text.slice(Math.max(0, named.start - 12), named.end))) {
      const both = countries(inSentence);
      if (both.length === 2) [fact.pair, fact.holders] = [both, [...both]];
    }
    // "Two-way trade was about $700 million last year", with no sentence before it to name the pair: the two the draft's opening names.
    if (!fact.pair && !fact.holders.length && pagePair?.length === 2) [fact.pair, fact.holders] = [[...pagePair], [...pagePair]];
    else if (!fact.pair && speaksOfPair(text, sentence)) fact.unnamedPair = true;
  }
  if (fact.measure!.name === 'exports' || fact.measure!.name === 'imports') flowRoles(fact, text, named, inClause, terms.filter((t) => t.start >= sentence.start && t.end <= clause.start), vocabulary);
  return fact;
}

/**
 * What an amount is of: up to three words after "of" right behind the figure ("tonnes of
 * Russian wheat", "barrels a day of crude oil"), as terms, without the countries that say whose;
 * the country it is named for ("Russian") is its origin.
 */
function goodsAfter(text: string, figure: Figure, clause: Span, terms: readonly Term[], vocabulary: Vocabulary): Fact['goods'] {
  const m = goodsOf.exec(text.slice(figure.end, Math.min(clause.end, figure.end + 80)));
  if (!m) return undefined;
  const start = figure.end + m[0].length - m[1]!.length;
  const end = start + m[1]!.length;
  const words = terms.filter((t) => t.start >= start && t.end <= end);
  const goods = words.filter((t) => !vocabulary.countries.has(t.term) && !vocabulary.organisations.has(t.term)).map((t) => t.term);
  if (!goods.length) return undefined;
  const origin = words.find((t) => vocabulary.countries.has(t.term))?.term;
  return origin ? { terms: goods, text: m[1]!.trim(), origin } : { terms: goods, text: m[1]!.trim() };
}

/** "of" and the words of the material after a figure's unit, up to a word that starts something else. */
const goodsOf = /^(?:\s+(?:a|per)\s+(?:year|day|month|annum))?\s+of\s+(?:the\s+|its\s+|their\s+)?((?:(?!(?:from|to|in|into|at|on|for|by|and|or|a|an|the|per|each|which|that|was|were|is|are|worth|valued)\b)[\p{L}-]+\s*){1,3})/iu;

/** "out of a $14bn …", "of the US$60 billion …": a sum follows, of which the figure is a part. */
const sumAfter = /^\s*(?:out\s+of|of)\s+(?:a|an|the|its|their)\s+(?:total\s+of\s+)?(?:US\$|USD\s?|[$€£]|Rs\.?\s?)\d/i;

/** Counted nouns that are the members of a body or a delegation. */
const memberUnits = new Set(['member', 'delegate', 'representative', 'participant']);

/** Words of a visit, whose length a duration in its clause is. */
const stayWords = /\b(?:visit(?:s|ed|ing)?|trip|tour|stay(?:ed)?|spen[dt]|mission|delegation)\b/i;

/** "two-way trade", "bilateral trade", or the word alone: trade said to be between two. */
const twoWay = /\b(?:two-way|bilateral)(?:\s+trade\w*)?$/i;

/** "a market of" before a count of people: the size of a market. */
const marketOf = /\bmarket\s+of\s+$/i;

/** Countries this close to the word "trade" (in characters) are the pair it is between. */
const pairChars = 30;

const unitMeasures = new Map<string, Measure>();
function unitMeasure(unit: string): Measure {
  const name = measureOfUnit[unit] ?? unit;
  let measure = unitMeasures.get(name);
  if (!measure) unitMeasures.set(name, (measure = { name, words: [] }));
  return measure;
}

/** The lexicon's words as terms.ts stems them. */
const byStem = new Map<string, Measure>();
for (const m of measures) for (const word of m.words) byStem.set(stem(word), m);

/**
 * `variants` with the other words of the lexicon entry of the word that names `fact`'s measure,
 * for that word: "cost" is found as "investment" or "outlay". All of them (an upper bound, for
 * retrieval) or, given a source figure's fact, the word that names its measure, if one of them.
 */
export function withMeasureSynonyms(variants: (term: string) => readonly string[], fact: Fact | undefined, source?: Fact): (term: string) => readonly string[] {
  const word = fact?.measureTerm;
  const measure = word === undefined ? undefined : measureOf(word);
  if (!measure) return variants;
  const synonyms = synonymsOf(measure).filter((t) => t !== word && (!source || source.measureTerm === t));
  return synonyms.length ? (term) => (term === word ? [...variants(term), ...synonyms] : variants(term)) : variants;
}

/** A lexicon entry's words as terms, stemmed once per entry (a claim asks for each candidate it weighs). */
const entryTerms = new WeakMap<Measure, string[]>();
function synonymsOf(measure: Measure): string[] {
  let terms = entryTerms.get(measure);
  if (!terms) entryTerms.set(measure, (terms = [...new Set(measure.words.map(stem))]));
  return terms;
}

/** Terms already looked up, with the measure they name or null: a term is read for every figure near it. */
const measureOfTerm = new Map<string, Measure | null>();

function measureOf(term: string): Measure | undefined {
  let found = measureOfTerm.get(term);
  if (found === undefined) {
    found = byStem.get(term) ?? null;
    if (!found)
      for (const [stem, m] of byStem)
        if (stem.length >= 5 && term.startsWith(stem)) {
          found = m;
          break;
        }
    if (measureOfTerm.size < 100_000) measureOfTerm.set(term, found);
  }
  return found ?? undefined;
}

/** The term closest to the figure that `keep` keeps. */
function nearest(figure: Figure, terms: readonly Term[], keep: (t: Term) => boolean): Term | undefined {
  let best: Term | undefined;
  let distance = Infinity;
  for (const t of terms) {
    if (!keep(t)) continue;
    // A word inside the figure names its measure first ("200 million people", "a 64-member delegation").
    const d = t.start >= figure.start && t.end <= figure.end ? 0 : t.end <= figure.start ? figure.start - t.end : t.start - figure.end;
    if (d >= 0 && d < distance) [best, distance] = [t, d];
  }
  return best;
}

/** A rise or a fall said right by the figure ("rose by 20%", "a 20% decrease"): the nearest such word within a few words. */
function directionOf(text: string, figure: Figure, terms: readonly Term[]): Direction {
  // "up 20 per cent", "down by a fifth": words too short to be terms.
  const before = text.slice(Math.max(0, (figure.qualifierStart ?? figure.start) - 12), figure.qualifierStart ?? figure.start);
  if (/\bup\s+(?:by\s+)?$/i.test(before)) return 'rise';
  if (/\bdown\s+(?:by\s+)?$/i.test(before)) return 'fall';
  // The value a change starts from is the level before it: "rose from $141 million", "up from $11.2 million".
  if (/\bfrom\s+$/i.test(before)) return 'level';
  const near = terms.filter((t) => t.end >= (figure.qualifierStart ?? figure.start) - 40 && t.start <= figure.end + 25);
  const word = nearest(figure, near, (t) => t.term === riseTerm || t.term === fallTerm);
  return word?.term === riseTerm ? 'rise' : word?.term === fallTerm ? 'fall' : 'level';
}

/** "has since cut", "since then": a change after the time the sources speak of. */
const sinceThen = /\b(?:(?:has|have|had)\s+since|since\s+then)\b/i;

/** Right after a sum (or its conversion in brackets, or a size: ", 50,000-seat"), up to three words and a thing built or bought with it: "(S$3.4 billion) natural gas pipeline". */
const moneyOfThing = /^\s*\)?\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*[\p{N},.]+-[\p{L}]+\s+)?(?:[\p{L}-]+\s+){0,3}(?:pipelines?|plants?|factor(?:y|ies)|facilit(?:y|ies)|railways?|corridors?|ports?|packages?|deals?|contracts?|schemes?|refiner(?:y|ies)|terminals?|dams?|highways?|mills?|stadiums?|stadia|airports?|bridges?|hospitals?|tunnels?)\b/iu;
