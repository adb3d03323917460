// Finds the passages a piece of draft speaks about: each shared term adds its rarity (idf),
// looked up in the corpus's term index. Only the draft's rarest terms are looked up, so the
// cost stays small however common its other words are in a large corpus.
import type { Corpus } from './corpus';

/** How many of the draft's terms are looked up, rarest first. */
const lookedUp = 8;

export interface RankedPassage {
  passage: number;
  score: number;
}

export function rankPassages(terms: Iterable<string>, corpus: Corpus, limit: number): RankedPassage[] {
  const rarest = [...new Set(terms)]
    .map((term) => ({ term, weight: corpus.idf(term), count: corpus.passagesWithTerm(term).length }))
    .filter((t) => t.count > 0)
    .sort((a, b) => a.count - b.count)
    .slice(0, lookedUp);
  const scores = new Map<number, number>();
  for (const { term, weight } of rarest) {
    for (const passage of corpus.passagesWithTerm(term)) scores.set(passage, (scores.get(passage) ?? 0) + weight);
  }
  return [...scores]
    .map(([passage, score]) => ({ passage, score }))
    .sort((a, b) => b.score - a.score || a.passage - b.passage)
    .slice(0, limit);
}
