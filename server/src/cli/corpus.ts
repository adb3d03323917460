// The CLI's corpus: bundled sources (unless --no-bundled), the .attestrc.json's and the
// command line's source folders, less excluded ids.
import * as path from 'node:path';
import type { Corpus } from '../core/corpus';
import { assembleCorpus } from '../corpus/assemble';
import { findSourceFiles, loadBundledCorpus, loadBundledSources, loadSourceFiles } from '../corpus/loader';
import { defaultSettings, findRcFile, readRcFile, type Settings } from '../settings';
import type { Source } from '../core/types';

export interface CorpusOptions {
  sources: string[];
  bundled: boolean;
  exclude: string[];
}

export interface CliCorpus {
  corpus: Corpus;
  settings: Settings;
  warnings: string[];
  sources: Source[];
  /** The project folder: where .attestrc.json is, or the current folder. */
  root: string;
}

export async function loadCliCorpus(options: CorpusOptions): Promise<CliCorpus> {
  const warnings: string[] = [];
  const rc = findRcFile(process.cwd());
  let settings = defaultSettings;
  if (rc) {
    const read = readRcFile(rc);
    settings = read.settings;
    warnings.push(...read.problems);
  }
  const useBundled = options.bundled && settings.bundledCorpus;
  const exclude = [...settings.excludeSources, ...options.exclude];
  const files = await findSourceFiles(process.cwd(), [...settings.sources, ...options.sources.map((s) => path.resolve(s))]);
  const own = await loadSourceFiles(files);
  // The bundled corpus alone loads from its prebuilt index; with other sources it is rebuilt with them.
  const assembled =
    useBundled && !own.sources.length && !exclude.length
      ? { corpus: loadBundledCorpus(__dirname), problems: [] }
      : assembleCorpus(useBundled ? loadBundledSources(__dirname) : [], own.sources, exclude);
  for (const problem of [...own.problems, ...assembled.problems]) {
    const where = path.relative(process.cwd(), problem.file) || problem.file;
    warnings.push(`${where}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`);
  }
  return { corpus: assembled.corpus, settings, warnings, sources: [...assembled.corpus.sources.values()], root: rc ? path.dirname(rc) : process.cwd() };
}
