// The server's sources: the bundled corpus plus the writer's folders, assembled into one
// corpus and checker. Reloads when settings or source files change; reports each problem
// with a source file once, each load's new problems together, and keeps working with the
// sources that did load. Settings that pick no file, or exclude an id no source has, are
// told once per configuration and kept for the Sources view while they last. The libraries
// the open drafts' front matter names are loaded too, but each draft is checked against its own.
import * as path from 'node:path';
import { createChecker, type Checker } from './core/checker';
import type { Source, SourceProblem } from './core/types';
import { assembleCorpus } from './corpus/assemble';
import { defaultCacheFolder, SourceCache } from './corpus/cache';
import { bundledCorpusKey, loadLibraryCorpus, type LibraryCorpus } from './corpus/cacheLibrary';
import { updateLibraryCorpus } from './corpus/cacheUpdate';
import { overlayCorpus } from './corpus/overlay';
import { isLibraryName } from './corpus/bibliography';
import { loadBundledCorpus, loadBundledSources, searchSourceFiles } from './corpus/loader';
import type { LoadedCorpus } from './corpus/indexReader';
import { isSourceName } from './corpus/readers';
import { unknownIdsMessage, unknownSourceIds, unmatchedSourcesMessage } from './corpus/sourceSettings';
import type { Corpus } from './core/retrieval/corpus';

export interface LibraryOptions {
  /** Folder holding corpus.json (the server bundle's folder). */
  distDir: string;
  /**
   * Called once per load that found new problems with source files (each problem is passed
   * once ever), with the files of the sources now in use.
   */
  onProblems(problems: readonly SourceProblem[], loaded: ReadonlySet<string>): void;
  /**
   * Called once per configuration whose settings pick no file or exclude an id no source
   * has, with those problems (their `file` is the setting's name), however often it reloads.
   */
  onSettingsProblems(problems: readonly SourceProblem[]): void;
  /** Called while the writer's sources are indexed (not when they come from the cache): files done of total, then done === total. */
  onIndexing?(done: number, total: number): void;
}

export interface LibraryConfig {
  roots: string[];
  sources: string[];
  bundledCorpus: boolean;
  excludeSources: string[];
  /** Where the index of the writer's sources is kept; empty for the default (cache.ts). */
  cacheFolder?: string;
  /**
   * Reference libraries the open drafts' `bibliography:` front matter names, absolute: loaded
   * with the sources, but checked against only by the drafts that name them (checkerFor).
   */
  bibliographies?: string[];
}

/** How long after a source is saved the index in the cache folder is brought up to date. */
const rebuildDelayMs = 1000;

export class SourceLibrary {
  private bundled: Source[] | undefined;
  private current: Checker;
  private files = new Set<string>();
  private folders: string[] = [];
  private reported = new Set<string>();
  private unreported: SourceProblem[] = [];
  private generation = 0;
  private key = JSON.stringify({ bundled: true, exclude: [] });
  private currentSettingsProblems: SourceProblem[] = [];
  private warnedConfig: string | undefined;
  private readonly changeListeners: (() => void)[] = [];
  private markConfigured!: () => void;
  /** Settles once the first configuration has loaded: until then, which files are sources is not known. */
  readonly configured = new Promise<void>((resolve) => (this.markConfigured = resolve));
  /** The index files in use: the current one, and the one before it, which an analysis made just before the switch may still read. */
  private openIndexes: LoadedCorpus[] = [];
  /** The library index last built or opened, which a few changed files are laid over, and the settings it was built for. */
  private built: LibraryCorpus | undefined;
  private builtFor: string | undefined;
  // The team library's sources fetched for the open drafts, checked against beside the corpus
  // last loaded (`base`), with the settings it was assembled with.
  private team: Source[] = [];
  private base: Corpus | undefined;
  private assembledWith = { bundledCorpus: true, excludeSources: [] as string[] };
  // The ids of the sources that come from libraries only drafts name (not the settings), by library file.
  private draftOnly = new Map<string, string[]>();
  // The checkers for drafts that do not name some of those libraries, by the libraries left out; made when first asked.
  private scoped = new Map<string, Checker>();

  constructor(private readonly options: LibraryOptions) {
    // At start the bundled corpus comes from its prebuilt index: nothing to re-analyse.
    let corpus: Corpus;
    try {
      corpus = loadBundledCorpus(options.distDir);
    } catch {
      corpus = assembleCorpus(this.loadBundled(), []).corpus;
    }
    this.base = corpus;
    this.current = createChecker({ corpus });
    this.report([]);
  }

  /** The checker against every source loaded, including every open draft's `bibliography:` libraries. */
  get checker(): Checker {
    return this.current;
  }

  /**
   * The checker for a draft whose front matter names `bibliographies` (absolute): the sources
   * of the libraries other drafts name, and the settings do not, are left out, as pandoc
   * would not see them when rendering this draft.
   */
  checkerFor(bibliographies: readonly string[]): Checker {
    const hidden = [...this.draftOnly.keys()].filter((file) => !bibliographies.includes(file) && this.draftOnly.get(file)!.length).sort();
    if (!hidden.length) return this.current;
    const key = hidden.join('\n');
    let checker = this.scoped.get(key);
    if (!checker) {
      const ids = new Set(hidden.flatMap((file) => this.draftOnly.get(file)!));
      checker = createChecker({ corpus: overlayCorpus(this.current.corpus, ids, []) });
      this.scoped.set(key, checker);
    }
    return checker;
  }

  get sources(): Source[] {
    return [...this.current.corpus.sources.values()];
  }

  /** What is wrong with the current configuration's sources settings. */
  get settingsProblems(): readonly SourceProblem[] {
    return this.currentSettingsProblems;
  }

  onDidChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Loads the configured sources; a newer call supersedes an older one still running. */
  async configure(config: LibraryConfig): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.load(config, generation);
    } finally {
      if (generation === this.generation) this.markConfigured();
    }
  }

  private async load(config: LibraryConfig, generation: number): Promise<void> {
    const resolved = (setting: string): string[] => config.roots.map((root) => path.resolve(root, setting));
    const patterns = config.sources.flatMap(resolved);
    const search = await searchSourceFiles(config.roots[0] ?? process.cwd(), patterns);
    const named = new Set(search.files.map((f) => path.resolve(f)));
    const draftOnly = (config.bibliographies ?? []).map((f) => path.resolve(f)).filter((f) => !named.has(f));
    const files = draftOnly.length ? [...search.files, ...draftOnly].sort() : search.files;
    // Without source files and with the same bundled set, the corpus is what it was.
    const key = JSON.stringify({ bundled: config.bundledCorpus, exclude: [...config.excludeSources].sort() });
    const unchanged = !files.length && !this.files.size && key === this.key;
    // The bundled sources are parsed only when a corpus is assembled with them or their ids are needed: a start without sources keeps the prebuilt index.
    const bundled = config.bundledCorpus && (!unchanged || config.excludeSources.length > 0) ? this.loadBundled() : [];
    // A few files saved or deleted: the index with them replaced at once, and brought up to date behind.
    // Not with a reference library, whose entries may take any file: its index is built again.
    const builtFor = JSON.stringify({ key, cacheFolder: config.cacheFolder ?? '' });
    const updated = files.length && this.built && builtFor === this.builtFor && !files.some(isLibraryName) ? await updateLibraryCorpus(this.built, files, config.excludeSources) : undefined;
    let loaded: { corpus: Corpus; problems: SourceProblem[]; ids: string[] } | undefined;
    if (updated) loaded = updated;
    else if (files.length && !unchanged) {
      const built = await this.build(config, files, bundled, generation, true);
      if (built && generation !== this.generation) built.corpus.close();
      else if (built) [this.built, this.builtFor] = [built, builtFor];
      loaded = built;
    } else if (!unchanged) loaded = { ...assembleCorpus(bundled, [], config.excludeSources), ids: [] };
    if (generation !== this.generation || (!unchanged && !loaded)) return;
    // The index in the cache folder brought up to date for the next start. This process keeps
    // checking against the overlay: a switch would drop the checks under way for nothing.
    // It waits a moment, so that the drafts' checks against the overlay go first.
    if (updated) {
      setTimeout(() => {
        if (generation === this.generation) void this.build(config, files, bundled, generation, false).then((rebuilt) => rebuilt?.corpus.close(), () => undefined);
      }, rebuildDelayMs);
    }
    const known = config.excludeSources.length ? [...(loaded?.ids ?? []), ...bundled.map((s) => s.meta.id)] : [];
    const unmatched = config.sources.filter((setting) => resolved(setting).every((p) => search.unmatched.includes(p)));
    const settingsProblems = sourcesSettingsProblems(config, unmatched, known);
    const settingsChanged = JSON.stringify(settingsProblems) !== JSON.stringify(this.currentSettingsProblems);
    this.currentSettingsProblems = settingsProblems;
    const configKey = JSON.stringify(config);
    if (settingsProblems.length && configKey !== this.warnedConfig) this.options.onSettingsProblems(settingsProblems);
    this.warnedConfig = configKey;
    if (!loaded) {
      if (settingsChanged) for (const listener of this.changeListeners) listener();
      return;
    }
    this.key = key;
    this.files = new Set(files.map((f) => path.resolve(f)));
    this.folders = patterns.filter((p) => !/[*?{[]/.test(p));
    this.assembledWith = { bundledCorpus: config.bundledCorpus, excludeSources: config.excludeSources };
    this.draftOnly = new Map(draftOnly.map((file) => [file, [] as string[]]));
    for (const [id, source] of loaded.corpus.sources) if (source.entry) this.draftOnly.get(path.resolve(source.entry.file))?.push(id);
    this.use(loaded.corpus);
    this.report(loaded.problems);
    for (const listener of this.changeListeners) listener();
  }

  /** The writer's sources indexed in the cache folder (cacheLibrary.ts); progress only for a first build, not one behind an update. */
  private build(config: LibraryConfig, files: string[], bundled: Source[], generation: number, progress: boolean): Promise<LibraryCorpus | undefined> {
    return loadLibraryCorpus({
      files,
      bundled,
      bundledKey: bundledCorpusKey(this.options.distDir),
      exclude: config.excludeSources,
      cache: new SourceCache(config.cacheFolder ? path.resolve(config.roots[0] ?? process.cwd(), config.cacheFolder) : defaultCacheFolder()),
      ...(progress && { onProgress: this.options.onIndexing }),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      superseded: () => generation !== this.generation,
    });
  }

  /** Checks against `corpus` from now on; an index file two corpora old is closed (an analysis made just before a switch may still read the one before). */
  private use(corpus: Corpus): void {
    this.base = corpus;
    this.current = createChecker({ corpus: this.team.length ? this.withTeam(corpus) : corpus });
    this.scoped.clear();
    if ('close' in corpus && !this.openIndexes.includes(corpus as LoadedCorpus)) this.openIndexes.push(corpus as LoadedCorpus);
    while (this.openIndexes.length > 2) this.openIndexes.shift()!.close();
  }

  /** Checks against these sources of the team library too, beside the writer's own (which win on a shared id) and the bundled ones. */
  setTeamSources(sources: Source[]): void {
    this.team = sources;
    if (this.base) this.use(this.base);
    for (const listener of this.changeListeners) listener();
  }

  /** `corpus` with the team library's sources: the writer's own win on a shared id, then the team's, then the bundled ones. */
  private withTeam(corpus: Corpus): Corpus {
    const own = [...corpus.sources.values()].filter((s) => !s.bundled);
    const { bundledCorpus, excludeSources } = this.assembledWith;
    return assembleCorpus(bundledCorpus ? this.loadBundled() : [], [...own, ...this.team], excludeSources).corpus;
  }

  /** True when a changed file may be one of the writer's sources. */
  concerns(file: string): boolean {
    const absolute = path.resolve(file);
    if (this.files.has(absolute)) return true;
    if (!isSourceName(absolute) && !/\.bib$/i.test(absolute)) return false;
    return this.folders.some((folder) => absolute.startsWith(folder + path.sep));
  }

  private loadBundled(): Source[] {
    if (!this.bundled) {
      try {
        this.bundled = loadBundledSources(this.options.distDir);
      } catch (error) {
        this.bundled = [];
        this.unreported.push({ file: path.join(this.options.distDir, 'corpus.json'), message: `The bundled corpus could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return this.bundled;
  }

  /** Passes on the problems not reported before, with any waiting, in one call. */
  private report(problems: readonly SourceProblem[]): void {
    const fresh = [...this.unreported.splice(0), ...problems].filter((problem) => {
      const key = `${problem.file}:${problem.line ?? ''}:${problem.message}`;
      if (this.reported.has(key)) return false;
      this.reported.add(key);
      return true;
    });
    if (!fresh.length) return;
    const loaded = new Set(this.sources.flatMap((s) => (s.location && path.isAbsolute(s.location) ? [path.resolve(s.location)] : [])));
    this.options.onProblems(fresh, loaded);
  }
}

/** The settings that pick the sources, named by setting: folders or globs that found no file, excluded ids no source has. */
function sourcesSettingsProblems(config: LibraryConfig, unmatched: readonly string[], known: readonly string[]): SourceProblem[] {
  const unknown = unknownSourceIds(config.excludeSources, known);
  return [
    ...unmatched.map((setting) => ({ file: 'attest.sources', message: unmatchedSourcesMessage(setting, path.isAbsolute(setting) ? undefined : config.roots) })),
    ...(unknown.length ? [{ file: 'attest.excludeSources', message: unknownIdsMessage(unknown, known) }] : []),
  ];
}
