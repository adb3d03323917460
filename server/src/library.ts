// The server's sources: the bundled corpus plus the writer's folders, assembled into one
// corpus and checker. Reloads when settings or source files change; reports each problem
// with a source file once, each load's new problems together, and keeps working with the
// sources that did load.
import * as path from 'node:path';
import { createChecker, type Checker } from './core/checker';
import type { Source, SourceProblem } from './core/types';
import { assembleCorpus } from './corpus/assemble';
import { findSourceFiles, loadBundledCorpus, loadBundledSources, loadSourceFiles } from './corpus/loader';
import type { Corpus } from './core/retrieval/corpus';

export interface LibraryOptions {
  /** Folder holding corpus.json (the server bundle's folder). */
  distDir: string;
  /**
   * Called once per load that found new problems with source files (each problem is passed
   * once ever), with the files of the sources now in use.
   */
  onProblems(problems: readonly SourceProblem[], loaded: ReadonlySet<string>): void;
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
  private readonly changeListeners: (() => void)[] = [];

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

  onDidChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Loads the configured sources; a newer call supersedes an older one still running. */
  async configure(config: LibraryConfig): Promise<void> {
    const generation = ++this.generation;
    const patterns = config.roots.flatMap((root) => config.sources.map((s) => path.resolve(root, s)));
    const files = await findSourceFiles(config.roots[0] ?? process.cwd(), patterns);
    // Without source files and with the same bundled set, the corpus is what it was.
    const key = JSON.stringify({ bundled: config.bundledCorpus, exclude: [...config.excludeSources].sort() });
    if (!files.length && !this.files.size && key === this.key) return;
    const loaded = await loadSourceFiles(files);
    if (generation !== this.generation) return;
    this.key = key;
    const assembled = assembleCorpus(config.bundledCorpus ? this.loadBundled() : [], loaded.sources, config.excludeSources);
    this.files = new Set(files.map((f) => path.resolve(f)));
    this.folders = patterns.filter((p) => !/[*?{[]/.test(p));
    this.current = createChecker({ corpus: assembled.corpus });
    this.report([...loaded.problems, ...assembled.problems]);
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
