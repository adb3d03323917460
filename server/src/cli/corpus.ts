// The CLI's corpus: bundled sources (unless --no-bundled), the .attestrc.json's and the
// command line's source folders, less excluded ids. A folder or glob that finds no file,
// and an excluded id that no source has, are reported rather than silently ignored.
import * as path from 'node:path';
import type { Corpus } from '../core/retrieval/corpus';
import { assembleCorpus } from '../corpus/assemble';
import { defaultCacheFolder, SourceCache } from '../corpus/cache';
import { bundledCorpusKey, loadLibraryCorpus, type LibraryCorpus } from '../corpus/cacheLibrary';
import { findSourceFiles, loadBundledCorpus, loadBundledSources, loadSourceFiles } from '../corpus/loader';
import { quotedIds, sourcesListed, unknownIdsMessage, unknownSourceIds, unmatchedSourcesMessage } from '../corpus/sourceSettings';
import { defaultSettings, rcFileFor, readRcFile, type Settings } from '../settings';

export interface CorpusOptions {
  sources: string[];
  bundled: boolean;
  exclude: string[];
  /** Use the cache folder's index of the sources (the default); false reads every file. */
  cache?: boolean;
}

export interface CliCorpus {
  corpus: Corpus;
  settings: Settings;
  warnings: string[];
  /** The project folder: where .attestrc.json is, or the current folder. */
  root: string;
}

export async function loadCliCorpus(options: CorpusOptions): Promise<CliCorpus> {
  const warnings: string[] = [];
  const rc = rcFileFor(process.cwd(), true);
  let settings = defaultSettings;
  if (rc) {
    const read = readRcFile(rc);
    settings = read.settings;
    warnings.push(...read.problems);
  }
  const useBundled = options.bundled && settings.bundledCorpus;
  const exclude = [...settings.excludeSources, ...options.exclude];
  const files = new Set<string>();
  for (const [pattern, origin] of [...settings.sources.map((s) => [s, rc] as const), ...options.sources.map((s) => [path.resolve(s), '--sources'] as const)]) {
    const found = await findSourceFiles(process.cwd(), [pattern]);
    if (!found.length) warnings.push(`${origin}: ${unmatchedSourcesMessage(shown(pattern))}`);
    found.forEach((f) => files.add(f));
  }
  const sorted = [...files].sort();
  const cached = options.cache !== false && sorted.length ? await cachedCorpus(sorted, useBundled, exclude, settings, rc) : undefined;
  const own = cached ? { sources: [], problems: [] } : await loadSourceFiles(sorted);
  // The bundled corpus alone loads from its prebuilt index; with other sources it is rebuilt with them.
  const bundled = useBundled && (own.sources.length || exclude.length) && !cached ? loadBundledSources(__dirname) : [];
  const known = cached ? [...cached.ids, ...(useBundled ? loadBundledSources(__dirname).map((s) => s.meta.id) : [])] : [...own.sources, ...bundled].map((s) => s.meta.id);
  const unknown = (ids: readonly string[]): string[] => unknownSourceIds(ids, known);
  if (unknown(options.exclude).length) throw new Error(`--exclude-source: ${unknownIdsMessage(unknown(options.exclude), known)}`);
  if (unknown(settings.excludeSources).length) warnings.push(`${rc}: "excludeSources" names ${quotedIds(unknown(settings.excludeSources))}, which no source has; ${sourcesListed(known)}.`);
  const assembled = cached
    ? cached
    : useBundled && !own.sources.length && !exclude.length
      ? { corpus: loadBundledCorpus(__dirname), problems: [] }
      : assembleCorpus(bundled, own.sources, exclude);
  for (const problem of [...own.problems, ...assembled.problems]) {
    warnings.push(`${shown(problem.file)}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
  }
  return { corpus: assembled.corpus, settings, warnings, root: rc ? path.dirname(rc) : process.cwd() };
}

/** The sources from the cache folder's index, which this run brings up to date. */
async function cachedCorpus(files: string[], useBundled: boolean, exclude: string[], settings: Settings, rc: string | undefined): Promise<LibraryCorpus> {
  const folder = settings.cacheFolder ? path.resolve(rc ? path.dirname(rc) : process.cwd(), settings.cacheFolder) : defaultCacheFolder();
  const bundled = useBundled ? loadBundledSources(__dirname) : [];
  // Never superseded: without `superseded` a load always resolves to a corpus.
  return (await loadLibraryCorpus({ files, bundled, bundledKey: bundledCorpusKey(__dirname), exclude, cache: new SourceCache(folder) }))!;
}

/** A path relative to the current folder when it is inside it. */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
