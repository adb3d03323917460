// The figure checker stops matching source figures once the ones it has found settle the
// verdict (Settled in figureDecision.ts). That must never change a verdict or its evidence:
// here every figure claim of the papers' own sentences, of the same sentences with their
// figures changed, and of the paraphrased evaluation claims is judged both ways.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../server/src/core/retrieval/corpus';
import { extractClaims } from '../../server/src/core/claims/claims';
import { judgeFigure } from '../../server/src/core/verdicts/figureVerdict';
import { extractFigures } from '../../server/src/core/claims/figures';
import { forgetPassageViews } from '../../server/src/core/retrieval/passageView';
import { termsOf } from '../../server/src/core/claims/terms';
import { bundledCorpus } from './corpus';

const corpus = bundledCorpus();

/** The corpus, counting the passages whose terms the checker reads (one per passage it matches against). */
function counting(): { corpus: Corpus; read: () => number } {
  let read = 0;
  const wrapped: Corpus = { ...corpus, terms: (p) => (read++, corpus.terms(p)) };
  return { corpus: wrapped, read: () => read };
}

function drafts(): string[] {
  const sentences = corpus.passages.flatMap((p, i) => corpus.sentences(i).map((s) => p.text.slice(s.start, s.end)));
  // The same sentences with a figure's first digit changed (contradictions, or nothing), with
  // a digit left out (close figures, other units), and about other countries.
  const changed = sentences.flatMap((s) => [
    s.replace(/\d/, (d) => String((Number(d) + 3) % 10)),
    s.replace(/(\d)\d/, '$1'),
    s.replace(/\b(Pakistan|Russia|China|India)\b/g, (c) => ({ Pakistan: 'India', Russia: 'China', China: 'Russia', India: 'Pakistan' })[c]!),
  ]);
  const paraphrased = readFileSync(path.resolve(__dirname, '..', 'eval', 'claims.paraphrased.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  return [...sentences, ...changed, ...paraphrased];
}

function judgeAll(texts: string[], against: Corpus, exhaustive: boolean): string[] {
  return texts.flatMap((text) =>
    extractClaims(text, 0, text.length, { citations: [] })
      .filter((claim) => claim.kind !== 'quote')
      .map((claim) => {
        const { start, end } = claim.sentence;
        // Each claim reads its passages afresh, so that the count is of passages matched per claim.
        forgetPassageViews(against);
        const v = judgeFigure(claim, text, termsOf(text, against.vocabulary, start, end), extractFigures(text, start, end), against, { exhaustive });
        return JSON.stringify([text.slice(claim.start, claim.end), v.verdict, v.evidence]);
      }),
  );
}

describe('judgeFigure', () => {
  it('gives the same verdicts and evidence when it stops at the candidates that settle the verdict', () => {
    const texts = drafts();
    const pruned = counting();
    const every = counting();
    const verdicts = judgeAll(texts, pruned.corpus, false);
    expect(verdicts).toEqual(judgeAll(texts, every.corpus, true));
    const kinds = new Set(verdicts.map((v) => (JSON.parse(v) as string[])[1]));
    expect([...kinds].sort()).toEqual(['contradicted', 'supported', 'unsourced']);
    expect(verdicts.length).toBeGreaterThan(100);
    // And it did stop early: fewer passages were read.
    expect(pruned.read()).toBeLessThan(every.read() * 0.9);
  });
});
