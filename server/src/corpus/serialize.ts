// The corpus index that loads instead of being rebuilt: its layout (indexFormat.ts), the
// writer (indexWriter.ts) and the reader (indexReader.ts); and serializeCorpus, which writes a
// built corpus whole.
import type { Corpus } from '../core/retrieval/corpus';
import type { PassageAnalysis } from './index';
import { CorpusIndexWriter } from './indexWriter';

export { corpusIndexFormat } from './indexFormat';
export * from './indexWriter';
export * from './indexReader';

/** The built index of a corpus as bytes; loadCorpusIndex() turns them back into the same corpus. */
export function serializeCorpus(corpus: Corpus): Uint8Array {
  const writer = new CorpusIndexWriter();
  let next = 0;
  for (const source of corpus.sources.values()) {
    const analyses = source.passages.map((passage, k): PassageAnalysis => {
      const i = next + k;
      if (corpus.passages[i] !== passage) throw new Error('serializeCorpus: the corpus passages are not in the order of its sources.');
      return { sentences: [...corpus.sentences(i)], figures: [...corpus.figures(i)], terms: [...corpus.terms(i)] };
    });
    writer.addSource(source, analyses);
    next += source.passages.length;
  }
  if (next !== corpus.passages.length) throw new Error('serializeCorpus: the corpus has passages of no source.');
  return writer.toBytes();
}
