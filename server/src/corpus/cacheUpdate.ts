// A few sources saved, added or deleted since the library index was built: the index with
// those sources replaced (overlay.ts), ready in the time it takes to read them, while the
// index in the cache folder is brought up to date behind it. Anything else (many files, a
// source taking an id in use, other acronyms) needs the index built again: undefined.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../core/retrieval/corpus';
import type { Source, SourceProblem } from '../core/types';
import { acronymsKey } from './cache';
import type { LibraryCorpus } from './cacheLibrary';
import { loadSourceFile } from './loader';
import { overlayCorpus } from './overlay';

/** More changed files than this and the index is built again instead. */
const maxChanged = 20;

export interface UpdatedLibrary {
  corpus: Corpus;
  problems: SourceProblem[];
  ids: string[];
}

export async function updateLibraryCorpus(built: LibraryCorpus, files: readonly string[], exclude: readonly string[]): Promise<UpdatedLibrary | undefined> {
  const now = new Map<string, [number, number]>();
  for (const file of files) {
    try {
      const info = statSync(file);
      now.set(path.resolve(file), [info.size, info.mtimeMs]);
    } catch {
      // Gone since it was found: left out as a deleted file.
    }
  }
  const changed = [...now].filter(([file, key]) => built.files[file]?.[0] !== key[0] || built.files[file]?.[1] !== key[1]).map(([file]) => file);
  const gone = Object.keys(built.files).filter((file) => !now.has(file));
  if (!changed.length && !gone.length) return undefined;
  if (changed.length + gone.length > maxChanged) return undefined;
  const touched = new Set([...changed, ...gone]);

  const removed = new Set<string>();
  for (const [id, source] of built.corpus.sources) if (!source.bundled && source.location && touched.has(path.resolve(source.location))) removed.add(id);
  const problems = built.problems.filter((problem) => !touched.has(path.resolve(problem.file)));
  const added: Source[] = [];
  const excluded = new Set(exclude);
  for (const file of changed) {
    const result = await loadSourceFile(file);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    problems.push(...result.source.problems);
    if (excluded.has(result.source.meta.id)) continue;
    const id = result.source.meta.id;
    // An id already in use is the full build's to settle and report.
    if ((built.corpus.sources.has(id) && !removed.has(id)) || added.some((s) => s.meta.id === id)) return undefined;
    added.push(result.source);
  }
  const acronyms: Record<string, string> = {};
  for (const [id, source] of built.corpus.sources) if (!removed.has(id)) Object.assign(acronyms, source.acronyms);
  for (const source of added) Object.assign(acronyms, source.acronyms);
  if (acronymsKey(acronyms) !== built.vocabulary) return undefined;
  const ids = [...built.ids.filter((id) => !removed.has(id)), ...added.map((s) => s.meta.id)];
  return { corpus: overlayCorpus(built.corpus, removed, added), problems, ids };
}
