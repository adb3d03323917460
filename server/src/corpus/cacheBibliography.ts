// Reference libraries through the cache of the writer's sources: a library's parsed entries
// are cached as its file's entry, so a start reads and parses the .bib again only when it
// changed; the files its entries attach are cached each as any source file (cacheLibrary.ts);
// and the entries' metadata is laid over those sources after they are loaded, a cheap step.
import * as path from 'node:path';
import type { Source, SourceProblem } from '../core/types';
import { librarySources, loadLibrary, type ReferenceLibrary } from './bibliography';
import type { FileKey, SourceCache } from './cache';
import { loadSourceFile, maxSourceBytes } from './loader';

/** The library's entries: from its cache entry while the file is unchanged, else read, parsed and cached. */
export async function cachedLibrary(file: string, key: FileKey | undefined, cache: SourceCache): Promise<ReferenceLibrary> {
  const entry = key && cache.get(key);
  if (entry && entry.kind === 'library') return entry.library;
  const library = await loadLibrary(file, maxSourceBytes);
  if (key) cache.set(key, { kind: 'library', library });
  return library;
}

/** The files the libraries' entries attach that are not among `listed` (absolute), sorted, each once. */
export function attachedFiles(libraries: readonly ReferenceLibrary[], listed: ReadonlySet<string>): string[] {
  return [...new Set(libraries.flatMap((l) => l.entries.flatMap((e) => e.files)))].filter((f) => !listed.has(f)).sort();
}

/** A source as loaded from its file (`raw`), and what it is checked as (`source`: with an entry's metadata, if one takes it). */
export interface LoadedFile<T> {
  raw: Source;
  source: Source;
  origin: T;
}

/**
 * The sources the libraries' entries make from the loaded files (bibliography.ts): the
 * writer's own files (`own`) and the attachments loaded for them (`attached`, by absolute
 * path). Each source keeps what it was loaded with (`origin`); an entry with no readable
 * file is a reference with no passages and no origin.
 */
export async function withLibraries<T>(
  libraries: readonly ReferenceLibrary[],
  own: readonly { raw: Source; origin: T }[],
  attached: ReadonlyMap<string, { raw: Source; origin: T } | { problem: SourceProblem }>,
): Promise<{ sources: { source: Source; raw?: Source; origin?: T }[]; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = [];
  const byRaw = new Map<Source, { raw: Source; origin: T }>(own.map((o) => [o.raw, o]));
  const made = await librarySources(
    libraries,
    own.map((o) => o.raw),
    async (file) => {
      const loaded = attached.get(file);
      if (!loaded) return loadSourceFile(file);
      if ('problem' in loaded) return loaded;
      byRaw.set(loaded.raw, loaded);
      problems.push(...loaded.raw.problems);
      return { source: loaded.raw };
    },
  );
  const byLocation = new Map([...byRaw.values()].flatMap((o) => (o.raw.location ? [[path.resolve(o.raw.location), o] as const] : [])));
  const sources = made.sources.map((source) => {
    const from = byRaw.get(source) ?? (source.entry && source.location ? byLocation.get(path.resolve(source.location)) : undefined);
    return from ? { source, raw: from.raw, origin: from.origin } : { source };
  });
  return { sources, problems: [...made.problems, ...problems] };
}
