// The server's sources: the bundled corpus plus the writer's folders, assembled into one
// corpus and checker. Reloads when settings or source files change; reports each problem
// with a source file once, each load's new problems together, and keeps working with the
// sources that did load. Settings that pick no file, or exclude an id no source has, are
// told once per configuration and kept for the Sources view while they last.
import * as path from 'node:path';
import { createChecker, type Checker } from './core/checker';
import type { Source, SourceProblem } from './core/types';
import { assembleCorpus } from './corpus/assemble';
import { loadBundledCorpus, loadBundledSources, loadSourceFiles, searchSourceFiles } from './corpus/loader';
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
}

export interface LibraryConfig {
  roots: string[];
  sources: string[];
  bundledCorpus: boolean;
  excludeSources: string[];
}

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
  // What the corpus was last assembled from, so that the team library's sources can join it.
  private assembledFrom: { bundledCorpus: boolean; own: Source[]; excludeSources: string[] } = { bundledCorpus: true, own: [], excludeSources: [] };
  private team: Source[] = [];

  constructor(private readonly options: LibraryOptions) {
    // At start the bundled corpus comes from its prebuilt index: nothing to re-analyse.
    let corpus: Corpus;
    try {
      corpus = loadBundledCorpus(options.distDir);
    } catch {
      corpus = assembleCorpus(this.loadBundled(), []).corpus;
    }
    this.current = createChecker({ corpus });
    this.report([]);
  }

  get checker(): Checker {
    return this.current;
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
    const resolved = (setting: string): string[] => config.roots.map((root) => path.resolve(root, setting));
    const patterns = config.sources.flatMap(resolved);
    const search = await searchSourceFiles(config.roots[0] ?? process.cwd(), patterns);
    const files = search.files;
    // Without source files and with the same bundled set, the corpus is what it was.
    const key = JSON.stringify({ bundled: config.bundledCorpus, exclude: [...config.excludeSources].sort() });
    const unchanged = !files.length && !this.files.size && key === this.key;
    const loaded = unchanged ? undefined : await loadSourceFiles(files);
    if (generation !== this.generation) return;
    const known = config.excludeSources.length ? [...(loaded?.sources ?? []), ...(config.bundledCorpus ? this.loadBundled() : [])].map((s) => s.meta.id) : [];
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
    this.assembledFrom = { bundledCorpus: config.bundledCorpus, own: loaded.sources, excludeSources: config.excludeSources };
    const assembled = assembleCorpus(config.bundledCorpus ? this.loadBundled() : [], [...loaded.sources, ...this.team], config.excludeSources);
    this.files = new Set(files.map((f) => path.resolve(f)));
    this.folders = patterns.filter((p) => !/[*?{[]/.test(p));
    this.current = createChecker({ corpus: assembled.corpus });
    this.report([...loaded.problems, ...assembled.problems]);
    for (const listener of this.changeListeners) listener();
  }

  /** Checks against these sources of the team library too, beside the writer's own (which win on a shared id) and the bundled ones. */
  setTeamSources(sources: Source[]): void {
    this.team = sources;
    const { bundledCorpus, own, excludeSources } = this.assembledFrom;
    this.current = createChecker({ corpus: assembleCorpus(bundledCorpus ? this.loadBundled() : [], [...own, ...sources], excludeSources).corpus });
    for (const listener of this.changeListeners) listener();
  }

  /** True when a changed file may be one of the writer's sources. */
  concerns(file: string): boolean {
    const absolute = path.resolve(file);
    if (this.files.has(absolute)) return true;
    if (!/\.(md|markdown|txt)$/i.test(absolute)) return false;
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
