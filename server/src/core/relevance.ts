// Which sources a piece of prose is most about: rare shared words, summed per source.
import type { Corpus } from './corpus';
import { termsOf } from './terms';
import type { Passage, Source } from './types';

export interface RelevantSource {
  source: Source;
  /** The passage that shares the most with the text. */
  passage: Passage;
  score: number;
}

export function bestSourcesFor(text: string, corpus: Corpus, limit: number): RelevantSource[] {
  const terms = [...new Set(termsOf(text, corpus.vocabulary).map((t) => t.term))];
  const byPassage = new Map<number, number>();
  for (const term of terms) {
    const weight = corpus.idf(term);
    for (const p of corpus.passagesWithTerm(term)) byPassage.set(p, (byPassage.get(p) ?? 0) + weight);
  }
  const bySource = new Map<string, RelevantSource>();
  for (const [index, score] of byPassage) {
    const passage = corpus.passages[index]!;
    const best = bySource.get(passage.sourceId);
    if (!best || score > best.score) bySource.set(passage.sourceId, { source: corpus.sources.get(passage.sourceId)!, passage, score });
  }
  return [...bySource.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
