// Reads the corpus index (see indexFormat.ts and indexSections.ts for the layout): all in memory, or with passage
// text and terms read from the file when asked.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Corpus } from '../core/retrieval/corpus';
import { spellingLookup } from '../core/retrieval/spelling';
import { createVocabulary, type Term } from '../core/claims/terms';
import type { Figure, Passage, Source, Span } from '../core/types';
import { magic, figureInts, figureFloats, figureFields, F } from './indexFormat';
import { memoryStore, readIndex, type Store } from './indexSections';

// ---------------------------------------------------------------------------
// Loading

export interface LoadIndexOptions {
  /** Adjusts each source once its passages are attached (e.g. resolves its location); must keep its id and passages. */
  mapSource?(source: Source): Source;
  /** How many passages' decoded text, terms and sentences to keep (least recently used go first). */
  cacheSize?: number;
  /**
   * What passagesWithTerm returns: plain arrays, made on first use and kept (the default of
   * loadCorpusIndex), or Int32Array views of the index (the default of openCorpusIndex), which
   * cost no time or memory however long the list; callers only iterate them and read length.
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
  return open(memoryStore(data), false, options);
}

/**
 * Opens an index file, keeping passage text and terms on disk until asked for. The file must
 * not change while the corpus is in use (CorpusIndexWriter.writeFile replaces it atomically).
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
    return open(store, true, options);
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Lazily decoded values, least recently used dropped first. */
class Cache<T> {
  private readonly map = new Map<number, T>();
  constructor(private readonly size: number) {}
  get(key: number, make: (key: number) => T): T {
    let value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
      return value;
    }
    value = make(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}

/** A passage whose text is read from the index file when first asked for (JSON.stringify sees it; a spread does not). */
class LazyPassage implements Passage {
  readonly #at: number;
  readonly #read: (at: number) => string;
  constructor(
    public index: number,
    public sourceId: string,
    public locator: string,
    public line: number,
    public footnotes: { label: string; offset: number }[],
    public section: string | undefined,
    at: number,
    read: (at: number) => string,
  ) {
    this.#at = at;
    this.#read = read;
  }
  get text(): string {
    return this.#read(this.#at);
  }
  toJSON(): Passage {
    return { index: this.index, sourceId: this.sourceId, locator: this.locator, text: this.text, line: this.line, footnotes: this.footnotes, section: this.section };
  }
}

function open(store: Store, lazy: boolean, options: LoadIndexOptions): LoadedCorpus {
  const { header, base, raw, int32, float64, json } = readIndex(store);
  const cacheSize = options.cacheSize ?? 4096;

  const strings = json<string[]>('strings');
  const dictionary = json<string[]>('dictionary');
  const termIds = new Map<string, number>();
  for (let i = 0; i < dictionary.length; i++) termIds.set(dictionary[i]!, i);
  const common = raw('term.common');
  const postingOffsets = int32('term.postings');
  const postings = int32('postings');

  const passageCount = header.passages;
  const passageSource = int32('passage.source');
  const passageSourceId = int32('passage.sourceId');
  const passageLocator = int32('passage.locator');
  const passageSection = int32('passage.section');
  const passageLine = int32('passage.line');
  const passageEncoding = raw('passage.encoding');
  const textOffsets = float64('passage.text');
  const markerOffsets = int32('passage.markers');
  const sentenceOffsets = int32('passage.sentences');
  const figureOffsets = int32('passage.figures');
  const termOffsets = float64('passage.terms');
  const markerLabels = int32('marker.label');
  const markerPositions = int32('marker.offset');
  const sentenceData = int32('sentences');
  const figureRows = int32('figure.ints');
  const figureValues = float64('figure.values');
  const textSection = header.sections['text']!;
  const termSection = header.sections['terms']!;
  // In memory, the text and terms are views of the data; from a file they are read on demand.
  const textData = lazy ? undefined : raw('text');
  const termData = lazy ? undefined : int32('terms');

  const readText = (p: number): string => {
    const start = textOffsets[p]!;
    const length = textOffsets[p + 1]! - start;
    const data = textData ? textData.subarray(start, start + length) : store.read(base + textSection[0] + start, length);
    return data.toString(passageEncoding[p] ? 'utf16le' : 'utf8');
  };
  const textCache = new Cache<string>(cacheSize);
  const textOf = (p: number): string => textCache.get(p, readText);

  // Sources, then their passages in order.
  const sourceList = json<Source[]>('sources');
  const passageCounts = int32('source.passages');
  const passages: Passage[] = new Array<Passage>(passageCount);
  for (let p = 0; p < passageCount; p++) {
    const footnotes: { label: string; offset: number }[] = [];
    for (let m = markerOffsets[p]!; m < markerOffsets[p + 1]!; m++) footnotes.push({ label: strings[markerLabels[m]!]!, offset: markerPositions[m]! });
    const sourceId = strings[passageSourceId[p]!]!;
    const locator = strings[passageLocator[p]!]!;
    const section = passageSection[p]! < 0 ? undefined : strings[passageSection[p]!]!;
    passages[p] = lazy
      ? new LazyPassage(p, sourceId, locator, passageLine[p]!, footnotes, section, p, textOf)
      : { index: p, sourceId, locator, text: readText(p), line: passageLine[p]!, footnotes, section };
  }
  const sources = new Map<string, Source>();
  let next = 0;
  sourceList.forEach((source, s) => {
    source.passages = passages.slice(next, next + passageCounts[s]!);
    next += passageCounts[s]!;
    const mapped = options.mapSource ? options.mapSource(source) : source;
    sources.set(mapped.meta.id, mapped);
  });
  if (next !== passageCount || passageSource.length !== passageCount) throw new Error('The corpus index is inconsistent: its sources and passages do not add up.');

  const sentenceCache = new Cache<Span[]>(cacheSize);
  const sentencesOf = (p: number): Span[] => {
    const out: Span[] = [];
    for (let i = sentenceOffsets[p]!; i < sentenceOffsets[p + 1]!; i++) out.push({ start: sentenceData[2 * i]!, end: sentenceData[2 * i + 1]! });
    return out;
  };

  const termCache = new Cache<Term[]>(cacheSize);
  const termsOfPassage = (p: number): Term[] => {
    const from = termOffsets[p]!;
    const count = termOffsets[p + 1]! - from;
    let rows: Int32Array;
    if (termData) rows = termData.subarray(3 * from, 3 * (from + count));
    else {
      const data = store.read(base + termSection[0] + 12 * from, 12 * count);
      rows = new Int32Array(data.buffer, data.byteOffset, count * 3);
    }
    const out: Term[] = new Array<Term>(count);
    for (let i = 0; i < count; i++) out[i] = { term: dictionary[rows[3 * i]!]!, start: rows[3 * i + 1]!, end: rows[3 * i + 2]! };
    return out;
  };

  // Figures are made once and kept: callers compare them by identity (clauseOf).
  const shapes = header.shapes.map((s) => s.split(','));
  const dateShapes = header.dateShapes.map((s) => s.split(','));
  const figureObjects: (Figure | undefined)[] = [];
  const figureOf = (id: number): Figure => {
    let figure = figureObjects[id];
    if (figure) return figure;
    const row = id * figureInts;
    const values = id * figureFloats;
    const out: Record<string, unknown> = {};
    for (const key of shapes[figureRows[row + F.shape]!]!) {
      if (key === 'date') {
        const date: Record<string, number> = {};
        for (const k of dateShapes[figureRows[row + F.dateShape]!]!) date[k] = figureRows[row + (k === 'year' ? F.year : k === 'month' ? F.month : F.day)]!;
        out.date = date;
        continue;
      }
      const field = figureFields[key];
      if (!field) continue;
      const [kind, at] = field;
      out[key] = kind === 'float' ? figureValues[values + at] : kind === 'string' ? strings[figureRows[row + at]!] : kind === 'flag' ? figureRows[row + at] === 1 : figureRows[row + at];
    }
    figure = out as unknown as Figure;
    figureObjects[id] = figure;
    return figure;
  };
  const passageFigures: (Figure[] | undefined)[] = [];
  const figuresOf = (p: number): Figure[] => {
    let list = passageFigures[p];
    if (!list) {
      list = [];
      for (let id = figureOffsets[p]!; id < figureOffsets[p + 1]!; id++) list.push(figureOf(id));
      passageFigures[p] = list;
    }
    return list;
  };

  const postingLists = new Map<number, number[]>();
  const views = (options.postings ?? (lazy ? 'views' : 'arrays')) === 'views';
  const passagesWithTerm = (term: string): readonly number[] => {
    const id = termIds.get(term);
    if (id === undefined) return [];
    if (views) return postings.subarray(postingOffsets[id]!, postingOffsets[id + 1]!) as unknown as readonly number[];
    let list = postingLists.get(id);
    if (!list) {
      list = Array.from(postings.subarray(postingOffsets[id]!, postingOffsets[id + 1]!));
      postingLists.set(id, list);
    }
    return list;
  };
  const postingCount = (term: string): number => {
    const id = termIds.get(term);
    return id === undefined ? 0 : postingOffsets[id + 1]! - postingOffsets[id]!;
  };
  const total = Math.max(passageCount, 1);

  return Object.freeze({
    sources,
    passages,
    vocabulary: createVocabulary(header.acronyms),
    sentences: (p: number) => (p >= 0 && p < passageCount ? sentenceCache.get(p, sentencesOf) : []),
    figures: (p: number) => (p >= 0 && p < passageCount ? figuresOf(p) : []),
    terms: (p: number) => (p >= 0 && p < passageCount ? termCache.get(p, termsOfPassage) : []),
    passagesWithTerm,
    variants: spellingLookup(dictionary),
    idf: (term: string) => Math.log(1 + total / (1 + postingCount(term))),
    isName: (term: string) => {
      const id = termIds.get(term);
      return id !== undefined && !common[id];
    },
    close: () => store.close(),
  });
}
