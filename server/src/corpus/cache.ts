// The on-disk cache of the writer's sources: one entry per source file, keyed by its absolute
// path, size and modification time, holding what reading, parsing and analysing the file gave
// (the source and its passages' sentences, figures and terms, as a one-source corpus index),
// or the problem that kept it from being a source, or for a reference library its parsed entries. Entries are written through a temporary
// file and renamed, so that the CLI and the server can share a cache folder; an entry that is
// corrupt, of an older format or for another version of the file is a miss, never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceProblem } from '../core/types';
import type { ReferenceLibrary } from './bibliographyEntry';
import { serverInfo } from '../version';
import { corpusIndexFormat } from './indexFormat';

/** Bump when what an entry holds changes (a reader, parseSource or the analysis), so that old entries are rebuilt. */
export const sourceCacheFormat = 87;

const magic = 'ATTESTSC';

/** What identifies one version of a source file. */
export interface FileKey {
  /** Absolute path. */
  file: string;
  size: number;
  mtimeMs: number;
}

export type CacheEntry =
  /** The file as a one-source corpus index, analysed with the vocabulary whose hash is `vocabulary`. */
  | { kind: 'source'; vocabulary: string; index: Uint8Array }
  | { kind: 'problem'; problem: SourceProblem }
  /** A reference library's entries and broken entries, as bibliography.ts parsed them. */
  | { kind: 'library'; library: ReferenceLibrary };

interface StoredKey extends FileKey {
  format: number;
  indexFormat: number;
  attest: string;
  kind: CacheEntry['kind'];
  vocabulary?: string;
  problem?: SourceProblem;
}

/** The cache folder when no setting names one: $XDG_CACHE_HOME/attest, else ~/.cache/attest (%LOCALAPPDATA%\attest on Windows). */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'attest');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'attest');
  return path.join(os.homedir(), '.cache', 'attest');
}

export function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** What the sources' acronyms (which fold terms, terms.ts) hash to, whatever the order they were merged in. */
export function acronymsKey(acronyms: Record<string, string>): string {
  return hashOf(JSON.stringify(Object.entries(acronyms).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** Writes `data` to `file` through a temporary file in the same folder, so that no reader sees half of it. */
export function writeAtomically(file: string, data: Uint8Array | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    throw error;
  }
}

export class SourceCache {
  /** How many entries were read and matched, and how many were written, since it was made. */
  readonly counts = { hits: 0, writes: 0 };

  constructor(readonly folder: string) {}

  private entryFile(file: string): string {
    return path.join(this.folder, 'sources', `${hashOf(path.resolve(file))}.entry`);
  }

  /** The entry for this version of the file, if one is stored and readable. */
  get(key: FileKey): CacheEntry | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.entryFile(key.file));
    } catch {
      return undefined;
    }
    const entry = decodeEntry(bytes, key);
    if (entry) this.counts.hits++;
    return entry;
  }

  /** Removes the file's entry, if there is one: for a file that is gone. */
  delete(file: string): void {
    try {
      unlinkSync(this.entryFile(file));
    } catch {
      // None, or already removed.
    }
  }

  /** Stores the entry; a cache folder that cannot be written only costs the next start its time. */
  set(key: FileKey, entry: CacheEntry): boolean {
    const stored: StoredKey = {
      file: path.resolve(key.file),
      size: key.size,
      mtimeMs: key.mtimeMs,
      format: sourceCacheFormat,
      indexFormat: corpusIndexFormat,
      attest: serverInfo.version,
      kind: entry.kind,
      ...(entry.kind === 'source' ? { vocabulary: entry.vocabulary } : entry.kind === 'problem' ? { problem: entry.problem } : {}),
    };
    const json = Buffer.from(JSON.stringify(stored), 'utf8');
    const prefix = Buffer.alloc(16);
    prefix.write(magic, 0, 'latin1');
    prefix.writeUInt32LE(sourceCacheFormat, 8);
    prefix.writeUInt32LE(json.length, 12);
    try {
      writeAtomically(this.entryFile(key.file), Buffer.concat([prefix, json, entry.kind === 'source' ? entry.index : entry.kind === 'library' ? Buffer.from(JSON.stringify(entry.library), 'utf8') : new Uint8Array()]));
      this.counts.writes++;
      return true;
    } catch {
      return false;
    }
  }
}

function decodeEntry(bytes: Buffer, key: FileKey): CacheEntry | undefined {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== magic || bytes.readUInt32LE(8) !== sourceCacheFormat) return undefined;
  const length = bytes.readUInt32LE(12);
  if (16 + length > bytes.length) return undefined;
  let stored: StoredKey;
  try {
    stored = JSON.parse(bytes.toString('utf8', 16, 16 + length)) as StoredKey;
  } catch {
    return undefined;
  }
  const same =
    stored.file === path.resolve(key.file) &&
    stored.size === key.size &&
    stored.mtimeMs === key.mtimeMs &&
    stored.indexFormat === corpusIndexFormat &&
    stored.attest === serverInfo.version;
  if (!same) return undefined;
  if (stored.kind === 'problem' && stored.problem && typeof stored.problem.message === 'string') return { kind: 'problem', problem: stored.problem };
  if (stored.kind === 'source' && typeof stored.vocabulary === 'string') return { kind: 'source', vocabulary: stored.vocabulary, index: bytes.subarray(16 + length) };
  if (stored.kind === 'library') {
    try {
      const library = JSON.parse(bytes.toString('utf8', 16 + length)) as ReferenceLibrary;
      return Array.isArray(library.entries) && Array.isArray(library.problems) ? { kind: 'library', library } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
