// A corpus index that loads instead of being rebuilt. buildCorpus() spends its time
// splitting sentences, finding figures and folding terms in every passage; this file stores
// what it found, in flat typed arrays rather than one JSON object per term or figure, so that
// loading is reading: no sentence, figure or term is recomputed.
//
// Layout: "ATTESTIX", u32 format version, u32 header length, the header (JSON: counts, the
// merged acronyms, figure key orders and where each section starts and how long it is), then
// 8-byte aligned sections: the sources' ids (JSON) and passage counts; each source's JSON
// (without its passages), each string and each dictionary term as records with float64
// offsets (indexSections.ts), the dictionary's ids in sorted order, the buckets of its
// spelling variants (spelling.ts, so that none is built at open); per-passage columns,
// sentence spans, footnote markers, figure rows (indexFigures.ts), term rows (term id, start,
// end), the passages of each term with float64 offsets, and the passages' text (UTF-8).
// Numbers are little-endian. Every offset into the file or a section is a float64 or a JSON
// number, exact up to 2^53: nothing overflows at 2 or 4 GiB.
//
// loadCorpusIndex(bytes) reads from memory; openCorpusIndex(file) reads from the file, a page
// of a column or one record at a time, when asked: opening reads the header, the sources' ids
// and their passage counts, and a check reads the sources, passages, terms, figures and
// postings it touches, with small caches of the last ones read (the operating system's cache
// holds the rest). Either way the Corpus answers exactly as buildCorpus() over the same sources.
export const magic = 'ATTESTIX';
/** Bump when the layout changes, or when a fix to the writer makes files it wrote before wrong (7: dates' parts of the year); older files are then rebuilt rather than misread. */
export const corpusIndexFormat = 7;

// ---------------------------------------------------------------------------
// Growable columns

export class Column<T extends Int32Array | Float64Array | Uint8Array> {
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

export const ints = (): Column<Int32Array> => new Column(new Int32Array(1024), (n) => new Int32Array(n));
export const floats = (): Column<Float64Array> => new Column(new Float64Array(1024), (n) => new Float64Array(n));
export const bytes = (): Column<Uint8Array> => new Column(new Uint8Array(1024), (n) => new Uint8Array(n));

export class StringTable {
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

/** Integer row: key order (shape), start, end, text, kind, unit, qualifier, qualifierStart, perYear, sentence start and end, date key order, year, month, day, passage, vague, the string id of a date's part of the year, the last year of a date written with the next ("2023-24"). */
export const figureInts = 19;
/** Float row: value, high, low, highBound. */
export const figureFloats = 4;
export const F = { shape: 0, start: 1, end: 2, text: 3, kind: 4, unit: 5, qualifier: 6, qualifierStart: 7, perYear: 8, sentenceStart: 9, sentenceEnd: 10, dateShape: 11, year: 12, month: 13, day: 14, passage: 15, vague: 16, part: 17, through: 18 } as const;
export const V = { value: 0, high: 1, low: 2, highBound: 3 } as const;
/**
 * Where each figure key is stored: a column of the integer row, holding a string id, a flag
 * (1 for true) or the integer itself, or a column of the float row. A date is stored apart:
 * its key order (F.dateShape), year, month, day, part of the year and the year it runs through.
 */
export const figureFields: Readonly<Record<string, readonly ['string' | 'flag' | 'int', number] | readonly ['float', number]>> = {
  kind: ['string', F.kind],
  start: ['int', F.start],
  end: ['int', F.end],
  text: ['string', F.text],
  value: ['float', V.value],
  high: ['float', V.high],
  unit: ['string', F.unit],
  qualifier: ['string', F.qualifier],
  qualifierStart: ['int', F.qualifierStart],
  low: ['float', V.low],
  highBound: ['float', V.highBound],
  perYear: ['flag', F.perYear],
  vague: ['flag', F.vague],
};
export const figureKeys = new Set([...Object.keys(figureFields), 'date']);
export const dateKeys = new Set(['year', 'month', 'day', 'part', 'through']);

/** Text is stored as UTF-8 unless it holds a lone surrogate, which only UTF-16 keeps. */
export const surrogate = /[\uD800-\uDFFF]/;
export const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/**
 * The passages of each term, in passage order as buildCorpus lists them, from the terms of
 * each passage (`unique`, each term once, passage p's from uniqueOffsets[p] to [p + 1]):
 * the postings and where each term's start (float64, so that they may pass 2^31).
 */
export function invertPostings(terms: number, passages: number, unique: Int32Array, uniqueOffsets: Float64Array): { offsets: Float64Array; postings: Int32Array } {
  const offsets = new Float64Array(terms + 1);
  for (let i = 0; i < unique.length; i++) offsets[unique[i]! + 1]++;
  for (let t = 0; t < terms; t++) offsets[t + 1] += offsets[t]!;
  const fill = offsets.slice(0, terms);
  const postings = new Int32Array(unique.length);
  for (let p = 0; p < passages; p++) {
    for (let i = uniqueOffsets[p]!; i < uniqueOffsets[p + 1]!; i++) postings[fill[unique[i]!]++] = p;
  }
  return { offsets, postings };
}
