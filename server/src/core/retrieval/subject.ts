// Decides how well a source clause speaks about the same subject as a draft sentence:
// rare shared words count most, words in the figure's own clause more than words
// elsewhere in its sentence or paragraph, and naming a different country or organisation
// counts against. What the figure measures and for whom is the fact model's (facts/fact.ts).
import { variantsIn } from './spelling';
import type { Term, Vocabulary } from '../claims/terms';
import type { Span } from '../types';

export interface SubjectProfile {
  /** Draft terms and their weights (inverse document frequency). */
  weights: Map<string, number>;
  total: number;
  /** Countries and organisations the draft sentence names. */
  entities: Set<string>;
  /** Names the draft sentence uses (capitalised words, countries, organisations): a source that lacks one speaks of something else. */
  names: Set<string>;
}

/** Where in the source a term was found, and how much that counts. */
const inClause = 1;
const inSentence = 0.75;
const inParagraph = 0.4;
/** Multiplier when the source clause names another country or organisation. */
const entityConflict = 0.35;

/** Draft words outside the figure's own clause say less about what it measures. */
const outsideClause = 0.5;

export interface ProfileOptions {
  /** Draft words outside this span weigh less. */
  clause?: Span;
  /** Whether a draft word is written as a name. */
  isName?(term: Term): boolean;
}

export function subjectProfile(terms: readonly Term[], exclude: readonly Span[], vocabulary: Vocabulary, idf: (term: string) => number, options: ProfileOptions = {}): SubjectProfile {
  const { clause, isName } = options;
  const weights = new Map<string, number>();
  const entities = new Set<string>();
  const names = new Set<string>();
  for (const t of terms) {
    // A country named inside a figure ("64 Russian businesspeople") still says whose figure it is.
    if (isEntity(t.term, vocabulary)) entities.add(t.term);
    if (exclude.some((e) => t.start < e.end && t.end > e.start)) continue;
    const near = !clause || (t.start >= clause.start && t.end <= clause.end);
    weights.set(t.term, Math.max(weights.get(t.term) ?? 0, idf(t.term) * (near ? 1 : outsideClause)));
    if (isEntity(t.term, vocabulary) || isName?.(t)) names.add(t.term);
  }
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total, entities, names };
}

export interface SubjectMatch {
  score: number;
  /** The share of the draft's subject found in the source's own sentence (clause included). */
  sentenceScore: number;
  /** The weightiest draft word found nowhere in the source passage, as a share of the subject. */
  missing: number;
  /** The source names a different country or organisation. */
  conflict: boolean;
}

/** Terms as found, or already as a set. */
type Terms = readonly Term[] | ReadonlySet<string>;

/**
 * The most matchSubject can find, before penalties, of the draft's subject weight for any
 * figure of a source sentence: what the sentence has (as in its clause), and what only its
 * paragraph has. A figure whose ceiling is under a threshold need not be matched.
 */
export function subjectCeiling(profile: SubjectProfile, sentence: ReadonlySet<string>, paragraph: ReadonlySet<string>, variants?: Variants): number {
  let weight = 0;
  for (const [term, w] of profile.weights) {
    if (hasTerm(sentence, term, variants)) weight += w * inClause;
    else if (paragraph.has(term)) weight += w * inParagraph;
  }
  return weight;
}

/**
 * How well a source figure's surroundings match the draft's subject. `near` are the source
 * words close to the figure: the countries there are the ones the figure is about. A name the
 * draft gives that is in `elsewhere` (the rest of a short report the draft cites) adds nothing,
 * but is not missing: the report names the agency once, in its first paragraph.
 */
export function matchSubject(profile: SubjectProfile, clause: Terms, sentence: Terms, paragraph: Terms, near: Terms, vocabulary: Vocabulary, variants?: Variants, elsewhere?: ReadonlySet<string>): SubjectMatch {
  if (profile.total === 0) return { score: 0, sentenceScore: 0, missing: 0, conflict: false };
  const clauseSet = termSet(clause);
  const sentenceSet = termSet(sentence);
  const paragraphSet = termSet(paragraph);
  const nearSet = termSet(near);
  const found = (set: ReadonlySet<string>, term: string): boolean => hasTerm(set, term, variants);
  let matched = 0;
  let local = 0;
  let missing = 0;
  for (const [term, weight] of profile.weights) {
    const inItsSentence = found(sentenceSet, term);
    if (found(clauseSet, term)) matched += weight * inClause;
    else if (inItsSentence) matched += weight * inSentence;
    // The paragraph is matched exactly: spelling variants count only close to the figure.
    else if (paragraphSet.has(term)) matched += weight * inParagraph;
    else if (profile.names.has(term) && !elsewhere?.has(term)) missing = Math.max(missing, weight);
    if (inItsSentence) local += weight;
  }
  let score = matched / profile.total;
  let conflict = false;

  // The countries nearest the source figure (near it, else in its clause, else its sentence)
  // are the ones it is about: if they leave out one the draft names and add another, it is
  // another country's figure (Tajikistan's trade is not Turkmenistan's). Organisations are
  // often named together (CPEC within BRI, the GEP built on the EAEU), so one conflicts only
  // when the source passage never names the draft's.
  const scopes: [boolean, ReadonlySet<string>[]][] = [
    [true, [nearSet, clauseSet, sentenceSet]],
    [false, [clauseSet]],
  ];
  for (const [country, sets] of scopes) {
    const scope = sets.find((set) => entityKinds(set, vocabulary)[country ? 0 : 1]);
    if (!scope) continue;
    let lacking = false;
    for (const e of profile.entities) if (vocabulary.countries.has(e) === country && !found(country ? scope : paragraphSet, e)) lacking = true;
    let other = false;
    for (const t of scope) if (isEntity(t, vocabulary) && vocabulary.countries.has(t) === country && !profile.entities.has(t)) other = true;
    if (lacking && other) {
      score *= entityConflict;
      conflict = true;
      break;
    }
  }
  return { score, sentenceScore: local / profile.total, missing: missing / profile.total, conflict };
}

/** A term's spelling variants (one letter away, see `hasTerm`): all that the sets searched may hold, such as the corpus's (Corpus.variants). */
export type Variants = (term: string) => readonly string[];

/**
 * Facts about a term set that do not depend on the draft, remembered per set: source sets
 * are kept with their passage, so each is read once, not once per claim.
 */
const kindsKnown = new WeakMap<object, [boolean, boolean]>();

/** Whether the set names a country, and whether it names an organisation. */
function entityKinds(set: ReadonlySet<string>, vocabulary: Vocabulary): [boolean, boolean] {
  let kinds = kindsKnown.get(set);
  if (!kinds) {
    kinds = [false, false];
    for (const t of set) if (isEntity(t, vocabulary)) kinds[vocabulary.countries.has(t) ? 0 : 1] = true;
    kindsKnown.set(set, kinds);
  }
  return kinds;
}

function isEntity(term: string, vocabulary: Vocabulary): boolean {
  return vocabulary.countries.has(term) || vocabulary.organisations.has(term);
}

/**
 * Exact, or a one-letter spelling difference in a long name ("Kashgar"/"Kashghar"): the
 * variants the caller has looked up already (such as the corpus's), or else those of the set.
 */
function hasTerm(set: ReadonlySet<string>, term: string, variants?: Variants): boolean {
  return set.has(term) || (variants ? variants(term) : variantsIn(set, term)).some((v) => set.has(v));
}

/** Terms as a set of their (folded) words. */
export function termSet(terms: Terms): ReadonlySet<string> {
  if (terms instanceof Set) return terms;
  const set = new Set<string>();
  for (const t of terms as readonly Term[]) set.add(t.term);
  return set;
}
