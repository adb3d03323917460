// Worker thread of the synthetic corpus build (see ../lib/corpusCache.ts): generates and
// parses its share of the sources, reports their acronyms, then, given the vocabulary of the
// whole corpus, analyses each passage exactly as buildCorpus() would and sends each batch as a
// small serialized index for the main thread to append.
import { parentPort } from 'node:worker_threads';
import { analysePassage } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import { CorpusIndexWriter } from '../../server/src/corpus/serialize';
import { createVocabulary } from '../../server/src/core/claims/terms';
import type { Source } from '../../server/src/core/types';
import { generateSource } from '../lib/sources';

export type ToWorker = { type: 'parse'; batches: { batch: number; indices: number[] }[]; wordsPerSource: number } | { type: 'analyse'; acronyms: Record<string, string> } | { type: 'ack' };
export type FromWorker =
  | { type: 'acronyms'; batch: number; acronyms: Record<string, string>[]; words: number }
  /** The batch's sources and analyses as a serialized index, for CorpusIndexWriter.appendIndex. */
  | { type: 'batch'; batch: number; index: Uint8Array }
  | { type: 'done' };

const port = parentPort!;
let parsed: { batch: number; sources: Source[] }[] = [];
let vocabulary: ReturnType<typeof createVocabulary> | undefined;
// The main thread adds batches in order; a few in flight keep this worker busy without queueing the corpus.
let credits = 0;

function pump(): void {
  while (vocabulary && credits > 0 && parsed.length) {
    const { batch, sources } = parsed.shift()!;
    const writer = new CorpusIndexWriter();
    for (const source of sources) writer.addSource(source, source.passages.map((p) => analysePassage(p.text, vocabulary!)));
    const index = writer.toBytes();
    port.postMessage({ type: 'batch', batch, index } satisfies FromWorker, [index.buffer as ArrayBuffer]);
    credits--;
    if (!parsed.length) port.postMessage({ type: 'done' } satisfies FromWorker);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'parse') {
    parsed = message.batches.map(({ batch, indices }) => {
      const sources = indices.map((i) => {
        const generated = generateSource(i, message.wordsPerSource);
        return parseSource({ location: generated.location, text: generated.markdown, bundled: false });
      });
      const words = sources.reduce((n, s) => n + s.passages.reduce((m, p) => m + p.text.split(' ').length, 0), 0);
      port.postMessage({ type: 'acronyms', batch, acronyms: sources.map((s) => s.acronyms), words } satisfies FromWorker);
      return { batch, sources };
    });
  } else if (message.type === 'analyse') {
    vocabulary = createVocabulary(message.acronyms);
    credits = 3;
    if (!parsed.length) port.postMessage({ type: 'done' } satisfies FromWorker);
    pump();
  } else {
    credits++;
    pump();
  }
});
