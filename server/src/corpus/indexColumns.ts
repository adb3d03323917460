// Reading the corpus index's sections as columns of numbers and lists of records, either held
// whole (an index in memory) or read from the file a page at a time (an index opened from
// disk, so that only what the checks touch is read and kept). Offsets into the file and into
// a section are plain numbers, exact up to 2^53: a section past 4 GiB reads as any other.

/** Where an index's bytes are read from: a file, or memory. */
export interface Store {
  read(offset: number, length: number): Buffer;
  close(): void;
}

export type ColumnType = 'int32' | 'float64' | 'uint8';
type ArrayOf<T extends ColumnType> = T extends 'int32' ? Int32Array : T extends 'float64' ? Float64Array : Uint8Array;
const sizes: Record<ColumnType, number> = { int32: 4, float64: 8, uint8: 1 };

export interface NumberColumn<A extends Int32Array | Float64Array | Uint8Array> {
  readonly length: number;
  get(i: number): number;
  /** Entries from..to-1: a view of the index in memory, a copy read from a file. */
  range(from: number, to: number): A;
}

/** A typed array over `data`, copied first when it is not aligned for the type. */
export function typedView<T extends ColumnType>(type: T, data: Buffer): ArrayOf<T> {
  const size = sizes[type];
  const bytes = data.byteOffset % size === 0 ? data : Buffer.from(new Uint8Array(data));
  const length = Math.floor(bytes.byteLength / size);
  const array = type === 'int32' ? new Int32Array(bytes.buffer, bytes.byteOffset, length) : type === 'float64' ? new Float64Array(bytes.buffer, bytes.byteOffset, length) : new Uint8Array(bytes.buffer, bytes.byteOffset, length);
  return array as ArrayOf<T>;
}

/** A column held whole. */
export function residentColumn<T extends ColumnType>(type: T, data: Buffer): NumberColumn<ArrayOf<T>> {
  const array = typedView(type, data);
  return { length: array.length, get: (i) => array[i]!, range: (from, to) => array.subarray(from, to) as ArrayOf<T> };
}

/**
 * Entries a page of a paged column holds, and pages kept per column (least recently used go
 * first): checks read passages all over the corpus, so pages are small (4 KiB of int32) and
 * many are kept, at most 1 MiB of int32 or 2 MiB of float64 per column.
 */
const pageEntries = 1024;
const pagesKept = 256;

/** A column read from `store` a page at a time, keeping the last few pages. */
export function pagedColumn<T extends ColumnType>(store: Store, type: T, start: number, byteLength: number): NumberColumn<ArrayOf<T>> {
  const size = sizes[type];
  const length = Math.floor(byteLength / size);
  const pages = new Map<number, ArrayOf<T>>();
  const read = (from: number, to: number): ArrayOf<T> => typedView(type, store.read(start + from * size, (to - from) * size));
  // The page read last answers without touching the cache's order: runs of nearby reads are the common case.
  let lastPage = -1;
  let last: ArrayOf<T> | undefined;
  const page = (n: number): ArrayOf<T> => {
    if (n === lastPage) return last!;
    let data = pages.get(n);
    lastPage = n;
    if (data) {
      pages.delete(n);
      pages.set(n, data);
      return (last = data);
    }
    data = read(n * pageEntries, Math.min(length, (n + 1) * pageEntries));
    pages.set(n, data);
    if (pages.size > pagesKept) pages.delete(pages.keys().next().value!);
    return (last = data);
  };
  return {
    length,
    get: (i) => (i >= 0 && i < length ? page(Math.floor(i / pageEntries))[i % pageEntries]! : (undefined as unknown as number)),
    range: (from, to) => read(Math.max(0, from), Math.min(length, Math.max(from, to))),
  };
}

/** A list of variable-length records (JSON texts): their bytes, and the offsets where each starts and the last ends. */
export interface Records {
  readonly length: number;
  /** The text of record i. */
  get(i: number): string;
  /** The texts of records from..to-1, read at once. */
  getMany(from: number, to: number): string[];
}

export function records(data: { read(offset: number, length: number): Buffer }, offsets: NumberColumn<Float64Array>): Records {
  const length = Math.max(0, offsets.length - 1);
  return {
    length,
    get: (i) => {
      const from = offsets.get(i);
      return data.read(from, offsets.get(i + 1) - from).toString('utf8');
    },
    getMany: (from, to) => {
      if (to <= from) return [];
      const at = offsets.range(from, to + 1);
      const bytes = data.read(at[0]!, at[to - from]! - at[0]!);
      return Array.from({ length: to - from }, (_, k) => bytes.toString('utf8', at[k]! - at[0]!, at[k + 1]! - at[0]!));
    },
  };
}
