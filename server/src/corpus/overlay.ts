// A corpus index with a few of its sources replaced, without writing it again: what the
// server checks against a moment after a source is saved, while the index in the cache
// folder is brought up to date behind it. The replaced sources' passages stay in place but
// are never found (no term, figure or sentence); the new ones follow the index's passages.
// The new passages are analysed with the index's vocabulary, so the replaced sources must
// not change the acronyms all the sources define (the caller rebuilds the index then).
import type { Term } from '../core/claims/terms';
import type { Corpus } from '../core/retrieval/corpus';
import { variantsIn } from '../core/retrieval/spelling';
import type { Figure, Passage, Source, Span } from '../core/types';
import { analysePassage, startsLowerCase, type PassageAnalysis } from './index';
import { lazyList } from './indexLazy';

/** The base's sources less the removed, then the added: looked up in the base when asked, never copied (the base may hold them on disk). */
class OverlaySources implements ReadonlyMap<string, Source> {
  constructor(
    private readonly base: ReadonlyMap<string, Source>,
    private readonly removed: ReadonlySet<string>,
    private readonly added: ReadonlyMap<string, Source>,
  ) {}
  get size(): number {
    let kept = this.base.size;
    for (const id of this.removed) if (this.base.has(id)) kept--;
    return kept + this.added.size;
  }
  get(id: string): Source | undefined {
    return this.added.get(id) ?? (this.removed.has(id) ? undefined : this.base.get(id));
  }
  has(id: string): boolean {
    return this.added.has(id) || (!this.removed.has(id) && this.base.has(id));
  }
  *keys(): IterableIterator<string> {
    for (const id of this.base.keys()) if (!this.removed.has(id)) yield id;
    yield* this.added.keys();
  }
  *values(): IterableIterator<Source> {
    for (const id of this.keys()) yield this.get(id)!;
  }
  *entries(): IterableIterator<[string, Source]> {
    for (const id of this.keys()) yield [id, this.get(id)!];
  }
  [Symbol.iterator](): IterableIterator<[string, Source]> {
    return this.entries();
  }
  forEach(callback: (value: Source, key: string, map: ReadonlyMap<string, Source>) => void, thisArg?: unknown): void {
    for (const [id, source] of this.entries()) callback.call(thisArg, source, id, this);
  }
}

export function overlayCorpus(base: Corpus, removed: ReadonlySet<string>, added: readonly Source[]): Corpus {
  const first = base.passages.length;
  const dead = new Uint8Array(first);
  let live = first;
  // A source's passages are its own (buildCorpus keeps a source's passages under its id), so only the removed sources' passages are read.
  for (const id of removed) {
    for (const passage of base.sources.get(id)?.passages ?? []) {
      if (!dead[passage.index]) live--;
      dead[passage.index] = 1;
    }
  }
  const addedSources = new Map<string, Source>();
  const sources = new OverlaySources(base.sources, removed, addedSources);
  const passages: Passage[] = [];
  const analyses: PassageAnalysis[] = [];
  const byTerm = new Map<string, number[]>();
  const common = new Set<string>();
  for (const source of added) {
    if (sources.has(source.meta.id)) continue;
    const own = source.passages.map((passage, k) => ({ ...passage, index: first + passages.length + k }));
    addedSources.set(source.meta.id, { ...source, passages: own });
    for (const passage of own) {
      passages.push(passage);
      const analysis = analysePassage(passage.text, base.vocabulary);
      analyses.push(analysis);
      for (const word of analysis.terms) if (startsLowerCase(passage.text, word)) common.add(word.term);
      for (const term of new Set(analysis.terms.map((t) => t.term))) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = []));
        list.push(passage.index);
      }
    }
  }

  const postings = new Map<string, readonly number[]>();
  const passagesWithTerm = (term: string): readonly number[] => {
    let list = postings.get(term);
    if (!list) {
      const kept = base.passagesWithTerm(term);
      const mine = byTerm.get(term) ?? [];
      list = removed.size ? [...Array.prototype.filter.call(kept, (p: number) => !dead[p]), ...mine] as number[] : mine.length ? [...kept, ...mine] : kept;
      postings.set(term, list);
    }
    return list;
  };
  const inBase = (term: string): boolean => Array.prototype.some.call(base.passagesWithTerm(term), (p: number) => !dead[p]);
  const total = Math.max(live + analyses.length, 1);
  const at = (p: number): PassageAnalysis | undefined => (p >= first ? analyses[p - first] : undefined);
  const none: never[] = [];
  return Object.freeze({
    sources,
    passages: lazyList(first + passages.length, (p) => (p < first ? base.passages[p]! : passages[p - first]!)),
    vocabulary: base.vocabulary,
    sentences: (p: number): readonly Span[] => (p < first ? (dead[p] ? none : base.sentences(p)) : (at(p)?.sentences ?? none)),
    figures: (p: number): readonly Figure[] => (p < first ? (dead[p] ? none : base.figures(p)) : (at(p)?.figures ?? none)),
    terms: (p: number): readonly Term[] => (p < first ? (dead[p] ? none : base.terms(p)) : (at(p)?.terms ?? none)),
    passagesWithTerm,
    variants: (term: string) => [...new Set([...base.variants(term), ...variantsIn(byTerm.keys(), term)])],
    idf: (term: string) => Math.log(1 + total / (1 + passagesWithTerm(term).length)),
    isName: (term: string) => {
      const here = byTerm.has(term);
      const there = inBase(term);
      if (!here && !there) return false;
      // The index knows a term written in lower case somewhere as no name.
      return !(here && common.has(term)) && !(there && !base.isName(term) && base.passagesWithTerm(term).length > 0);
    },
  });
}
