// A small seeded slice of `npm run fuzz`: generated and edited drafts must not crash the
// checker, and a checker that has seen every draft before must report what a fresh one does.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../scripts/fuzz';
import { bundledCorpus } from './corpus';

describe('fuzzed drafts', () => {
  it('neither crash the checker nor make a long-lived checker disagree with a fresh one', () => {
    const report = fuzz({ count: 30, seed: 16, corpus: bundledCorpus() });
    expect(report.versions).toBe(120);
    expect(report.failures.filter((f) => f.kind !== 'slow').map((f) => `${f.kind} in draft ${f.draft}: ${f.message.split('\n')[0]}`)).toEqual([]);
  }, 120_000);
});
