// rankPassages scores passages a block at a time; the ranking must be exactly the one that
// scoring each list in turn over all passages gives, across the blocks' edges too.
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../server/src/core/retrieval/corpus';
import { listsPassage, rankPassages } from '../../server/src/core/retrieval/retrieval';

/** A corpus of `passages` passages whose terms follow a steep frequency curve, from a fixed seed. */
function fakeCorpus(passages: number, seed: number): { corpus: Corpus; terms: string[] } {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const terms = Array.from({ length: 60 }, (_, i) => `term${i}`);
  const lists = new Map<string, number[]>();
  terms.forEach((term, i) => {
    // term0 is in about 2 passages, term59 in about half of them.
    const share = Math.min(0.5, 2 / passages * 1.25 ** i);
    lists.set(term, Array.from({ length: passages }, (_, p) => p).filter(() => next() < share));
  });
  const corpus = {
    passages: Array.from({ length: passages }, () => ({})),
    passagesWithTerm: (term: string) => lists.get(term) ?? [],
    idf: (term: string) => Math.log(1 + passages / (1 + (lists.get(term)?.length ?? 0))),
  } as unknown as Corpus;
  return { corpus, terms };
}

/** Every list read whole, as the ranking was first written. */
function bruteForce(terms: string[], corpus: Corpus, limit: number): { passage: number; score: number }[] {
  const rarest = [...new Set(terms)]
    .map((term) => ({ term, weight: corpus.idf(term), count: corpus.passagesWithTerm(term).length }))
    .filter((t) => t.count > 0)
    .sort((a, b) => a.count - b.count)
    .slice(0, 8);
  let postings = 0;
  const within = rarest.filter((t, i) => (postings += t.count) <= 40000 || i < 2);
  const scores = new Map<number, number>();
  for (const { term, weight } of within) for (const p of corpus.passagesWithTerm(term)) scores.set(p, (scores.get(p) ?? 0) + weight);
  return [...scores].map(([passage, score]) => ({ passage, score })).sort((a, b) => b.score - a.score || a.passage - b.passage).slice(0, limit);
}

describe('rankPassages', () => {
  it('ranks exactly as scoring every posting list would, for rare and common terms alike', () => {
    for (const [passages, seed] of [[20000, 7], [40000, 3], [900, 5]] as const) {
      const { corpus, terms } = fakeCorpus(passages, seed);
      let state = 99;
      const pick = (): string => terms[(state = (state * 48271) % 2147483647) % terms.length]!;
      for (let query = 0; query < 100; query++) {
        const asked = Array.from({ length: 3 + (query % 9) }, pick);
        for (const limit of [1, 6, 40]) expect(rankPassages(asked, corpus, limit)).toEqual(bruteForce(asked, corpus, limit));
      }
    }
  });

  it("finds passages at every position, blocks' edges included", () => {
    const edges = [0, 1, 4095, 4096, 8191, 8192, 16383, 16384, 16385, 32767, 32768, 65535, 65536, 99999];
    const corpus = {
      passages: Array.from({ length: 100000 }, () => ({})),
      passagesWithTerm: (term: string) => (term === 'rare' ? edges : []),
      idf: () => 1,
    } as unknown as Corpus;
    expect(rankPassages(['rare', 'absent'], corpus, 40).map((r) => r.passage)).toEqual(edges);
  });

  it('finds a passage in a posting list by search', () => {
    const list = [2, 3, 5, 8, 13, 21];
    expect(list.map((p) => listsPassage(list, p))).toEqual(list.map(() => true));
    expect([0, 4, 22].map((p) => listsPassage(list, p))).toEqual([false, false, false]);
  });
});
