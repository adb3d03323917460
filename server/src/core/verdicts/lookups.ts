// Lookups a figure's verdict makes many times over, each worked out once: the names a draft
// sentence attributes its claims to, and what the corpus says of each of the draft's terms.
import type { Corpus } from '../retrieval/corpus';
import { attributedNames } from '../claims/attribution';
import type { Figure, Span } from '../types';

/** The names a draft sentence attributes its claims to, worked out once per sentence (its figures' array), not once per claim. */
const attributedBySentence = new WeakMap<readonly Figure[], ReadonlySet<string>>();
export function attributedOf(draftText: string, draftFigures: readonly Figure[], sentence: Span, corpus: Corpus): ReadonlySet<string> {
  let names = attributedBySentence.get(draftFigures);
  if (!names) attributedBySentence.set(draftFigures, (names = attributedNames(draftText, sentence, corpus.vocabulary)));
  return names;
}

/** A lookup by term that asks `find` once per term. */
export function oncePerTerm<T>(find: (term: string) => T): (term: string) => T {
  const known = new Map<string, T>();
  return (term) => {
    if (!known.has(term)) known.set(term, find(term));
    return known.get(term)!;
  };
}
