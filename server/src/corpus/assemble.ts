// Puts a corpus together from the bundled sources and the writer's files, leaving out
// excluded ids. The writer's source wins over a bundled one with its id, with a warning on
// the writer's source; of two writer's sources with one id the first is used, the other
// reported.
import type { Corpus } from '../core/retrieval/corpus';
import type { Source, SourceProblem } from '../core/types';
import { buildCorpus } from './index';

export interface Assembled {
  corpus: Corpus;
  problems: SourceProblem[];
}

export function assembleCorpus(bundled: readonly Source[], own: readonly Source[], exclude: readonly string[] = []): Assembled {
  const chosen = chooseSources(bundled, own, exclude);
  return { corpus: buildCorpus(chosen.sources), problems: chosen.problems };
}

/** The sources a corpus of these is built from, in order, and the problems of those left out or overriding. */
export function chooseSources(bundled: readonly Source[], own: readonly Source[], exclude: readonly string[] = []): { sources: Source[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const excluded = new Set(exclude);
  const taken = new Map<string, Source>();
  for (const source of [...own, ...bundled]) {
    if (excluded.has(source.meta.id)) continue;
    const first = taken.get(source.meta.id);
    if (first && source.bundled && !first.bundled) {
      const problem = { file: first.location ?? first.meta.id, message: `This source has the id "${source.meta.id}" of the bundled source ${source.location ?? source.meta.title}, so it is checked against in place of that one. Give it its own "id" in the front matter to check against both.` };
      problems.push(problem);
      taken.set(source.meta.id, { ...first, problems: [...first.problems, problem] });
      continue;
    }
    if (first) {
      problems.push({ file: source.location ?? source.meta.id, message: `The source id "${source.meta.id}" is already used by ${first.location ?? 'another source'}; this file is ignored. Give it its own "id" in the front matter.` });
      continue;
    }
    taken.set(source.meta.id, source);
  }
  return { sources: [...taken.values()], problems };
}
