// The byte layout of a corpus index shared by its writer and reader: "ATTESTIX", the format
// version, the header's length, the header (JSON, with where each section starts), then the
// sections, each 8-byte aligned.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { align, corpusIndexFormat, magic } from './indexFormat';
import { pagedColumn, records, residentColumn, type ColumnType, type NumberColumn, type Records, type Store } from './indexColumns';

export function memoryStore(data: Uint8Array): Store {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { read: (offset, length) => bytes.subarray(offset, offset + length), close: () => undefined };
}

export interface IndexReader {
  header: Header;
  /** Where the sections start. */
  base: number;
  raw(name: string): Buffer;
  int32(name: string): Int32Array;
  float64(name: string): Float64Array;
  json<T>(name: string): T;
  /** A section as a column: held whole, or read a page at a time when the index was read with `paged`. */
  column(name: string, type: 'int32'): NumberColumn<Int32Array>;
  column(name: string, type: 'float64'): NumberColumn<Float64Array>;
  column(name: string, type: 'uint8'): NumberColumn<Uint8Array>;
  /** The records of section `name`, which `name.offsets` delimits. */
  records(name: string): Records;
  /** Reads `length` bytes at `offset` within section `name`. */
  read(name: string, offset: number, length: number): Buffer;
}

/** Reads the prefix and header; with `paged`, columns are read from the store a page at a time rather than whole. */
export function readIndex(store: Store, options: { paged?: boolean } = {}): IndexReader {
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
  const entryOf = (name: string): [number, number] => {
    const entry = header.sections[name];
    if (!entry) throw new Error(`The corpus index lacks its "${name}" section.`);
    return entry;
  };
  const read = (name: string, offset: number, length: number): Buffer => {
    const [start, size] = entryOf(name);
    if (offset < 0 || length < 0 || offset + length > size) throw new Error(`The corpus index is inconsistent: a read past the end of its "${name}" section.`);
    return store.read(base + start + offset, length);
  };
  const column = (name: string, type: ColumnType): NumberColumn<Int32Array | Float64Array | Uint8Array> => {
    const [start, size] = entryOf(name);
    return options.paged ? pagedColumn(store, type, base + start, size) : residentColumn(type, raw(name));
  };
  return {
    header,
    base,
    raw,
    read,
    column: column as IndexReader['column'],
    records: (name) => records({ read: (offset, length) => read(name, offset, length) }, column(`${name}.offsets`, 'float64') as NumberColumn<Float64Array>),
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

export interface Header {
  format: number;
  sources: number;
  passages: number;
  terms: number;
  acronyms: Record<string, string>;
  shapes: string[];
  dateShapes: string[];
  /** The mask of the spelling variants' bucket keys (spelling.ts). */
  spellingMask: number;
  sections: Record<string, [number, number]>;
}

export type SectionData = Uint8Array | readonly Uint8Array[];
const lengthOf = (data: SectionData): number => (data instanceof Uint8Array ? data.byteLength : data.reduce((n, chunk) => n + chunk.byteLength, 0));

/** Writes the prefix, the header with its table of sections, and the aligned sections (one buffer each, or chunks written in turn). */
export function writeSections(header: Omit<Header, 'sections'>, sections: readonly [string, SectionData][], out: (chunk: Uint8Array) => void): void {
  let offset = 0;
  const table: Record<string, [number, number]> = {};
  for (const [name, data] of sections) {
    const length = lengthOf(data);
    table[name] = [offset, length];
    offset = align(offset + length);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: table }), 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.write(magic, 0, 'latin1');
  prefix.writeUInt32LE(corpusIndexFormat, 8);
  prefix.writeUInt32LE(json.length, 12);
  out(prefix);
  out(json);
  const start = 16 + json.length;
  out(new Uint8Array(align(start) - start));
  for (const [, data] of sections) {
    if (data instanceof Uint8Array) out(data);
    else for (const chunk of data) out(chunk);
    const length = lengthOf(data);
    out(new Uint8Array(align(length) - length));
  }
}

/** Variable-length records (JSON texts) as two sections: `name`, their bytes, and `name.offsets`, where each starts and the last ends (float64: exact past 4 GiB). */
export class RecordsBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly offsets: number[] = [0];
  private bytes = 0;
  get length(): number {
    return this.chunks.length;
  }
  push(text: string): void {
    const data = Buffer.from(text, 'utf8');
    this.chunks.push(data);
    this.bytes += data.byteLength;
    this.offsets.push(this.bytes);
  }
  sections(name: string): [string, SectionData][] {
    const offsets = Float64Array.from(this.offsets);
    return [
      [name, this.chunks],
      [`${name}.offsets`, new Uint8Array(offsets.buffer)],
    ];
  }
}

/** Writes through a temporary file, so that a reader never sees half an index. */
export function writeIndexFile(file: string, emit: (out: (chunk: Uint8Array) => void) => void): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    emit((chunk) => {
      for (let done = 0; done < chunk.byteLength; ) done += writeSync(fd, chunk, done);
    });
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
