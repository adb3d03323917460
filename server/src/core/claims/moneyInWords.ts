// Money written in words rather than digits: "billions of dollars", "several billion dollars",
// "between a quarter and half a billion dollars". Read after the figures written with numbers,
// from the same stretch of text (`s`, starting at `offset` in the document).
import type { Figure } from '../types';

/** Money written without a number: "billions of dollars", "several billion dollars", "hundreds of millions of dollars". */
const vagueMoney = /\b(?:(several|a few|a couple of)\s+(hundred\s+)?(billion|million|trillion)|(?:(tens|hundreds)\s+of\s+)?(billions|millions|trillions)\s+of)\s+(?:US\s+|U\.S\.\s+)?dollars\b/gi;
const vagueScale: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * "billions of dollars": at least two billion and under a thousand; "several billion": two to
 * ten; "several hundred million": two hundred to a thousand million; "tens of billions": ten to
 * a hundred; "hundreds of millions": a hundred to a thousand.
 * A figure a source can support, and one far outside its bounds can contradict. Not where
 * `figures` already read something.
 */
export function vagueAmounts(s: string, offset: number, figures: readonly Figure[]): Figure[] {
  const found: Figure[] = [];
  vagueMoney.lastIndex = 0;
  for (let m = vagueMoney.exec(s); m; m = vagueMoney.exec(s)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (figures.some((f) => f.start - offset < end && f.end - offset > start)) continue;
    const scale = vagueScale[(m[3] ?? m[5]!).toLowerCase().replace(/s$/, '')]!;
    const [low, high] = m[2] ? [200, 1000] : m[1] ? [2, 10] : m[4]?.toLowerCase() === 'tens' ? [10, 100] : m[4] ? [100, 1000] : [2, 1000];
    found.push({ kind: 'money', start: start + offset, end: end + offset, text: m[0], value: low * scale, unit: 'USD', qualifier: 'about', low: low * scale, highBound: high * scale, vague: true });
  }
  return found;
}

const fractionRange = /\bbetween\s+((a\s+quarter|a\s+third|a\s+half|half)\s+(?:and|to)\s+(half|three[- ]quarters)\s+(?:of\s+)?an?\s+(billion|million)\s+(?:US\s+)?dollars)\b/gi;

/** "between a quarter and half a billion dollars": one range, whose low end borrows the high end's scale; it replaces what `figures` read inside it ("half a billion dollars"). */
export function fractionRanges(s: string, offset: number, figures: Figure[]): void {
  fractionRange.lastIndex = 0;
  for (let m = fractionRange.exec(s); m; m = fractionRange.exec(s)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].length;
    const scale = m[4]!.toLowerCase() === 'billion' ? 1e9 : 1e6;
    const part = (words: string): number => (/half/i.test(words) ? 0.5 : /three/i.test(words) ? 0.75 : /third/i.test(words) ? 1 / 3 : 0.25);
    const [low, high] = [part(m[2]!) * scale, part(m[3]!) * scale];
    if (!(high > low)) continue;
    for (let i = figures.length - 1; i >= 0; i--) if (figures[i]!.start - offset < end && figures[i]!.end - offset > start) figures.splice(i, 1);
    figures.push({ kind: 'money', start: start + offset, end: end + offset, text: s.slice(start, end), value: low, unit: 'USD', qualifier: 'exact', low, highBound: high, high });
  }
}
