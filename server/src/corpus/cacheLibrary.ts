// The writer's library as one corpus index kept in the cache folder (cache.ts), so that a
// start whose files have not changed opens it instead of reading, parsing and analysing
// every file, and a changed file costs that file alone: the others are appended from their
// cached entries, as analysed before. A manifest beside the index lists the files' sizes
// and modification times it was built from; any difference rebuilds it. Analyses depend on
// the acronyms all sources define (terms.ts folds them): an entry analysed with another set
// is analysed again from its cached passages, without reading the file.
import { mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { createVocabulary } from '../core/claims/terms';
import type { Source, SourceProblem } from '../core/types';
import { serverInfo } from '../version';
import { chooseSources } from './assemble';
import { acronymsKey, hashOf, sourceCacheFormat, writeAtomically, type FileKey, type SourceCache } from './cache';
import { analysePassage } from './index';
import { indexSources, loadCorpusIndex, openCorpusIndex, type LoadedCorpus } from './indexReader';
import { CorpusIndexWriter } from './indexWriter';
import { loadSourceFile } from './loader';

export interface LibraryInput {
  /** The writer's source files, sorted. */
  files: readonly string[];
  /** The bundled sources to check against too (none for --no-bundled). */
  bundled: readonly Source[];
  /** Changes when the bundled sources do (the bundle's corpus.json size and time). */
  bundledKey: string;
  exclude: readonly string[];
  cache: SourceCache;
  /** Called as files are indexed, when more than a few need it. */
  onProgress?(done: number, total: number): void;
  /** Lets other work run between files (the server's keystrokes); the CLI need not. */
  pause?(): Promise<void>;
  /** True once a newer load makes this one useless: it then stops, resolving to undefined. */
  superseded?(): boolean;
}

export interface LibraryCorpus {
  corpus: LoadedCorpus;
  /** Problems of the files and of the sources left out, as loadSourceFiles and assembleCorpus report them. */
  problems: SourceProblem[];
  /** Files read from disk, and whether the library index was opened as built before. */
  read: number;
  reused: boolean;
  /** The ids of all the writer's sources read, excluded or not. */
  ids: string[];
  /** The size and modification time of each file the index was built from. */
  files: Record<string, [number, number]>;
  /** The hash of the acronyms its passages were analysed with. */
  vocabulary: string;
}

interface Manifest {
  format: number;
  attest: string;
  fingerprint: string;
  index: string;
  problems: SourceProblem[];
  ids: string[];
  /** The size and modification time of each file the index was built from. */
  files: Record<string, [number, number]>;
  /** The hash of the acronyms its passages were analysed with. */
  vocabulary: string;
  bundled: string;
  exclude: string[];
}

/** More files than this to read or analyse again, and progress is shown. */
const progressFrom = 10;
const pauseEvery = 20;

export async function loadLibraryCorpus(input: LibraryInput): Promise<LibraryCorpus | undefined> {
  const keys: (FileKey | undefined)[] = [];
  for (let i = 0; i < input.files.length; i++) {
    const file = input.files[i]!;
    try {
      const info = statSync(file);
      keys.push({ file: path.resolve(file), size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      keys.push(undefined);
    }
    if (i % 2000 === 1999) await input.pause?.();
  }
  const fingerprint = hashOf(JSON.stringify({ keys, bundled: input.bundledKey, exclude: input.exclude }));
  const folder = path.join(input.cache.folder, 'libraries');
  // Named by the folders its files are in: the server and the CLI reading the same folders share it, and a file added there replaces it.
  const name = hashOf(JSON.stringify([...new Set(input.files.map((f) => path.dirname(path.resolve(f))))].sort())).slice(0, 20);
  const manifestFile = path.join(folder, `${name}.json`);
  const previous = readManifest(manifestFile);
  if (previous?.fingerprint === fingerprint) {
    try {
      return { corpus: openCorpusIndex(path.join(folder, previous.index)), problems: previous.problems, read: 0, reused: true, ids: previous.ids, files: previous.files, vocabulary: previous.vocabulary };
    } catch {
      // Gone or damaged: built again below.
    }
  }

  // The index before, when only some files changed: its sources are appended from it as they were.
  const files = Object.fromEntries(keys.flatMap((key) => (key ? [[key.file, [key.size, key.mtimeMs] as [number, number]]] : [])));
  const before = previous && previous.bundled === input.bundledKey && JSON.stringify(previous.exclude) === JSON.stringify(input.exclude) ? readPrevious(folder, previous) : undefined;
  const bundledIds = new Set(input.bundled.map((s) => s.meta.id));
  const writer = new CorpusIndexWriter();
  const earlier = before && writer.appender(before);
  const fromEarlier = before && earlierSources(before);
  const earlierAt = new Map<string, number>();
  earlier?.sources.forEach((source, s) => earlierAt.set(source.bundled ? `bundled:${source.meta.id}` : path.resolve(source.location ?? ''), s));

  // The files: from the index before or their entries when unchanged, else read and parsed.
  // Only the sources' metadata is kept meanwhile; entries are read again when appended.
  type Own = { source: Source; key?: FileKey; earlier?: number };
  const own: Own[] = [];
  const problems: SourceProblem[] = [];
  const total = input.files.length;
  let work = 0;
  let shown = false;
  const progress = (done: number): void => {
    if (work <= progressFrom && !shown) return;
    shown = true;
    input.onProgress?.(done, total);
  };
  let read = 0;
  for (let i = 0; i < total; i++) {
    const key = keys[i];
    const was = key && previous?.files?.[key.file];
    const at = key && was && was[0] === key.size && was[1] === key.mtimeMs ? earlierAt.get(key.file) : undefined;
    const kept = at !== undefined ? earlier!.sources[at]! : undefined;
    if (kept && !bundledIds.has(kept.meta.id)) {
      own.push({ source: kept, key, earlier: at });
      problems.push(...kept.problems);
      continue;
    }
    const entry = key && input.cache.get(key);
    if (entry?.kind === 'problem') problems.push(entry.problem);
    else if (entry?.kind === 'source') {
      const source = indexSources(entry.index)[0];
      if (source) {
        own.push({ source, key });
        problems.push(...source.problems);
      }
    } else {
      read++;
      work++;
      const result = await loadSourceFile(input.files[i]!);
      if ('problem' in result) {
        problems.push(result.problem);
        if (key) input.cache.set(key, { kind: 'problem', problem: result.problem });
      } else {
        own.push({ source: result.source });
        problems.push(...result.source.problems);
      }
    }
    if (work > progressFrom && !shown) progress(Math.floor((i + 1) / 2));
    if (i % pauseEvery === pauseEvery - 1) {
      progress(Math.floor((i + 1) / 2));
      await input.pause?.();
      if (input.superseded?.()) {
        if (shown) input.onProgress?.(total, total);
        return undefined;
      }
    }
  }

  const chosen = chooseSources(input.bundled, own.map((o) => o.source), input.exclude);
  problems.push(...chosen.problems);
  const acronyms: Record<string, string> = {};
  for (const source of chosen.sources) Object.assign(acronyms, source.acronyms);
  const vocabularyKey = acronymsKey(acronyms);
  const vocabulary = createVocabulary(acronyms);
  // Other acronyms change how every passage folds its terms: nothing analysed before is kept but entries, analysed again.
  const sameVocabulary = previous?.vocabulary === vocabularyKey;
  const byId = new Map(own.map((o) => [o.source.meta.id, o]));
  const keyOf = new Map(keys.flatMap((key) => (key ? [[key.file, key] as const] : [])));

  for (let i = 0; i < chosen.sources.length; i++) {
    const source = chosen.sources[i]!;
    const mine = source.bundled ? undefined : byId.get(source.meta.id);
    const kept = sameVocabulary ? (source.bundled ? earlierAt.get(`bundled:${source.meta.id}`) : mine?.earlier) : undefined;
    const cached = kept === undefined && mine?.key ? input.cache.get(mine.key) : undefined;
    const entry = cached && cached.kind === 'source' ? cached : undefined;
    if (kept !== undefined) {
      earlier!.append(kept, source === mine?.source || source.bundled ? undefined : () => source);
    } else if (entry && entry.vocabulary === vocabularyKey) {
      writer.appendIndex(entry.index, source === mine!.source ? undefined : () => source);
    } else {
      work++;
      // Parsed now, or cached with other acronyms: its passages come from the entry.
      const full = entry ? { ...source, passages: [...loadCorpusIndex(entry.index).sources.values()][0]!.passages.map((p) => ({ ...p, text: p.text })) } : mine?.earlier !== undefined ? { ...source, passages: fromEarlier!()[mine.earlier]!.passages.map((p) => ({ ...p, text: p.text })) } : source;
      const analyses = full.passages.map((p) => analysePassage(p.text, vocabulary));
      writer.addSource(full, analyses);
      const key = mine && full.location ? keyOf.get(path.resolve(full.location)) : undefined;
      if (key) {
        const one = new CorpusIndexWriter();
        one.addSource(mine!.source === source ? full : { ...full, problems: mine!.source.problems }, analyses);
        input.cache.set(key, { kind: 'source', vocabulary: vocabularyKey, index: one.toBytes() });
      }
    }
    if (i % pauseEvery === pauseEvery - 1) {
      progress(Math.floor((total + Math.min(total, Math.round(((i + 1) * total) / chosen.sources.length))) / 2));
      await input.pause?.();
      if (input.superseded?.()) {
        if (shown) input.onProgress?.(total, total);
        return undefined;
      }
    }
  }
  progress(total);
  const ids = own.map((o) => o.source.meta.id);

  const index = `${name}-${fingerprint.slice(0, 20)}.index`;
  try {
    mkdirSync(folder, { recursive: true });
    writer.writeFile(path.join(folder, index));
    writeAtomically(manifestFile, JSON.stringify({ format: sourceCacheFormat, attest: serverInfo.version, fingerprint, index, problems, ids, files, vocabulary: vocabularyKey, bundled: input.bundledKey, exclude: [...input.exclude] } satisfies Manifest));
  } catch {
    // A cache folder that cannot be written: the corpus is kept in memory instead.
    return { corpus: loadCorpusIndex(writer.toBytes()), problems, read, reused: false, ids, files, vocabulary: vocabularyKey };
  }
  // The index this one replaces; a process still reading it keeps it open (it goes with its last reader).
  if (previous && previous.index !== index) {
    try {
      unlinkSync(path.join(folder, previous.index));
    } catch {
      // Already gone.
    }
  }
  return { corpus: openCorpusIndex(path.join(folder, index)), problems, read, reused: false, ids, files, vocabulary: vocabularyKey };
}

/** What changes when a new build replaces the bundled corpus (dist/corpus.json): its size and time. */
export function bundledCorpusKey(distDir: string): string {
  try {
    const info = statSync(path.join(distDir, 'corpus.json'));
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** The bytes of the index a manifest names, if it is still there. */
function readPrevious(folder: string, manifest: Manifest): Uint8Array | undefined {
  try {
    return readFileSync(path.join(folder, manifest.index));
  } catch {
    return undefined;
  }
}

/** The sources of the index before with their passages, to be analysed again (when their entries are gone). */
function earlierSources(data: Uint8Array): () => Source[] {
  let sources: Source[] | undefined;
  return () => (sources ??= [...loadCorpusIndex(data).sources.values()]);
}

function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.format !== sourceCacheFormat || manifest.attest !== serverInfo.version || typeof manifest.index !== 'string' || !Array.isArray(manifest.problems) || !Array.isArray(manifest.ids) || typeof manifest.files !== 'object' || typeof manifest.vocabulary !== 'string') return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}
