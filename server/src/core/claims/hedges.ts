// Qualifiers: the words before a figure that widen it into an interval ("over", "about",
// "at least"), and finding the one that qualifies a figure.
import type { Qualifier } from '../types';

export interface Hedge {
  qualifier: Qualifier;
  /** The interval is [low × lowest written value, high × highest written value]. */
  low: number;
  high: number;
  phrases: string[];
}

/**
 * How a hedge word widens a figure X (or a range lo–hi) into the interval it asserts. Open ends
 * ("over X" excludes X) are stored closed. An unhedged figure tolerates rounding instead: ±
 * half a unit of its last written digit ("$3.5 million" → [3.45, 3.55] million), at most 5%.
 */
export const hedges: readonly Hedge[] = [
  { qualifier: 'over', low: 1, high: 1.15, phrases: ['slightly more than', 'slightly over', 'slightly above', 'just over', 'just above', 'a little over', 'a little more than', 'barely exceeded', 'just exceeded', 'barely over', 'barely more than', 'marginally more than'] },
  { qualifier: 'nearly', low: 0.85, high: 1, phrases: ['nearly', 'almost', 'close to', 'just under', 'just below', 'just shy of', 'slightly less than', 'slightly under', 'slightly below'] },
  { qualifier: 'over', low: 1, high: 1.5, phrases: ['more than', 'over', 'above', 'in excess of', 'exceeding', 'exceeded', 'exceeds', 'surpassed', 'topped', 'upwards of', 'greater than', 'higher than'] },
  { qualifier: 'under', low: 0.5, high: 1, phrases: ['less than', 'fewer than', 'under', 'below', 'lower than'] },
  {
    qualifier: 'about',
    // "some $72 million" is not $62 million: a writer's "about" stays within a tenth.
    low: 0.9,
    high: 1.1,
    phrases: ['about', 'around', 'roughly', 'approximately', 'approx.', 'some', 'an estimated', 'estimated', 'circa', 'c.', 'ca.', '~', 'in the region of', 'on the order of'],
  },
  { qualifier: 'at-least', low: 1, high: 1.5, phrases: ['at least', 'no less than', 'not less than', 'no fewer than', 'a minimum of'] },
  { qualifier: 'at-most', low: 0.5, high: 1, phrases: ['at most', 'no more than', 'not more than'] },
  // "up to 100,000 barrels a day", "as many as 64": the figure named is the top the writer means, not any value below it.
  { qualifier: 'at-most', low: 0.75, high: 1, phrases: ['up to', 'a maximum of', 'as many as', 'as much as', 'as high as'] },
];
const hedgeByPhrase = new Map(hedges.flatMap((h) => h.phrases.map((p) => [p, h] as const)));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Leftmost match wins, so "slightly more than" beats "more than" and "no more than".
const hedgeBefore = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${[...hedgeByPhrase.keys()].map(escape).join('|')})\\s*$`, 'iu');
/** How far before a figure its hedge is looked for, in characters. */
export const hedgeWindow = 32;

/** The hedge written just before `anchor` in `s`, and where it starts. */
export function findHedge(s: string, anchor: number): (Hedge & { start: number }) | undefined {
  const window = s.slice(Math.max(0, anchor - hedgeWindow), anchor);
  const m = hedgeBefore.exec(window);
  if (!m) return undefined;
  const hedge = hedgeByPhrase.get(m[1]!.toLowerCase())!;
  return { ...hedge, start: anchor - window.length + m.index + m[0].indexOf(m[1]!) };
}
