// Decides how well a source clause speaks about the same subject as a draft sentence:
// rare shared words count most, words in the figure's own clause more than words
// elsewhere in its sentence or paragraph, and naming a different country or organisation
// or an opposite metric (exports vs imports) counts against.
import { opposedTerms, type Term, type Vocabulary } from './terms';
import type { Span } from './types';

export interface SubjectProfile {
  /** Draft terms and their weights (inverse document frequency). */
  weights: Map<string, number>;
  total: number;
  /** Countries and organisations the draft sentence names. */
  entities: Set<string>;
}

/** Where in the source a term was found, and how much that counts. */
const inClause = 1;
const inSentence = 0.75;
const inParagraph = 0.4;
/** Multipliers when the source clause names another entity, or the opposite metric. */
const entityConflict = 0.35;
const metricConflict = 0.3;

/** Draft words outside the figure's own clause say less about what it measures. */
const outsideClause = 0.5;

export function subjectProfile(terms: readonly Term[], exclude: readonly Span[], vocabulary: Vocabulary, idf: (term: string) => number, clause?: Span): SubjectProfile {
  const weights = new Map<string, number>();
  const entities = new Set<string>();
  for (const t of terms) {
    if (exclude.some((e) => t.start < e.end && t.end > e.start)) continue;
    const near = !clause || (t.start >= clause.start && t.end <= clause.end);
    weights.set(t.term, Math.max(weights.get(t.term) ?? 0, idf(t.term) * (near ? 1 : outsideClause)));
    if (isEntity(t.term, vocabulary)) entities.add(t.term);
  }
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total, entities };
}

export interface SubjectMatch {
  score: number;
  /** The source names a different country or organisation, or the opposite metric. */
  conflict: boolean;
}

export function matchSubject(profile: SubjectProfile, clause: readonly Term[], sentence: readonly Term[], paragraph: readonly Term[], vocabulary: Vocabulary): SubjectMatch {
  if (profile.total === 0) return { score: 0, conflict: false };
  const clauseSet = termSet(clause);
  const sentenceSet = termSet(sentence);
  const paragraphSet = termSet(paragraph);
  let matched = 0;
  for (const [term, weight] of profile.weights) {
    if (has(clauseSet, term)) matched += weight * inClause;
    else if (has(sentenceSet, term)) matched += weight * inSentence;
    else if (has(paragraphSet, term)) matched += weight * inParagraph;
  }
  let score = matched / profile.total;
  let conflict = false;

  // A country or organisation the draft names that the source sentence does not, while the
  // source clause names another one the draft does not: Tajikistan's trade is not Turkmenistan's.
  const missing = [...profile.entities].some((e) => !has(sentenceSet, e));
  const other = [...clauseSet].some((t) => isEntity(t, vocabulary) && !profile.entities.has(t) && sameKind(t, profile.entities, vocabulary));
  if (missing && other) {
    score *= entityConflict;
    conflict = true;
  }
  for (const [a, b] of opposedTerms) {
    const draftA = hasPrefix(profile.weights.keys(), a);
    const draftB = hasPrefix(profile.weights.keys(), b);
    const sourceA = hasPrefix(clauseSet, a);
    const sourceB = hasPrefix(clauseSet, b);
    if ((draftA && !draftB && sourceB && !sourceA) || (draftB && !draftA && sourceA && !sourceB)) {
      score *= metricConflict;
      conflict = true;
    }
  }
  return { score, conflict };
}

function isEntity(term: string, vocabulary: Vocabulary): boolean {
  return vocabulary.countries.has(term) || vocabulary.organisations.has(term);
}

function sameKind(term: string, entities: Set<string>, vocabulary: Vocabulary): boolean {
  const country = vocabulary.countries.has(term);
  return [...entities].some((e) => vocabulary.countries.has(e) === country);
}

function termSet(terms: readonly Term[]): Set<string> {
  return new Set(terms.map((t) => t.term));
}

/** Exact, or a one-letter spelling difference in a long name ("Kashgar"/"Kashghar"). */
function has(set: Set<string>, term: string): boolean {
  if (set.has(term)) return true;
  if (term.length < 6) return false;
  for (const candidate of set) if (Math.abs(candidate.length - term.length) <= 1 && withinOneEdit(candidate, term)) return true;
  return false;
}

function hasPrefix(terms: Iterable<string>, prefix: string): boolean {
  for (const t of terms) if (t.startsWith(prefix)) return true;
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}
