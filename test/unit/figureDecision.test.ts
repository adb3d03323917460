// The figure checker does not match a source figure whose subject cannot reach Settled.needed():
// the score under which, given the candidates found so far, no candidate changes the verdict
// choose() gives. Checked here on many random sets of candidates, with scores on a coarse grid
// so that ties and scores right at the thresholds come up often.
import { describe, expect, it } from 'vitest';
import { choose, Settled, type Candidate } from '../../server/src/core/verdicts/figureDecision';
import type { Claim } from '../../server/src/core/types';

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

function candidates(next: () => number, count: number): { list: Candidate[]; cited: Set<Candidate> } {
  const cited = new Set<Candidate>();
  const list = Array.from({ length: count }, (_, i) => {
    const c = {
      score: Math.round((0.2 + 0.8 * next()) * 25) / 25,
      sentenceScore: Math.round(next() * 10) / 10,
      missing: next() < 0.8 ? 0 : Math.round(next() * 4) / 10,
      conflict: next() < 0.2,
      opposite: next() < 0.25,
      ...(next() < 0.1 && { promise: true }),
      compatible: next() < 0.5,
      periodAgrees: next() < 0.5,
      // choose() reads no more of the source than whether it is cited and, for a date, how precise it is.
      source: { passage: i, figure: { date: { year: 2019, ...(next() < 0.5 && { month: 11 }), ...(next() < 0.3 && { day: 30 }) } } },
    } as unknown as Candidate;
    if (next() < 0.5) cited.add(c);
    return c;
  });
  return { list, cited };
}

describe('Settled', () => {
  it('never passes over a candidate that would change the verdict', () => {
    const next = random(2026);
    let passedOver = 0;
    const verdicts = new Set<string>();
    for (let trial = 0; trial < 100000; trial++) {
      const kind: Claim['kind'] = next() < 0.7 ? 'figure' : 'date';
      const { list: found, cited } = candidates(next, Math.floor(next() * 7));
      const { list: [late], cited: lateCited } = candidates(next, 1);
      const settled = new Settled(kind);
      for (const c of found) settled.add(c, cited.has(c));
      if (late!.score >= settled.needed(late!.compatible)) continue;
      passedOver++;
      const isCited = (c: Candidate): boolean => cited.has(c) || lateCited.has(c);
      const without = choose(kind, found, isCited);
      const at = Math.floor(next() * (found.length + 1));
      const all = [...found.slice(0, at), late!, ...found.slice(at)];
      const withLate = choose(kind, all, isCited);
      expect(withLate?.verdict).toBe(without?.verdict);
      expect(withLate?.candidate).toBe(without?.candidate);
      expect(withLate?.opposite).toBe(without?.opposite);
      verdicts.add(without ? `${without.verdict}${without.opposite ? ' (opposite)' : ''}` : 'unsourced');
    }
    expect(passedOver).toBeGreaterThan(10000);
    expect([...verdicts].sort()).toEqual(['contradicted', 'contradicted (opposite)', 'supported', 'unsourced']);
  });
});

describe('choose', () => {
  const candidate = (score: number, compatible: boolean): Candidate =>
    ({ score, sentenceScore: score, missing: 0, conflict: false, opposite: false, compatible, periodAgrees: true, source: { passage: score } }) as unknown as Candidate;

  it("cites a slightly weaker match that has the source's footnote, but gives the verdict of the best match", () => {
    const best = candidate(0.61, false);
    const footnoted = candidate(0.55, false);
    const decision = choose('figure', [best, footnoted], (c) => c === footnoted);
    expect(decision?.verdict).toBe('contradicted');
    expect(decision?.candidate).toBe(footnoted);
  });
});
