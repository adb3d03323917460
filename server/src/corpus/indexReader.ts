// Reads the corpus index (see indexFormat.ts and indexSections.ts for the layout): from
// memory, or from a file read on demand. Nothing is made for every source or passage at open:
// the sources' ids and passage counts are read, and a source, a passage, its text, terms,
// sentences and figures, a term's passages and the dictionary's entries are read from the
// index when asked for, with small caches of the last ones read.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Corpus } from '../core/retrieval/corpus';
import { variantsFrom } from '../core/retrieval/spelling';
import { createVocabulary, type Term } from '../core/claims/terms';
import { ByteLru } from '../core/byteLru';
import type { Figure, Passage, Source, Span } from '../core/types';
import { magic, figureInts, figureFloats } from './indexFormat';
import { decodeFigure } from './indexFigures';
import { CountCache, IdentityCache, IndexSources, lazyList } from './indexLazy';
import { memoryStore, readIndex } from './indexSections';
import type { Store } from './indexColumns';
import type { Records } from './indexColumns';

export interface LoadIndexOptions {
  /** Adjusts each source once its passages are attached (e.g. resolves its location); must keep its id and passages. */
  mapSource?(source: Source): Source;
  /** How many passages' decoded text, terms and sentences to keep (least recently used go first). */
  cacheSize?: number;
  /**
   * What passagesWithTerm returns: plain arrays, made on first use and kept (the default of
   * loadCorpusIndex), or Int32Array copies read from the index (the default of
   * openCorpusIndex), of which the last few megabytes are kept; callers only iterate them and read length.
   */
  postings?: 'arrays' | 'views';
}

/** A loaded corpus; close() releases the index file of openCorpusIndex(). */
export interface LoadedCorpus extends Corpus {
  close(): void;
}

/** Is this the start of a serialized corpus index? */
export function isCorpusIndex(data: Uint8Array): boolean {
  return data.byteLength >= 16 && Buffer.from(data.buffer, data.byteOffset, 8).toString('latin1') === magic;
}

/** Loads an index held in memory (from serializeCorpus or a file read whole). */
export function loadCorpusIndex(data: Uint8Array, options: LoadIndexOptions = {}): LoadedCorpus {
  return openCorpusStore(memoryStore(data), { postings: 'arrays', ...options }, false);
}

/**
 * Opens an index file, reading what the checks ask for when they ask. The file must not
 * change while the corpus is in use (CorpusIndexWriter.writeFile replaces it atomically).
 */
export function openCorpusIndex(file: string, options: LoadIndexOptions = {}): LoadedCorpus {
  const fd = openSync(file, 'r');
  let closed = false;
  const store: Store = {
    read: (offset, length) => {
      if (closed) throw new Error(`The corpus index ${file} is closed.`);
      const buffer = Buffer.allocUnsafeSlow(length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) throw new Error(`The corpus index ${file} is truncated.`);
        done += n;
      }
      return buffer;
    },
    close: () => {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
  try {
    return openCorpusStore(store, options);
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The sources of an index in memory, without their passages (what a cache entry holds). */
export function indexSources(data: Uint8Array): Source[] {
  const records = readIndex(memoryStore(data)).records('sources');
  return Array.from({ length: records.length }, (_, s) => JSON.parse(records.get(s)) as Source);
}

/** A passage whose text is read from the index when first asked for (JSON.stringify sees it; a spread does not). */
class LazyPassage implements Passage {
  readonly #read: (at: number) => string;
  constructor(
    public index: number,
    public sourceId: string,
    public locator: string,
    public line: number,
    public footnotes: { label: string; offset: number }[],
    public section: string | undefined,
    read: (at: number) => string,
  ) {
    this.#read = read;
  }
  get text(): string {
    return this.#read(this.index);
  }
  toJSON(): Passage {
    return { index: this.index, sourceId: this.sourceId, locator: this.locator, text: this.text, line: this.line, footnotes: this.footnotes, section: this.section };
  }
}

const nonAscii = /[^\x00-\x7f]/;

/**
 * Records that are JSON strings, all of them, from their bytes and offsets. The bytes are
 * decoded once as Latin-1, one character a byte, so that byte offsets are character offsets:
 * an ASCII record without an escape is then its slice less the quotes, and only the others
 * (mostly few, in a dictionary) are decoded and parsed one by one.
 */
function readStrings(offsets: Float64Array, bytes: Buffer): string[] {
  const base = offsets[0] ?? 0;
  const count = Math.max(0, offsets.length - 1);
  const text = bytes.toString('latin1');
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const from = offsets[i]! - base;
    const to = offsets[i + 1]! - base;
    const record = text.slice(from, to);
    out[i] = nonAscii.test(record) ? (JSON.parse(bytes.toString('utf8', from, to)) as string) : record.includes('\\') ? (JSON.parse(record) as string) : record.slice(1, -1);
  }
  return out;
}

/** Records that are JSON strings, read and parsed a block at a time (one read for a block); the last blocks are kept. */
function stringList(records: Records, blockSize = 64, blocksKept = 2048): (id: number) => string {
  const blocks = new CountCache<number, string[]>(blocksKept);
  const readBlock = (block: number): string[] => {
    const from = block * blockSize;
    return records.getMany(from, Math.min(records.length, from + blockSize)).map((text) => JSON.parse(text) as string);
  };
  return (id) => blocks.get(Math.floor(id / blockSize), readBlock)[id % blockSize]!;
}

/** Bytes of postings read from a file that are kept. */
const postingCacheBytes = 32 * 1048576;

/** Opens an index in any store: a file (paged, the default) or memory (`paged` false). */
export function openCorpusStore(store: Store, options: LoadIndexOptions = {}, paged = true): LoadedCorpus {
  const index = readIndex(store, { paged });
  const { header } = index;
  const cacheSize = options.cacheSize ?? 4096;

  // Strings and the dictionary: records read when asked for.
  const string = stringList(index.records('strings'));
  // The dictionary is read whole, in one read, when a check first needs a term: claims read
  // terms of passages all over the corpus, which a cache of parts of it would keep missing.
  const dictionary = index.records('dictionary');
  const termCount = dictionary.length;
  let terms: string[] | undefined;
  const termAt = (id: number): string => (terms ??= readStrings(index.column('dictionary.offsets', 'float64').range(0, termCount + 1), index.raw('dictionary')))[id]!;
  const order = index.column('dictionary.order', 'int32');
  const idCache = new CountCache<string, number>(65536);
  // Binary search of the dictionary in code-unit order, as the writer sorted it; -1 when absent.
  const findTerm = (term: string): number => {
    let low = 0;
    let high = termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (termAt(order.get(middle)) < term) low = middle + 1;
      else high = middle;
    }
    return low < termCount && termAt(order.get(low)) === term ? order.get(low) : -1;
  };
  const termId = (term: string): number => idCache.get(term, findTerm);
  const common = index.column('term.common', 'uint8');
  const postingOffsets = index.column('term.postings', 'float64');
  const postings = index.column('postings', 'int32');

  const passageCount = header.passages;
  const passageSource = index.column('passage.source', 'int32');
  const passageSourceId = index.column('passage.sourceId', 'int32');
  const passageLocator = index.column('passage.locator', 'int32');
  const passageSection = index.column('passage.section', 'int32');
  const passageLine = index.column('passage.line', 'int32');
  const passageEncoding = index.column('passage.encoding', 'uint8');
  const textOffsets = index.column('passage.text', 'float64');
  const markerOffsets = index.column('passage.markers', 'int32');
  const sentenceOffsets = index.column('passage.sentences', 'int32');
  const figureOffsets = index.column('passage.figures', 'int32');
  const termOffsets = index.column('passage.terms', 'float64');
  const markerLabels = index.column('marker.label', 'int32');
  const markerPositions = index.column('marker.offset', 'int32');
  const sentenceData = index.column('sentences', 'int32');
  const figureRows = index.column('figure.ints', 'int32');
  const figureValues = index.column('figure.values', 'float64');
  const termRows = index.column('terms', 'int32');

  const textCache = new CountCache<number, string>(cacheSize);
  const textOf = (p: number): string =>
    textCache.get(p, () => {
      const start = textOffsets.get(p);
      return index.read('text', start, textOffsets.get(p + 1) - start).toString(passageEncoding.get(p) ? 'utf16le' : 'utf8');
    });

  // Sources: their ids and passage counts are all that is read now.
  const ids = index.json<string[]>('source.ids');
  const passageCounts = index.int32('source.passages');
  const firstPassage = new Float64Array(passageCounts.length + 1);
  for (let s = 0; s < passageCounts.length; s++) firstPassage[s + 1] = firstPassage[s]! + passageCounts[s]!;
  if (ids.length !== header.sources || passageCounts.length !== header.sources || firstPassage[header.sources] !== passageCount || passageSource.length !== passageCount || textOffsets.length !== passageCount + 1) {
    throw new Error('The corpus index is inconsistent: its sources and passages do not add up.');
  }

  const passageObjects = new IdentityCache<Passage>();
  const makePassage = (p: number): Passage => {
    const footnotes: { label: string; offset: number }[] = [];
    for (let m = markerOffsets.get(p); m < markerOffsets.get(p + 1); m++) footnotes.push({ label: string(markerLabels.get(m)), offset: markerPositions.get(m) });
    const section = passageSection.get(p) < 0 ? undefined : string(passageSection.get(p));
    const sourceId = string(passageSourceId.get(p));
    const locator = string(passageLocator.get(p));
    return paged ? new LazyPassage(p, sourceId, locator, passageLine.get(p), footnotes, section, textOf) : { index: p, sourceId, locator, text: textOf(p), line: passageLine.get(p), footnotes, section };
  };
  // The last passages made are kept besides those someone holds: checks ask for the same passages again and again.
  const recentPassages = new CountCache<number, Passage>(cacheSize);
  const passageAt = (p: number): Passage => recentPassages.get(p, () => passageObjects.get(p, makePassage));
  // An index read from a file makes its passages when asked; one held in memory (the bundled
  // corpus, a cache entry) is small, and a plain list is faster on the checker's hot path.
  const passages = paged ? lazyList(passageCount, passageAt) : Array.from({ length: passageCount }, (_, p) => passageAt(p));

  const sourceRecords = index.records('sources');
  const sources = new IndexSources(ids, (s) => {
    const text = sourceRecords.get(s);
    const source = JSON.parse(text) as Source;
    const first = firstPassage[s]!;
    source.passages = Array.from({ length: passageCounts[s]! }, (_, k) => passageAt(first + k));
    const mapped = options.mapSource ? options.mapSource(source) : source;
    if (mapped.meta.id !== ids[s]) throw new Error(`The corpus index is inconsistent: its source ${s} is not ${ids[s]}.`);
    return { source: mapped, bytes: 2 * text.length + 256 * source.passages.length };
  });

  const sentenceCache = new CountCache<number, Span[]>(cacheSize);
  const sentencesOf = (p: number): Span[] => {
    const data = sentenceData.range(2 * sentenceOffsets.get(p), 2 * sentenceOffsets.get(p + 1));
    const out: Span[] = new Array<Span>(data.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = { start: data[2 * i]!, end: data[2 * i + 1]! };
    return out;
  };

  const termCacheOfPassage = new CountCache<number, Term[]>(cacheSize);
  const termsOfPassage = (p: number): Term[] => {
    const rows = termRows.range(3 * termOffsets.get(p), 3 * termOffsets.get(p + 1));
    const out: Term[] = new Array<Term>(rows.length / 3);
    for (let i = 0; i < out.length; i++) out[i] = { term: termAt(rows[3 * i]!), start: rows[3 * i + 1]!, end: rows[3 * i + 2]! };
    return out;
  };

  // A passage's figures are made once and kept while held, and the last ones read besides: callers compare them by identity (clauseOf).
  const shapes = header.shapes.map((s) => s.split(','));
  const dateShapes = header.dateShapes.map((s) => s.split(','));
  const figureLists = new IdentityCache<Figure[]>();
  const recentFigures = new CountCache<number, Figure[]>(cacheSize);
  const readFigures = (p: number): Figure[] => {
    const from = figureOffsets.get(p);
    const to = figureOffsets.get(p + 1);
    const rows = figureRows.range(from * figureInts, to * figureInts);
    const values = figureValues.range(from * figureFloats, to * figureFloats);
    return Array.from({ length: to - from }, (_, r) => decodeFigure(rows, values, r, shapes, dateShapes, string));
  };
  const figuresOf = (p: number): Figure[] => recentFigures.get(p, () => figureLists.get(p, readFigures));

  const postingLists = new Map<number, number[]>();
  const postingViews = new ByteLru<number, Int32Array>(postingCacheBytes, (_, list) => list.byteLength + 64);
  const views = (options.postings ?? 'views') === 'views';
  const passagesWithTerm = (term: string): readonly number[] => {
    const id = termId(term);
    if (id < 0) return [];
    if (views) {
      let view = postingViews.get(id);
      if (!view) postingViews.set(id, (view = postings.range(postingOffsets.get(id), postingOffsets.get(id + 1))));
      return view as unknown as readonly number[];
    }
    let list = postingLists.get(id);
    if (!list) postingLists.set(id, (list = Array.from(postings.range(postingOffsets.get(id), postingOffsets.get(id + 1)))));
    return list;
  };
  const postingCount = (term: string): number => {
    const id = termId(term);
    return id < 0 ? 0 : postingOffsets.get(id + 1) - postingOffsets.get(id);
  };
  // Spelling variants: the buckets the writer stored (spelling.ts), read when a long term's variants are asked for.
  const spellingStarts = index.column('spelling.starts', 'int32');
  const spellingIds = index.column('spelling.ids', 'int32');
  const bucket = (key: number): Int32Array => spellingIds.range(spellingStarts.get(key), spellingStarts.get(key + 1));
  const variantCache = new CountCache<string, string[]>(65536);
  const total = Math.max(passageCount, 1);

  return Object.freeze({
    sources,
    passages,
    vocabulary: createVocabulary(header.acronyms),
    sentences: (p: number) => (p >= 0 && p < passageCount ? sentenceCache.get(p, sentencesOf) : []),
    figures: (p: number) => (p >= 0 && p < passageCount ? figuresOf(p) : []),
    terms: (p: number) => (p >= 0 && p < passageCount ? termCacheOfPassage.get(p, termsOfPassage) : []),
    passagesWithTerm,
    variants: (term: string) => variantCache.get(term, () => variantsFrom(term, header.spellingMask, bucket, termAt)),
    idf: (term: string) => Math.log(1 + total / (1 + postingCount(term))),
    isName: (term: string) => {
      const id = termId(term);
      return id >= 0 && !common.get(id);
    },
    close: () => store.close(),
  });
}
