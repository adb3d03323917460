// A corpus index that loads instead of being rebuilt. buildCorpus() spends its time
// splitting sentences, finding figures and folding terms in every passage; this file stores
// what it found, in flat typed arrays rather than one JSON object per term or figure, so that
// loading is reading: no sentence, figure or term is recomputed.
//
// Layout: "ATTESTIX", u32 format version, u32 header length, the header (JSON: counts, the
// merged acronyms, figure key orders and where each section starts), then 8-byte aligned
// sections: sources (JSON, without their passages), a string table and the term dictionary
// (JSON arrays), per-passage columns, sentence spans, footnote markers, figure rows, term
// rows (term id, start, end), the passages of each term, and the passages' text (UTF-8).
// Numbers are little-endian.
//
// loadCorpusIndex(bytes) keeps everything in memory. openCorpusIndex(file) keeps only the
// columns, figures and postings resident and reads a passage's text and terms from the file
// when asked (the operating system's cache holds them), which is what lets a corpus of
// 50 million words load in well under a second and stay within a few hundred megabytes.
// Either way the Corpus answers exactly as buildCorpus() over the same sources would.
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import type { Corpus, SourceFigure } from '../core/corpus';
import { createVocabulary, type Term } from '../core/terms';
import type { Figure, Passage, Source, Span } from '../core/types';
import { sentenceOf, startsLowerCase, unitKey, type PassageAnalysis } from './index';

const magic = 'ATTESTIX';
/** Bump when the layout changes; older files are then rebuilt rather than misread. */
export const corpusIndexFormat = 1;

// ---------------------------------------------------------------------------
// Growable columns

class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  grow(min: number): void {
    if (min <= this.data.length) return;
    const next = this.make(Math.max(min, this.data.length * 2, 1024));
    next.set(this.data);
    this.data = next;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, value: number): void {
    this.data[i] = value;
  }
  values(): T {
    return this.data.subarray(0, this.length) as T;
  }
  append(values: ArrayLike<number>): void {
    this.grow(this.length + values.length);
    (this.data as Int32Array).set(values as Int32Array, this.length);
    this.length += values.length;
  }
}

const ints = (): Column<Int32Array> => new Column(new Int32Array(1024), (n) => new Int32Array(n));
const floats = (): Column<Float64Array> => new Column(new Float64Array(1024), (n) => new Float64Array(n));
const bytes = (): Column<Uint8Array> => new Column(new Uint8Array(1024), (n) => new Uint8Array(n));

class StringTable {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

// ---------------------------------------------------------------------------
// Figures: one row of integers and one of floats per figure, plus the order of its keys.

/** Integer row: key order (shape), start, end, text, kind, unit, qualifier, qualifierStart, perYear, sentence start and end, date key order, year, month, day, passage. */
const figureInts = 16;
/** Float row: value, high, low, highBound. */
const figureFloats = 4;
const F = { shape: 0, start: 1, end: 2, text: 3, kind: 4, unit: 5, qualifier: 6, qualifierStart: 7, perYear: 8, sentenceStart: 9, sentenceEnd: 10, dateShape: 11, year: 12, month: 13, day: 14, passage: 15 } as const;
const V = { value: 0, high: 1, low: 2, highBound: 3 } as const;
const figureKeys = new Set(['kind', 'start', 'end', 'text', 'value', 'high', 'unit', 'qualifier', 'qualifierStart', 'low', 'highBound', 'perYear', 'date']);
const dateKeys = new Set(['year', 'month', 'day']);

/** Text is stored as UTF-8 unless it holds a lone surrogate, which only UTF-16 keeps. */
const surrogate = /[\uD800-\uDFFF]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------
// Writer

/**
 * Collects sources with their passages' analyses and writes the index. Add sources in the
 * order buildCorpus() would see them; a source whose id is already taken is skipped, as there.
 * The analyses must have been made with the vocabulary of the merged acronyms of all the
 * sources added (analysePassage(text, createVocabulary(acronyms))), as buildCorpus() does.
 */
export class CorpusIndexWriter {
  private readonly ids = new Set<string>();
  private readonly sourcesJson: string[] = [];
  private readonly passageCounts = ints();
  private readonly acronyms: Record<string, string> = {};
  private readonly strings = new StringTable();
  private readonly dictionary = new StringTable();
  private readonly common = bytes();
  private readonly shapes = new StringTable();
  private readonly dateShapes = new StringTable();
  // Per passage.
  private readonly passageSource = ints();
  private readonly passageSourceId = ints();
  private readonly passageLocator = ints();
  private readonly passageSection = ints();
  private readonly passageLine = ints();
  private readonly passageEncoding = bytes();
  private readonly textOffsets = floats();
  private readonly markerOffsets = ints();
  private readonly sentenceOffsets = ints();
  private readonly figureOffsets = ints();
  private readonly termOffsets = floats();
  private readonly uniqueOffsets = floats();
  // Flat.
  private readonly markerLabels = ints();
  private readonly markerPositions = ints();
  private readonly sentences = ints();
  private readonly figureRows = ints();
  private readonly figureValues = floats();
  private readonly terms = ints();
  private readonly unique = ints();
  /** For each term, the last passage it was seen in. */
  private readonly lastSeen = ints();
  private readonly text: Uint8Array[] = [];
  private textBytes = 0;
  private passages = 0;

  constructor() {
    this.textOffsets.push(0);
    this.markerOffsets.push(0);
    this.sentenceOffsets.push(0);
    this.figureOffsets.push(0);
    this.termOffsets.push(0);
    this.uniqueOffsets.push(0);
  }

  /** What has been added so far. */
  get counts(): { sources: number; passages: number; figures: number; terms: number; dictionary: number; textBytes: number } {
    return { sources: this.sourcesJson.length, passages: this.passages, figures: this.figureRows.length / figureInts, terms: this.terms.length / 3, dictionary: this.dictionary.list.length, textBytes: this.textBytes };
  }

  /** Adds a source and, for each of its passages in order, what analysePassage() found. False when the id is taken. */
  addSource(source: Source, analyses: readonly PassageAnalysis[]): boolean {
    if (this.ids.has(source.meta.id)) return false;
    if (analyses.length !== source.passages.length) throw new Error(`serializeCorpus: ${source.meta.id} has ${source.passages.length} passages but ${analyses.length} analyses.`);
    this.ids.add(source.meta.id);
    Object.assign(this.acronyms, source.acronyms);
    this.sourcesJson.push(JSON.stringify({ ...source, passages: [] }));
    this.passageCounts.push(source.passages.length);
    const sourceIndex = this.sourcesJson.length - 1;
    source.passages.forEach((passage, k) => this.addPassage(sourceIndex, passage, analyses[k]!));
    return true;
  }

  private addPassage(sourceIndex: number, passage: Passage, analysis: PassageAnalysis): void {
    const index = this.passages++;
    const { text } = passage;
    this.passageSource.push(sourceIndex);
    this.passageSourceId.push(this.strings.id(passage.sourceId));
    this.passageLocator.push(this.strings.id(passage.locator));
    this.passageSection.push(passage.section === undefined ? -1 : this.strings.id(passage.section));
    this.passageLine.push(passage.line);
    const utf16 = surrogate.test(text) && loneSurrogate.test(text);
    const encoded = Buffer.from(text, utf16 ? 'utf16le' : 'utf8');
    this.passageEncoding.push(utf16 ? 1 : 0);
    this.text.push(encoded);
    this.textBytes += encoded.length;
    this.textOffsets.push(this.textBytes);

    for (const marker of passage.footnotes) {
      this.markerLabels.push(this.strings.id(marker.label));
      this.markerPositions.push(marker.offset);
    }
    this.markerOffsets.push(this.markerLabels.length);

    for (const span of analysis.sentences) {
      this.sentences.push(span.start);
      this.sentences.push(span.end);
    }
    this.sentenceOffsets.push(this.sentences.length / 2);

    for (const figure of analysis.figures) this.addFigure(index, figure, sentenceOf(analysis.sentences, figure, text));
    this.figureOffsets.push(this.figureRows.length / figureInts);

    for (const term of analysis.terms) {
      const id = this.termId(term.term);
      if (!this.common.get(id) && startsLowerCase(text, term)) this.common.set(id, 1);
      this.terms.push(id);
      this.terms.push(term.start);
      this.terms.push(term.end);
      this.seenIn(id, index);
    }
    this.termOffsets.push(this.terms.length / 3);
    this.uniqueOffsets.push(this.unique.length);
  }

  private termId(term: string): number {
    const id = this.dictionary.id(term);
    if (id === this.common.length) {
      this.common.push(0);
      this.lastSeen.push(-1);
    }
    return id;
  }

  /** Notes that term `id` occurs in passage `passage`, once per passage, in order of first occurrence. */
  private seenIn(id: number, passage: number): void {
    if (this.lastSeen.get(id) !== passage) {
      this.lastSeen.set(id, passage);
      this.unique.push(id);
    }
  }

  /**
   * Appends every source of another serialized index, as if each had been added with
   * addSource() (a source whose id is taken is skipped). Lets workers index parts of a
   * corpus in parallel; as with addSource, their analyses must use the whole corpus's vocabulary.
   */
  appendIndex(data: Uint8Array): void {
    const index = readIndex(memoryStore(data));
    const { header } = index;
    const sources = index.json<Source[]>('sources');
    const counts = index.int32('source.passages');
    const strings = Int32Array.from(index.json<string[]>('strings'), (value) => this.strings.id(value));
    const terms = Int32Array.from(index.json<string[]>('dictionary'), (term) => this.termId(term));
    const common = index.raw('term.common');
    for (let t = 0; t < terms.length; t++) if (common[t]) this.common.set(terms[t]!, 1);
    const shapes = header.shapes.map((shape) => this.shapes.id(shape));
    const dateShapes = header.dateShapes.map((shape) => this.dateShapes.id(shape));
    const passageSourceId = index.int32('passage.sourceId');
    const passageLocator = index.int32('passage.locator');
    const passageSection = index.int32('passage.section');
    const passageLine = index.int32('passage.line');
    const passageEncoding = index.raw('passage.encoding');
    const textOffsets = index.float64('passage.text');
    const markerOffsets = index.int32('passage.markers');
    const sentenceOffsets = index.int32('passage.sentences');
    const figureOffsets = index.int32('passage.figures');
    const termOffsets = index.float64('passage.terms');
    const markerLabels = index.int32('marker.label');
    const markerPositions = index.int32('marker.offset');
    const sentences = index.int32('sentences');
    const figureRows = index.int32('figure.ints');
    const figureValues = index.float64('figure.values');
    const termRows = index.int32('terms');
    const text = index.raw('text');
    let local = 0;
    sources.forEach((source, s) => {
      const count = counts[s]!;
      const first = local;
      local += count;
      if (this.ids.has(source.meta.id)) return;
      this.ids.add(source.meta.id);
      Object.assign(this.acronyms, source.acronyms);
      this.sourcesJson.push(JSON.stringify(source));
      this.passageCounts.push(count);
      const sourceIndex = this.sourcesJson.length - 1;
      for (let p = first; p < first + count; p++) {
        const passage = this.passages++;
        this.passageSource.push(sourceIndex);
        this.passageSourceId.push(strings[passageSourceId[p]!]!);
        this.passageLocator.push(strings[passageLocator[p]!]!);
        this.passageSection.push(passageSection[p]! < 0 ? -1 : strings[passageSection[p]!]!);
        this.passageLine.push(passageLine[p]!);
        this.passageEncoding.push(passageEncoding[p]!);
        const encoded = text.subarray(textOffsets[p]!, textOffsets[p + 1]!);
        this.text.push(encoded);
        this.textBytes += encoded.length;
        this.textOffsets.push(this.textBytes);
        for (let m = markerOffsets[p]!; m < markerOffsets[p + 1]!; m++) {
          this.markerLabels.push(strings[markerLabels[m]!]!);
          this.markerPositions.push(markerPositions[m]!);
        }
        this.markerOffsets.push(this.markerLabels.length);
        this.sentences.append(sentences.subarray(2 * sentenceOffsets[p]!, 2 * sentenceOffsets[p + 1]!));
        this.sentenceOffsets.push(this.sentences.length / 2);
        for (let f = figureOffsets[p]!; f < figureOffsets[p + 1]!; f++) {
          const row = figureRows.subarray(f * figureInts, (f + 1) * figureInts).slice();
          row[F.shape] = shapes[row[F.shape]!]!;
          row[F.text] = strings[row[F.text]!]!;
          row[F.kind] = strings[row[F.kind]!]!;
          row[F.unit] = strings[row[F.unit]!]!;
          row[F.qualifier] = strings[row[F.qualifier]!]!;
          if (row[F.dateShape]! >= 0) row[F.dateShape] = dateShapes[row[F.dateShape]!]!;
          row[F.passage] = passage;
          this.figureRows.append(row);
          this.figureValues.append(figureValues.subarray(f * figureFloats, (f + 1) * figureFloats));
        }
        this.figureOffsets.push(this.figureRows.length / figureInts);
        for (let t = termOffsets[p]!; t < termOffsets[p + 1]!; t++) {
          const id = terms[termRows[3 * t]!]!;
          this.terms.push(id);
          this.terms.push(termRows[3 * t + 1]!);
          this.terms.push(termRows[3 * t + 2]!);
          this.seenIn(id, passage);
        }
        this.termOffsets.push(this.terms.length / 3);
        this.uniqueOffsets.push(this.unique.length);
      }
    });
  }

  private addFigure(passage: number, figure: Figure, sentence: Span): void {
    const keys = Object.keys(figure).filter((k) => (figure as unknown as Record<string, unknown>)[k] !== undefined);
    for (const key of keys) if (!figureKeys.has(key)) throw new Error(`serializeCorpus: a figure has the field "${key}", which the index does not store.`);
    const row = new Array<number>(figureInts).fill(-1);
    row[F.shape] = this.shapes.id(keys.join(','));
    row[F.start] = figure.start;
    row[F.end] = figure.end;
    row[F.text] = this.strings.id(figure.text);
    row[F.kind] = this.strings.id(figure.kind);
    row[F.unit] = this.strings.id(figure.unit);
    row[F.qualifier] = this.strings.id(figure.qualifier);
    row[F.qualifierStart] = figure.qualifierStart ?? -1;
    row[F.perYear] = figure.perYear ? 1 : 0;
    row[F.sentenceStart] = sentence.start;
    row[F.sentenceEnd] = sentence.end;
    row[F.passage] = passage;
    if (figure.date) {
      const dateKeyList = Object.keys(figure.date).filter((k) => (figure.date as unknown as Record<string, unknown>)[k] !== undefined);
      for (const key of dateKeyList) if (!dateKeys.has(key)) throw new Error(`serializeCorpus: a date has the field "${key}", which the index does not store.`);
      row[F.dateShape] = this.dateShapes.id(dateKeyList.join(','));
      row[F.year] = figure.date.year;
      row[F.month] = figure.date.month ?? 0;
      row[F.day] = figure.date.day ?? 0;
    }
    for (const [i, key] of [F.start, F.end, F.qualifierStart, F.year, F.month, F.day].entries()) {
      if (!Number.isInteger(row[key]) || Math.abs(row[key]!) > 0x7fffffff) throw new Error(`serializeCorpus: figure field ${['start', 'end', 'qualifierStart', 'year', 'month', 'day'][i]} is not a 32-bit integer.`);
    }
    if (typeof figure.perYear !== 'undefined' && typeof figure.perYear !== 'boolean') throw new Error('serializeCorpus: a figure\'s perYear is not a boolean.');
    for (const value of row) this.figureRows.push(value);
    this.figureValues.push(figure.value);
    this.figureValues.push(figure.high ?? 0);
    this.figureValues.push(figure.low);
    this.figureValues.push(figure.highBound);
  }

  /** The index as sections, ready to be written. */
  private sections(): { header: Buffer; sections: [string, Uint8Array][] } {
    // Passages of each term, in passage order, as buildCorpus lists them.
    const terms = this.dictionary.list.length;
    const counts = new Int32Array(terms + 1);
    const unique = this.unique.values();
    for (let i = 0; i < unique.length; i++) counts[unique[i]! + 1]++;
    for (let t = 0; t < terms; t++) counts[t + 1] += counts[t]!;
    const postingOffsets = counts;
    const fill = postingOffsets.slice(0, terms);
    const postings = new Int32Array(unique.length);
    const uniqueOffsets = this.uniqueOffsets.values();
    for (let p = 0; p < this.passages; p++) {
      for (let i = uniqueOffsets[p]!; i < uniqueOffsets[p + 1]!; i++) postings[fill[unique[i]!]++] = p;
    }
    const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
    const raw = (array: Int32Array | Float64Array | Uint8Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const sections: [string, Uint8Array][] = [
      ['sources', Buffer.from(`[${this.sourcesJson.join(',')}]`, 'utf8')],
      ['strings', json(this.strings.list)],
      ['dictionary', json(this.dictionary.list)],
      ['source.passages', raw(this.passageCounts.values())],
      ['passage.sourceId', raw(this.passageSourceId.values())],
      ['passage.source', raw(this.passageSource.values())],
      ['passage.locator', raw(this.passageLocator.values())],
      ['passage.section', raw(this.passageSection.values())],
      ['passage.line', raw(this.passageLine.values())],
      ['passage.encoding', raw(this.passageEncoding.values())],
      ['passage.text', raw(this.textOffsets.values())],
      ['passage.markers', raw(this.markerOffsets.values())],
      ['passage.sentences', raw(this.sentenceOffsets.values())],
      ['passage.figures', raw(this.figureOffsets.values())],
      ['passage.terms', raw(this.termOffsets.values())],
      ['marker.label', raw(this.markerLabels.values())],
      ['marker.offset', raw(this.markerPositions.values())],
      ['sentences', raw(this.sentences.values())],
      ['figure.ints', raw(this.figureRows.values())],
      ['figure.values', raw(this.figureValues.values())],
      ['term.common', raw(this.common.values())],
      ['term.postings', raw(postingOffsets)],
      ['postings', raw(postings)],
      ['terms', raw(this.terms.values())],
      ['text', Buffer.concat(this.text, this.textBytes)],
    ];
    let offset = 0;
    const table: Record<string, [number, number]> = {};
    for (const [name, data] of sections) {
      table[name] = [offset, data.byteLength];
      offset = align(offset + data.byteLength);
    }
    const header = Buffer.from(
      JSON.stringify({
        format: corpusIndexFormat,
        sources: this.sourcesJson.length,
        passages: this.passages,
        terms: terms,
        acronyms: this.acronyms,
        shapes: this.shapes.list,
        dateShapes: this.dateShapes.list,
        sections: table,
      }),
      'utf8',
    );
    return { header, sections };
  }

  /** The whole index in one buffer. */
  toBytes(): Uint8Array {
    const parts: Uint8Array[] = [];
    this.write((chunk) => parts.push(chunk));
    return Buffer.concat(parts);
  }

  /** Writes the index to `file` (through a temporary file, so a reader never sees half of it). */
  writeFile(file: string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      this.write((chunk) => {
        for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done);
      });
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  }

  private write(out: (chunk: Uint8Array) => void): void {
    const { header, sections } = this.sections();
    const prefix = Buffer.alloc(16);
    prefix.write(magic, 0, 'latin1');
    prefix.writeUInt32LE(corpusIndexFormat, 8);
    prefix.writeUInt32LE(header.length, 12);
    out(prefix);
    out(header);
    const start = 16 + header.length;
    out(new Uint8Array(align(start) - start));
    for (const [, data] of sections) {
      out(data);
      out(new Uint8Array(align(data.byteLength) - data.byteLength));
    }
  }
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

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

interface Store {
  read(offset: number, length: number): Buffer;
  close(): void;
}

function memoryStore(data: Uint8Array): Store {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { read: (offset, length) => bytes.subarray(offset, offset + length), close: () => undefined };
}

interface IndexReader {
  header: Header;
  /** Where the sections start. */
  base: number;
  raw(name: string): Buffer;
  int32(name: string): Int32Array;
  float64(name: string): Float64Array;
  json<T>(name: string): T;
}

function readIndex(store: Store): IndexReader {
  const prefix = store.read(0, 16);
  if (prefix.toString('latin1', 0, 8) !== magic) throw new Error('Not an Attest corpus index.');
  const format = prefix.readUInt32LE(8);
  if (format !== corpusIndexFormat) throw new Error(`The corpus index has format ${format}; this version of Attest reads format ${corpusIndexFormat}.`);
  const headerLength = prefix.readUInt32LE(12);
  const header = JSON.parse(store.read(16, headerLength).toString('utf8')) as Header;
  const base = align(16 + headerLength);
  const raw = (name: string): Buffer => {
    const entry = header.sections[name];
    if (!entry) throw new Error(`The corpus index lacks its "${name}" section.`);
    return store.read(base + entry[0], entry[1]);
  };
  // Typed arrays need aligned offsets; a buffer from elsewhere may not have them.
  const aligned = (data: Buffer, size: number): Buffer => (data.byteOffset % size === 0 ? data : Buffer.from(new Uint8Array(data)));
  return {
    header,
    base,
    raw,
    int32: (name) => {
      const data = aligned(raw(name), 4);
      return new Int32Array(data.buffer, data.byteOffset, data.byteLength / 4);
    },
    float64: (name) => {
      const data = aligned(raw(name), 8);
      return new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8);
    },
    json: <T>(name: string): T => JSON.parse(raw(name).toString('utf8')) as T,
  };
}

interface Header {
  format: number;
  sources: number;
  passages: number;
  terms: number;
  acronyms: Record<string, string>;
  shapes: string[];
  dateShapes: string[];
  sections: Record<string, [number, number]>;
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
      switch (key) {
        case 'kind':
          out.kind = strings[figureRows[row + F.kind]!];
          break;
        case 'start':
          out.start = figureRows[row + F.start];
          break;
        case 'end':
          out.end = figureRows[row + F.end];
          break;
        case 'text':
          out.text = strings[figureRows[row + F.text]!];
          break;
        case 'value':
          out.value = figureValues[values + V.value];
          break;
        case 'high':
          out.high = figureValues[values + V.high];
          break;
        case 'unit':
          out.unit = strings[figureRows[row + F.unit]!];
          break;
        case 'qualifier':
          out.qualifier = strings[figureRows[row + F.qualifier]!];
          break;
        case 'qualifierStart':
          out.qualifierStart = figureRows[row + F.qualifierStart];
          break;
        case 'low':
          out.low = figureValues[values + V.low];
          break;
        case 'highBound':
          out.highBound = figureValues[values + V.highBound];
          break;
        case 'perYear':
          out.perYear = figureRows[row + F.perYear] === 1;
          break;
        case 'date': {
          const date: Record<string, number> = {};
          for (const k of dateShapes[figureRows[row + F.dateShape]!]!) date[k] = figureRows[row + (k === 'year' ? F.year : k === 'month' ? F.month : F.day)]!;
          out.date = date;
          break;
        }
      }
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
  let byUnit: Map<string, number[]> | undefined;
  const unitLists = new Map<string, SourceFigure[]>();
  const figuresWithUnit = (unit: string): readonly SourceFigure[] => {
    let list = unitLists.get(unit);
    if (list) return list;
    if (!byUnit) {
      byUnit = new Map();
      const total = figureRows.length / figureInts;
      for (let id = 0; id < total; id++) {
        const kind = strings[figureRows[id * figureInts + F.kind]!]!;
        const key = unitKey({ kind, unit: strings[figureRows[id * figureInts + F.unit]!]! } as Figure);
        let ids = byUnit.get(key);
        if (!ids) byUnit.set(key, (ids = []));
        ids.push(id);
      }
    }
    const ids = byUnit.get(unit);
    if (!ids) return [];
    list = ids.map((id) => {
      const row = id * figureInts;
      const passage = figureRows[row + F.passage]!;
      return { passage, sentence: { start: figureRows[row + F.sentenceStart]!, end: figureRows[row + F.sentenceEnd]! }, figure: figureOf(id) };
    });
    unitLists.set(unit, list);
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
    figuresWithUnit,
    passagesWithTerm,
    idf: (term: string) => Math.log(1 + total / (1 + postingCount(term))),
    isName: (term: string) => {
      const id = termIds.get(term);
      return id !== undefined && !common[id];
    },
    close: () => store.close(),
  });
}
