// The byte layout of a corpus index shared by its writer and reader: "ATTESTIX", the format
// version, the header's length, the header (JSON, with where each section starts), then the
// sections, each 8-byte aligned.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { align, corpusIndexFormat, magic } from './indexFormat';

export interface Store {
  read(offset: number, length: number): Buffer;
  close(): void;
}

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
}

export function readIndex(store: Store): IndexReader {
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

export interface Header {
  format: number;
  sources: number;
  passages: number;
  terms: number;
  acronyms: Record<string, string>;
  shapes: string[];
  dateShapes: string[];
  sections: Record<string, [number, number]>;
}

/** Writes the prefix, the header with its table of sections, and the aligned sections. */
export function writeSections(header: Omit<Header, 'sections'>, sections: readonly [string, Uint8Array][], out: (chunk: Uint8Array) => void): void {
  let offset = 0;
  const table: Record<string, [number, number]> = {};
  for (const [name, data] of sections) {
    table[name] = [offset, data.byteLength];
    offset = align(offset + data.byteLength);
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
    out(data);
    out(new Uint8Array(align(data.byteLength) - data.byteLength));
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
