// The writer's library as one corpus index kept in the cache folder (cache.ts), so that a
// start whose files have not changed opens it instead of reading, parsing and analysing
// every file, and a changed file costs that file alone: the others are appended from their
// cached entries, as analysed before. A manifest beside the index lists the files' sizes
// and modification times it was built from; any difference rebuilds it. Analyses depend on
// the acronyms all sources define (terms.ts folds them): an entry analysed with another set
// is analysed again from its cached passages, without reading the file. A reference library's
// attached files are indexed as any file, under their entries' metadata (cacheBibliography.ts).
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { createVocabulary } from '../core/claims/terms';
import type { Source, SourceProblem } from '../core/types';
import { serverInfo } from '../version';
import { chooseSources } from './assemble';
import { acronymsKey, hashOf, sourceCacheFormat, writeAtomically, type FileKey, type SourceCache } from './cache';
import { analysePassage } from './index';
import { indexSources, loadCorpusIndex, openCorpusIndex, type LoadedCorpus } from './indexReader';
import { CorpusIndexWriter } from './indexWriter';
import { isLibraryName, type ReferenceLibrary } from './bibliography';
import { attachedFiles, cachedLibrary, withLibraries } from './cacheBibliography';
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
  const keys = await fileKeys(input.files, input.pause);
  // Reference libraries' entries, and the files they attach, read through the cache as the other files are.
  const libraries: ReferenceLibrary[] = [];
  for (let i = 0; i < input.files.length; i++) if (isLibraryName(input.files[i]!)) libraries.push(await cachedLibrary(input.files[i]!, keys[i], input.cache));
  const attachments = attachedFiles(libraries, new Set(input.files.map((f) => path.resolve(f))));
  const all = [...input.files, ...attachments];
  keys.push(...(await fileKeys(attachments, input.pause)));
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
  // Only the sources' metadata is kept meanwhile; entries are read again when appended. A
  // source a library entry took is in the index before under the entry's metadata, so it is
  // taken from its file's cache entry instead: the entry, edited since or not, is laid over afresh.
  type Origin = { key?: FileKey; earlier?: number };
  const own: { raw: Source; origin: Origin }[] = [];
  const attached = new Map<string, { raw: Source; origin: Origin } | { problem: SourceProblem }>();
  const problems: SourceProblem[] = [];
  const total = all.length;
  let work = 0;
  let shown = false;
  const progress = (done: number): void => {
    if (work <= progressFrom && !shown) return;
    shown = true;
    input.onProgress?.(done, total);
  };
  let read = 0;
  for (let i = 0; i < total; i++) {
    const file = all[i]!;
    const attachment = i >= input.files.length;
    const loaded = (result: { raw: Source; origin: Origin } | { problem: SourceProblem }): void => {
      if (attachment) attached.set(path.resolve(file), result);
      else if ('problem' in result) problems.push(result.problem);
      else {
        own.push(result);
        problems.push(...result.raw.problems);
      }
    };
    const key = keys[i];
    const was = key && previous?.files?.[key.file];
    const at = key && was && was[0] === key.size && was[1] === key.mtimeMs ? earlierAt.get(key.file) : undefined;
    const kept = at !== undefined ? earlier!.sources[at]! : undefined;
    // A library was read above; a missing attachment is its entry's problem (bibliography.ts).
    if (attachment ? !key : isLibraryName(file)) continue;
    if (kept && !bundledIds.has(kept.meta.id) && !kept.entry) {
      loaded({ raw: kept, origin: { key, earlier: at } });
      continue;
    }
    const entry = key && input.cache.get(key);
    const stored = entry && entry.kind === 'source' ? indexSources(entry.index)[0] : undefined;
    if (entry && entry.kind === 'problem') loaded({ problem: entry.problem });
    else if (stored) loaded({ raw: stored, origin: { key, ...(kept && { earlier: at }) } });
    else {
      read++;
      work++;
      const result = await loadSourceFile(file);
      if ('problem' in result) {
        loaded(result);
        if (key) input.cache.set(key, { kind: 'problem', problem: result.problem });
      } else loaded({ raw: result.source, origin: { key } });
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

  const made = libraries.length ? await withLibraries(libraries, own, attached) : { sources: own.map((o) => ({ ...o, source: o.raw })), problems: [] };
  problems.push(...made.problems);
  const chosen = chooseSources(input.bundled, made.sources.map((o) => o.source), input.exclude);
  problems.push(...chosen.problems);
  const acronyms: Record<string, string> = {};
  for (const source of chosen.sources) Object.assign(acronyms, source.acronyms);
  const vocabularyKey = acronymsKey(acronyms);
  const vocabulary = createVocabulary(acronyms);
  // Other acronyms change how every passage folds its terms: nothing analysed before is kept but entries, analysed again.
  const sameVocabulary = previous?.vocabulary === vocabularyKey;
  const byId = new Map<string, (typeof made.sources)[number]>();
  for (const o of made.sources) if (!byId.has(o.source.meta.id)) byId.set(o.source.meta.id, o);

  for (let i = 0; i < chosen.sources.length; i++) {
    const source = chosen.sources[i]!;
    const mine = source.bundled ? undefined : byId.get(source.meta.id);
    const raw = mine?.raw;
    const origin = mine?.origin;
    // The index before stores each source under the id it had there, its passages too: kept only for the same id.
    const at = sameVocabulary ? (source.bundled ? earlierAt.get(`bundled:${source.meta.id}`) : origin?.earlier) : undefined;
    const kept = at !== undefined && earlier!.sources[at]!.meta.id === source.meta.id ? at : undefined;
    const cached = kept === undefined && origin?.key ? input.cache.get(origin.key) : undefined;
    const entry = cached && cached.kind === 'source' ? cached : undefined;
    if (kept !== undefined) {
      earlier!.append(kept, source.bundled || source === earlier!.sources[kept] ? undefined : () => source);
    } else if (entry && entry.vocabulary === vocabularyKey && raw?.meta.id === source.meta.id) {
      writer.appendIndex(entry.index, source === raw ? undefined : () => source);
    } else if (entry && entry.vocabulary === vocabularyKey) {
      // An entry's citation key in place of the file's own id: the passages re-labelled, their analyses as cached.
      const one = loadCorpusIndex(entry.index);
      const passages = [...one.sources.values()][0]!.passages;
      writer.addSource({ ...source, passages: passages.map((p) => ({ ...p, sourceId: source.meta.id, text: p.text })) }, passages.map((p) => ({ sentences: [...one.sentences(p.index)], figures: [...one.figures(p.index)], terms: [...one.terms(p.index)] })));
    } else {
      work++;
      // Parsed now, or cached with other acronyms: its passages come from the entry.
      const passages = entry ? [...loadCorpusIndex(entry.index).sources.values()][0]!.passages : origin?.earlier !== undefined ? fromEarlier!()[origin.earlier]!.passages : source.passages;
      const full = passages === source.passages ? source : { ...source, passages: passages.map((p) => ({ ...p, sourceId: source.meta.id, text: p.text })) };
      const analyses = full.passages.map((p) => analysePassage(p.text, vocabulary));
      writer.addSource(full, analyses);
      const key = origin?.key;
      if (key && raw) {
        // Cached as the file gave it, whatever entry takes it now.
        const one = new CorpusIndexWriter();
        one.addSource({ ...raw, passages: full.passages.map((p) => ({ ...p, sourceId: raw.meta.id })) }, analyses);
        input.cache.set(key, { kind: 'source', vocabulary: vocabularyKey, index: one.toBytes() });
      }
      // Its text is in the index writer now: a first build does not hold every file's text twice until
      // the end. (The bundled sources are the caller's, and kept.)
      if (raw) {
        raw.passages = [];
        source.passages = [];
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
  const ids = made.sources.map((o) => o.source.meta.id);

  const index = `${name}-${fingerprint.slice(0, 20)}.index`;
  try {
    mkdirSync(folder, { recursive: true });
    writer.writeFile(path.join(folder, index));
    writeAtomically(manifestFile, JSON.stringify({ format: sourceCacheFormat, attest: serverInfo.version, fingerprint, index, problems, ids, files, vocabulary: vocabularyKey, bundled: input.bundledKey, exclude: [...input.exclude] } satisfies Manifest));
  } catch {
    // A cache folder that cannot be written: the corpus is kept in memory instead.
    return { corpus: loadCorpusIndex(writer.toBytes()), problems, read, reused: false, ids, files, vocabulary: vocabularyKey };
  }
  // The entries of the files the index before was built from that are gone from disk: nothing will ask for them again.
  for (const file of Object.keys(previous?.files ?? {})) if (!(file in files) && !existsSync(file)) input.cache.delete(file);
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

/** Each file's size and modification time, or undefined for a file that cannot be looked at. */
async function fileKeys(list: readonly string[], pause: (() => Promise<void>) | undefined): Promise<(FileKey | undefined)[]> {
  const keys: (FileKey | undefined)[] = [];
  for (let i = 0; i < list.length; i++) {
    try {
      const info = statSync(list[i]!);
      keys.push({ file: path.resolve(list[i]!), size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      keys.push(undefined);
    }
    if (i % 2000 === 1999) await pause?.();
  }
  return keys;
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
