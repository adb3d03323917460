// Loads sources from disk: the bundled corpus (pre-parsed at build time into
// dist/corpus.json) and the writer's own folders or globs of .md and .txt files.
// A file that cannot be read as a source becomes a problem, never an exception.
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { Corpus } from '../core/corpus';
import type { Source, SourceProblem } from '../core/types';
import { buildCorpus } from './index';
import { parseSource } from './parseSource';
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

/** Expands folders and globs relative to `root` into source files. */
export async function findSourceFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const globs: string[] = [];
  for (const pattern of patterns) {
    const absolute = path.resolve(root, pattern);
    const isFolder = await stat(absolute).then((s) => s.isDirectory(), () => false);
    globs.push(isFolder ? path.join(absolute, '**/*.{md,markdown,txt}') : absolute);
  }
  if (!globs.length) return [];
  const files = await glob(globs.map((g) => g.split(path.sep).join('/')), { absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
  return files.filter((f) => /\.(md|markdown|txt)$/i.test(f)).sort();
}

export async function loadSourceFiles(files: readonly string[]): Promise<LoadedSources> {
  const sources: Source[] = [];
  const problems: SourceProblem[] = [];
  for (const file of files) {
    const result = await loadSourceFile(file);
    if ('problem' in result) problems.push(result.problem);
    else {
      sources.push(result.source);
      problems.push(...result.source.problems);
    }
  }
  return { sources, problems, files: [...files] };
}

export async function loadSourceFile(file: string): Promise<{ source: Source } | { problem: SourceProblem }> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > maxSourceBytes) return { problem: { file, message: `Skipped: the file is ${(info.size / 1048576).toFixed(1)} MB, over the ${maxSourceBytes / 1048576} MB limit for a source.` } };
    bytes = await readFile(file);
  } catch (error) {
    return { problem: { file, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const text = decode(bytes);
  if (typeof text !== 'string') return { problem: { file, line: text.line, message: text.message } };
  return { source: parseSource({ location: file, text, bundled: false }) };
}

/** UTF-8 text, or why the bytes are not a readable source. */
export function decode(bytes: Uint8Array): string | { line: number; message: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { line: lineAt(bytes, nul), message: 'Skipped: the file looks binary (it contains NUL bytes), not a text source.' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { line: lineAt(bytes, bad), message: 'Skipped: the file is not valid UTF-8 text; save it as UTF-8.' };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return Math.max(0, low - 1);
}
