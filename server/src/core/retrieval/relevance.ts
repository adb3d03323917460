// Which sources a piece of prose is most about: each source's passage that shares the most rare words with it.
import type { Corpus } from './corpus';
import { rankPassages } from './retrieval';
import { termsOf } from '../claims/terms';
import type { Passage, Source } from '../types';

export interface RelevantSource {
  source: Source;
  /** The passage that shares the most with the text. */
  passage: Passage;
  score: number;
}

export function bestSourcesFor(text: string, corpus: Corpus, limit: number): RelevantSource[] {
  const bySource = new Map<string, RelevantSource>();
  for (const { passage: index, score } of rankPassages(termsOf(text, corpus.vocabulary).map((t) => t.term), corpus, limit * 20)) {
    const passage = corpus.passages[index]!;
    if (!bySource.has(passage.sourceId)) bySource.set(passage.sourceId, { source: corpus.sources.get(passage.sourceId)!, passage, score });
  }
  return [...bySource.values()].slice(0, limit);
}
