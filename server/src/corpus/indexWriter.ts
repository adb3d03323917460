// Writes the corpus index (see indexFormat.ts for the layout), source by source or from a built corpus.
import type { Figure, Passage, Source, Span } from '../core/types';
import { sentenceOf } from '../core/claims/sentences';
import { spellingTable } from '../core/retrieval/spelling';
import { startsLowerCase, type PassageAnalysis } from './index';
import { memoryStore, readIndex, RecordsBuilder, writeIndexFile, writeSections, type Header, type SectionData } from './indexSections';
import { corpusIndexFormat, ints, floats, bytes, StringTable, figureInts, figureFloats, F, surrogate, loneSurrogate, invertPostings } from './indexFormat';
import { encodeFigure } from './indexFigures';

/**
 * Collects sources with their passages' analyses and writes the index. Add sources in the
 * order buildCorpus() would see them; a source whose id is already taken is skipped, as there.
 * The analyses must have been made with the vocabulary of the merged acronyms of all the
 * sources added (analysePassage(text, createVocabulary(acronyms))), as buildCorpus() does.
 */
export class CorpusIndexWriter {
  private readonly ids = new Set<string>();
  private readonly sourceIds: string[] = [];
  private readonly sourceRecords = new RecordsBuilder();
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
    return { sources: this.sourceIds.length, passages: this.passages, figures: this.figureRows.length / figureInts, terms: this.terms.length / 3, dictionary: this.dictionary.list.length, textBytes: this.textBytes };
  }

  /** Adds a source and, for each of its passages in order, what analysePassage() found. False when the id is taken. */
  addSource(source: Source, analyses: readonly PassageAnalysis[]): boolean {
    if (this.ids.has(source.meta.id)) return false;
    if (analyses.length !== source.passages.length) throw new Error(`serializeCorpus: ${source.meta.id} has ${source.passages.length} passages but ${analyses.length} analyses.`);
    this.ids.add(source.meta.id);
    Object.assign(this.acronyms, source.acronyms);
    this.addRecord(source.meta.id, JSON.stringify({ ...source, passages: [] }));
    this.passageCounts.push(source.passages.length);
    const sourceIndex = this.sourceIds.length - 1;
    source.passages.forEach((passage, k) => this.addPassage(sourceIndex, passage, analyses[k]!));
    return true;
  }

  private addRecord(id: string, json: string): void {
    this.sourceIds.push(id);
    this.sourceRecords.push(json);
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
   * `mapSource` may change what is stored of a source (its problems), keeping its id.
   */
  appendIndex(data: Uint8Array, mapSource?: (source: Source) => Source): void {
    const from = this.appender(data);
    for (let s = 0; s < from.sources.length; s++) from.append(s, mapSource);
  }

  /**
   * Another serialized index whose sources can be appended one by one, in any order and any
   * of them, mixed with addSource(): what an index updated for a few changed files keeps of
   * the one before. Its terms join this index's dictionary as they are met, but whether a
   * term is written in lower case somewhere is carried over from the whole of it.
   */
  appender(data: Uint8Array): { sources: Source[]; append(source: number, mapSource?: (source: Source) => Source): void } {
    const index = readIndex(memoryStore(data));
    const { header } = index;
    const records = index.records('sources');
    const sources = Array.from({ length: records.length }, (_, s) => JSON.parse(records.get(s)) as Source);
    const counts = index.int32('source.passages');
    const firsts = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) firsts[s + 1] = firsts[s]! + counts[s]!;
    const stringRecords = index.records('strings');
    const strings = Int32Array.from({ length: stringRecords.length }, (_, i) => this.strings.id(JSON.parse(stringRecords.get(i)) as string));
    const dictionaryRecords = index.records('dictionary');
    const dictionary = Array.from({ length: dictionaryRecords.length }, (_, i) => JSON.parse(dictionaryRecords.get(i)) as string);
    const terms = new Int32Array(dictionary.length).fill(-1);
    const common = index.raw('term.common');
    const termOf = (t: number): number => {
      let id = terms[t]!;
      if (id < 0) {
        id = terms[t] = this.termId(dictionary[t]!);
        if (common[t]) this.common.set(id, 1);
      }
      return id;
    };
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
    const append = (s: number, mapSource?: (source: Source) => Source): void => {
      const source = sources[s]!;
      const first = firsts[s]!;
      const count = counts[s]!;
      if (this.ids.has(source.meta.id)) return;
      this.ids.add(source.meta.id);
      Object.assign(this.acronyms, source.acronyms);
      this.addRecord(source.meta.id, JSON.stringify(mapSource ? mapSource(source) : source));
      this.passageCounts.push(count);
      const sourceIndex = this.sourceIds.length - 1;
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
          // A part of the year ("early 2019") is a string of the appended index's table too.
          if (row[F.part]! >= 0) row[F.part] = strings[row[F.part]!]!;
          row[F.passage] = passage;
          this.figureRows.append(row);
          this.figureValues.append(figureValues.subarray(f * figureFloats, (f + 1) * figureFloats));
        }
        this.figureOffsets.push(this.figureRows.length / figureInts);
        for (let t = termOffsets[p]!; t < termOffsets[p + 1]!; t++) {
          const id = termOf(termRows[3 * t]!);
          this.terms.push(id);
          this.terms.push(termRows[3 * t + 1]!);
          this.terms.push(termRows[3 * t + 2]!);
          this.seenIn(id, passage);
        }
        this.termOffsets.push(this.terms.length / 3);
        this.uniqueOffsets.push(this.unique.length);
      }
    };
    return { sources, append };
  }

  private addFigure(passage: number, figure: Figure, sentence: Span): void {
    const { ints: row, floats: values } = encodeFigure(figure, sentence, passage, { string: (v) => this.strings.id(v), shape: (v) => this.shapes.id(v), dateShape: (v) => this.dateShapes.id(v) });
    for (const value of row) this.figureRows.push(value);
    for (const value of values) this.figureValues.push(value);
  }

  /** The index as sections, ready to be written. */
  private sections(): { header: Omit<Header, 'sections'>; sections: [string, SectionData][] } {
    const terms = this.dictionary.list.length;
    const { offsets: postingOffsets, postings } = invertPostings(terms, this.passages, this.unique.values(), this.uniqueOffsets.values());
    const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
    const raw = (array: Int32Array | Float64Array | Uint8Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const list = (values: readonly string[]): RecordsBuilder => {
      const out = new RecordsBuilder();
      for (const value of values) out.push(JSON.stringify(value));
      return out;
    };
    // The dictionary's ids in code-unit order of their terms, for the reader's binary search.
    const dictionary = this.dictionary.list;
    const order = Int32Array.from(dictionary.keys()).sort((a, b) => (dictionary[a]! < dictionary[b]! ? -1 : dictionary[a]! > dictionary[b]! ? 1 : 0));
    const spelling = spellingTable(dictionary);
    const sections: [string, SectionData][] = [
      ['source.ids', json(this.sourceIds)],
      ...this.sourceRecords.sections('sources'),
      ...list(this.strings.list).sections('strings'),
      ...list(dictionary).sections('dictionary'),
      ['dictionary.order', raw(order)],
      ['spelling.starts', raw(spelling.starts)],
      ['spelling.ids', raw(spelling.ids)],
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
      ['text', this.text],
    ];
    const header: Omit<Header, 'sections'> = {
      format: corpusIndexFormat,
      sources: this.sourceIds.length,
      passages: this.passages,
      terms: terms,
      acronyms: this.acronyms,
      shapes: this.shapes.list,
      dateShapes: this.dateShapes.list,
      spellingMask: spelling.mask,
    };
    return { header, sections };
  }

  /** The whole index in one buffer. */
  toBytes(): Uint8Array {
    const parts: Uint8Array[] = [];
    const { header, sections } = this.sections();
    writeSections(header, sections, (chunk) => parts.push(chunk));
    return Buffer.concat(parts);
  }

  /** Writes the index to `file` (through a temporary file, so a reader never sees half of it). */
  writeFile(file: string): void {
    const { header, sections } = this.sections();
    writeIndexFile(file, (out) => writeSections(header, sections, out));
  }
}
