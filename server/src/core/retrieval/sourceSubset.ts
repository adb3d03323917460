// The corpus seen through some of its sources only: what a claim is judged against when its
// sentence cites those sources. Passages keep their indexes; term statistics stay the whole
// corpus's, so a claim scores the same passage the same way in either view.
import type { Corpus } from './corpus';

export function onlySources(corpus: Corpus, sourceIds: readonly string[]): Corpus {
  const wanted = new Set(sourceIds);
  const postings = new Map<string, readonly number[]>();
  return Object.freeze({
    sources: corpus.sources,
    passages: corpus.passages,
    vocabulary: corpus.vocabulary,
    sentences: (p: number) => corpus.sentences(p),
    figures: (p: number) => corpus.figures(p),
    terms: (p: number) => corpus.terms(p),
    passagesWithTerm(term: string): readonly number[] {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = corpus.passagesWithTerm(term).filter((p) => wanted.has(corpus.passages[p]!.sourceId))));
      return list;
    },
    variants: (term: string) => corpus.variants(term),
    idf: (term: string) => corpus.idf(term),
    isName: (term: string) => corpus.isName(term),
    cited: true,
  });
}
