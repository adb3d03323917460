// Loads sources from disk: the bundled corpus (pre-parsed at build time into
// dist/corpus.json) and the writer's own folders or globs of source files (readers/).
// A file that cannot be read as a source becomes a problem, never an exception. Only
// regular files are read, each once however many links lead to it, and never past the limit.
import { constants, readFileSync, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { Corpus } from '../core/retrieval/corpus';
import type { Source, SourceProblem } from '../core/types';
import { isLibraryName, librarySources, loadLibrary } from './bibliography';
import { buildCorpus } from './index';
import { parseSource } from './parseSource';
import { isSourceName, readSource, sourceExtensions } from './readers';
import { loadCorpusIndex } from './serialize';

/** Larger files are not sources but data dumps; they are skipped with a problem. */
export const maxSourceBytes = 20 * 1024 * 1024;

export interface BundledCorpusFile {
  version: 1;
  sources: Source[];
  /** The built index of the same sources (serialize.ts), base64; absent in older builds. */
  index?: string;
}

/** Reads the corpus index shipped next to the bundles. */
export function loadBundledSources(distDir: string): Source[] {
  const data = readBundledFile(distDir);
  return data.sources.map((s) => bundledSource(distDir, s));
}

/**
 * The bundled corpus, ready to query: the index built at build time is loaded, not rebuilt.
 * The same corpus as buildCorpus(loadBundledSources(distDir)), which it falls back to when
 * dist/corpus.json carries no index. Its Source objects are its own: to add the writer's
 * sources, assemble loadBundledSources() with them as before.
 */
export function loadBundledCorpus(distDir: string): Corpus {
  const data = readBundledFile(distDir);
  if (!data.index) return buildCorpus(data.sources.map((s) => bundledSource(distDir, s)));
  return loadCorpusIndex(Buffer.from(data.index, 'base64'), { mapSource: (s) => bundledSource(distDir, s) });
}

function readBundledFile(distDir: string): BundledCorpusFile {
  return JSON.parse(readFileSync(path.join(distDir, 'corpus.json'), 'utf8')) as BundledCorpusFile;
}

function bundledSource(distDir: string, source: Source): Source {
  return { ...source, location: source.location && path.resolve(distDir, '..', source.location), bundled: true };
}

export interface LoadedSources {
  sources: Source[];
  problems: SourceProblem[];
  files: string[];
}

export interface SourceSearch {
  /** The source files, sorted, each once. */
  files: string[];
  /** The patterns, as given, that found no file. */
  unmatched: string[];
}

/**
 * Expands folders and globs relative to `root` into source files, sorted. A file reached by
 * several paths (links, a link back up the tree) is listed once, by its shortest path.
 */
export async function findSourceFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  return (await searchSourceFiles(root, patterns)).files;
}

/** findSourceFiles, also telling which patterns found nothing. */
export async function searchSourceFiles(root: string, patterns: readonly string[]): Promise<SourceSearch> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = await filesOf(path.resolve(root, pattern));
    if (!found.length) unmatched.push(pattern);
    files.push(...found);
  }
  return { files: await onePathPerFile([...new Set(files)]), unmatched };
}

const globOptions = { absolute: true, dot: false, ignore: ['**/node_modules/**'] };

/**
 * The files a folder or glob names. The file search lists only files, folders and links, so
 * pipes, sockets and devices are looked for apart, to be reported rather than passed over:
 * in a folder and its subfolders, or named as they are. (A glob's matches cannot be told
 * without its matcher; a pipe a wildcard would match is not seen.)
 */
async function filesOf(absolute: string): Promise<string[]> {
  const info = await lstat(absolute).catch(() => undefined);
  const isFolder = await stat(absolute).then((s) => s.isDirectory(), () => false);
  if (info && isSpecial(info)) return isSourceName(absolute) ? [absolute] : [];
  // A folder's .bib files are its reference libraries; a .json file is one only when named.
  const pattern = isFolder ? path.join(absolute, `**/*.{${[...sourceExtensions, 'bib'].join(',')}}`) : absolute;
  const files = (await glob(globPattern(pattern), { ...globOptions, onlyFiles: true })).filter((f) => isSourceName(f) || isLibraryName(f));
  if (!isFolder) return files;
  const folders = [absolute, ...(await glob(globPattern(path.join(absolute, '**')), { ...globOptions, onlyDirectories: true }))];
  for (const folder of folders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (isSpecial(entry) && !entry.name.startsWith('.') && isSourceName(entry.name)) files.push(path.join(folder, entry.name));
  }
  return files;
}

function globPattern(pattern: string): string {
  return pattern.split(path.sep).join('/');
}

/** A pipe, socket or device: not a file, folder or link. */
function isSpecial(entry: Stats | Dirent): boolean {
  return entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}

async function onePathPerFile(files: readonly string[]): Promise<string[]> {
  const depth = (file: string): number => file.split(/[\\/]/).length;
  const byDepth = [...files].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  // Asked many at a time: one after another, ten thousand files wait ten thousand turns of the thread pool.
  const reals: string[] = [];
  for (let start = 0; start < byDepth.length; start += 256) reals.push(...(await Promise.all(byDepth.slice(start, start + 256).map((file) => realpath(file).catch(() => file)))));
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const [k, file] of byDepth.entries()) {
    const real = reals[k]!;
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(file);
  }
  return kept.sort();
}

/** Reads source files and reference libraries; an entry's attached file is its source's text. */
export async function loadSourceFiles(files: readonly string[]): Promise<LoadedSources> {
  const sources: Source[] = [];
  const problems: SourceProblem[] = [];
  const libraries = [];
  for (const file of files) {
    if (isLibraryName(file)) {
      libraries.push(await loadLibrary(file, maxSourceBytes));
      continue;
    }
    const result = await loadSourceFile(file);
    if ('problem' in result) problems.push(result.problem);
    else {
      sources.push(result.source);
      problems.push(...result.source.problems);
    }
  }
  if (!libraries.length) return { sources, problems, files: [...files] };
  const attachments: Source[] = [];
  const fromLibraries = await librarySources(libraries, sources, async (file) => {
    const result = await loadSourceFile(file);
    if ('source' in result) attachments.push(result.source);
    return result;
  });
  problems.push(...fromLibraries.problems, ...attachments.flatMap((s) => s.problems));
  return { sources: fromLibraries.sources, problems, files: [...files] };
}

export async function loadSourceFile(file: string): Promise<{ source: Source } | { problem: SourceProblem }> {
  const loaded = await loadSourceBytes(file);
  return 'problem' in loaded ? loaded : { source: loaded.source };
}

/** loadSourceFile, also giving the bytes the source was read from (the team library stores their hash). */
export async function loadSourceBytes(file: string): Promise<{ source: Source; bytes: Buffer } | { problem: SourceProblem }> {
  let bytes: Buffer;
  try {
    const read = await readSourceBytes(file, maxSourceBytes);
    if (typeof read === 'string') return { problem: { file, message: read } };
    bytes = read;
  } catch (error) {
    return { problem: { file, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const read = await readSource(bytes, file);
  if ('message' in read) return { problem: { file, ...(read.line !== undefined && { line: read.line }), message: read.message } };
  const source = parseSource({ location: file, text: read.text, bundled: false });
  for (const problem of read.problems ?? []) source.problems.push({ file, ...(problem.line !== undefined && { line: problem.line }), message: problem.message });
  return { source, bytes };
}

/**
 * The bytes of `file` if it is a regular file (after following links) of at most `limit`
 * bytes, else why not. Devices, pipes and sockets are never opened for reading: /dev/zero
 * never ends, a pipe blocks until someone writes. The read stops at `limit` + 1 bytes
 * whatever stat said, since a file can grow while it is read and /proc files report size 0.
 */
export async function readSourceBytes(file: string, limit: number): Promise<Buffer | string> {
  const info = await stat(file);
  if (!info.isFile()) return await notRegular(file, info);
  if (info.size > limit) return `Skipped: the file is ${(info.size / 1048576).toFixed(1)} MB, over the ${size(limit)} limit for a source.`;
  // Non-blocking, in case a pipe took the file's place since the stat.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return await notRegular(file, opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, Math.max(opened.size - total + 1, 64 * 1024)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!bytesRead) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return `Skipped: the file grew past the ${size(limit)} limit for a source while it was read.`;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function size(bytes: number): string {
  return bytes >= 1048576 ? `${Number((bytes / 1048576).toFixed(1))} MB` : `${bytes} bytes`;
}

async function notRegular(file: string, info: Stats): Promise<string> {
  const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'a special file';
  const target = await realpath(file).catch(() => file);
  const what = target === path.resolve(file) ? `it is ${kind}` : `it links to ${target}, ${kind}`;
  return `Skipped: ${what}, not a regular file; only regular files are read as sources.`;
}
