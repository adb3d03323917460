// The figure checker skips source sentences whose subjectCeiling is under the support
// threshold, so the ceiling must never be lower than what matchSubject finds: otherwise a
// source that should support or contradict a draft would be skipped without a word. And
// looking spelling variants up per passage must match as scanning each set does.
import { describe, expect, it } from 'vitest';
import { passageView, termsWithin } from '../../server/src/core/retrieval/passageView';
import { variantsIn } from '../../server/src/core/retrieval/spelling';
import { matchSubject, subjectCeiling, subjectProfile } from '../../server/src/core/retrieval/subject';
import { termsOf } from '../../server/src/core/claims/terms';
import { bundledCorpus } from './corpus';

const corpus = bundledCorpus();
const passages = corpus.passages.map((_, i) => passageView(i, corpus));

describe('subjectCeiling', () => {
  it('is never below the subject weight matchSubject finds, for any draft sentence against any source figure', () => {
    // Every sentence of the corpus as a draft, against the sentence of every source figure.
    const drafts = passages.flatMap((view) => view.sentences.map((s) => view.text.slice(s.start, s.end)));
    let compared = 0;
    let nonZero = 0;
    for (const draft of drafts) {
      const profile = subjectProfile(termsOf(draft, corpus.vocabulary), [], corpus.vocabulary, corpus.idf);
      for (const view of passages) {
        for (const figure of view.figures) {
          const sentence = view.sentences.find((s) => figure.start >= s.start && figure.start < s.end) ?? { start: 0, end: view.text.length };
          const near = termsWithin(view.terms, { start: figure.start - 80, end: figure.end + 80 });
          const clause = termsWithin(view.terms, sentence);
          const match = matchSubject(profile, clause, view.sentenceSet(sentence), view.termSet, near, corpus.vocabulary);
          const ceiling = subjectCeiling(profile, view.sentenceSet(sentence), view.termSet);
          expect(match.score * profile.total).toBeLessThanOrEqual(ceiling + 1e-9);
          // The checker looks spelling variants up once per passage: the same match either way.
          const variants = (term: string): string[] => variantsIn(view.termSet, term);
          expect(matchSubject(profile, clause, view.sentenceSet(sentence), view.termSet, near, corpus.vocabulary, variants)).toEqual(match);
          expect(subjectCeiling(profile, view.sentenceSet(sentence), view.termSet, variants)).toBe(ceiling);
          compared++;
          if (match.score > 0) nonZero++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10000);
    expect(nonZero).toBeGreaterThan(1000);
  });

  it('counts a one-letter spelling variant in the source sentence, as matchSubject does', () => {
    const profile = subjectProfile(termsOf('The road to Kashghar', corpus.vocabulary), [], corpus.vocabulary, () => 1);
    const sentence = new Set(termsOf('the road to Kashgar', corpus.vocabulary).map((t) => t.term));
    expect(subjectCeiling(profile, sentence, sentence)).toBe(profile.total);
    expect(matchSubject(profile, [...sentence].map((term) => ({ term, start: 0, end: 0 })), sentence, sentence, [], corpus.vocabulary).score).toBe(1);
  });
});

describe('termsWithin', () => {
  it('returns the terms wholly inside a span, as a filter over all of them would', () => {
    const view = passages.find((v) => v.terms.length > 50)!;
    for (const span of [{ start: 0, end: 40 }, { start: 17, end: 230 }, { start: view.terms[5]!.start, end: view.terms[9]!.end }, { start: view.text.length, end: view.text.length + 5 }]) {
      expect(termsWithin(view.terms, span)).toEqual(view.terms.filter((t) => t.start >= span.start && t.end <= span.end));
    }
  });
});
