// Ranks and places in a series: "the third most populous member", "the second-largest
// delegation", "ranks third by population", "the largest delegation", "the 11th session", "the
// second Belt and Road Forum". Each is a figure of kind 'rank' whose value is the place (1 for
// "largest") and whose unit says what is ranked: the superlative's dimension ("rank:size",
// "rank:population") or the event counted ("ordinal:session"). The noun a superlative ranks
// ("delegation") and the name of an event ("Belt and Road Forum") stay outside the figure, as
// subject words.
import type { Figure } from '../types';

const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
/** "second" or "Second": the first letter in either case, the rest as written. */
const anyCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const ordinalPattern = `(?:${ordinalWords.map(anyCase).join('|')}|\\d{1,3}(?:st|nd|rd|th))`;

/** Superlatives and the dimension they rank by. */
const dimensions: [RegExp, string][] = [
  [/^(?:largest|biggest)$/i, 'size'],
  [/^(?:smallest)$/i, 'smallness'],
  [/^most\s+populous$/i, 'population'],
  [/^least\s+populous$/i, 'smallness-of-population'],
  [/^(?:richest|wealthiest)$/i, 'wealth'],
  [/^(?:poorest)$/i, 'poverty'],
  [/^(?:longest)$/i, 'length'],
];
const superlative = 'largest|biggest|smallest|most\\s+populous|least\\s+populous|richest|wealthiest|poorest|longest';

/** "the third most populous", "second-largest", "the largest": an ordinal is optional, "the" or a possessive before it is not. */
const superlativeRank = new RegExp(`(?<=\\b(?:[Tt]he|an?|its|their|his|her|[A-Za-z]+['’]s)\\s+)(?:(${ordinalPattern})[\\s-]+)?(${superlative})\\b`, 'g');
/** "ranks third by population", "ranked second in size". */
const ranksAs = new RegExp(`\\brank(?:s|ed)?\\s+(?:as\\s+)?(${ordinalPattern})\\s+(?:by|in|for)\\s+(population|size)\\b`, 'g');
/** Events numbered in a series, after up to five words of their name: "the 11th session", "the second Belt and Road Forum". */
const seriesNouns = ['session', 'summit', 'forum', 'round', 'meeting', 'conference', 'congress', 'anniversary', 'plenum', 'edition', 'dialogue'].map(anyCase).join('|');
const ordinalEvent = new RegExp(`(?<=\\b[Tt]he\\s+)(${ordinalPattern})((?:[\\s-]+(?:[A-Z][\\w’'-]*|and|of|on))*?)[\\s-]+(${seriesNouns})s?\\b`, 'g');

/** After "largest": a population, or a noun ranked by its people. */
const ofPeople = /^\s+(?:populations?\b|[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:by|in)\s+(?:population|headcount|inhabitants|number of people)\b)/iu;

/** The place an ordinal names: "third" 3, "11th" 11. */
function place(ordinal: string | undefined): number {
  if (!ordinal) return 1;
  const word = ordinalWords.indexOf(ordinal.toLowerCase());
  return word >= 0 ? word + 1 : parseInt(ordinal, 10);
}

/** A word every rank needs: most sentences have none, and are not scanned further. */
const rankWord = /largest|biggest|smallest|populous|richest|wealthiest|poorest|longest|rank|session|summit|forum|round|meeting|conference|congress|anniversary|plenum|edition|dialogue/i;

/** The ranks in s (offsets shifted by `offset`), leaving out any that overlap `taken`. */
export function extractRanks(s: string, offset: number, taken: readonly Figure[]): Figure[] {
  const found: Figure[] = [];
  if (!rankWord.test(s)) return found;
  const add = (start: number, end: number, value: number, unit: string): void => {
    if (taken.some((f) => f.start - offset < end && f.end - offset > start) || found.some((f) => f.start - offset < end && f.end - offset > start)) return;
    found.push({ kind: 'rank', start: start + offset, end: end + offset, text: s.slice(start, end), value, unit, qualifier: 'exact', low: value, highBound: value });
  };
  for (const m of s.matchAll(ordinalEvent)) {
    const words = m[2]!.trim().split(/[\s-]+/).filter(Boolean);
    // Up to five words of a name between: "the second Belt and Road Forum".
    if (words.length > 5) continue;
    // The figure is the ordinal alone, so that the event's name stays a subject word.
    add(m.index!, m.index! + m[1]!.length, place(m[1]), `ordinal:${m[3]!.toLowerCase()}`);
  }
  for (const m of s.matchAll(superlativeRank)) {
    let dimension = dimensions.find(([pattern]) => pattern.test(m[2]!.replace(/\s+/g, ' ')))![1];
    // "the third-largest population", "the second-largest member by headcount": the size is of people.
    if (dimension === 'size' && ofPeople.test(s.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) dimension = 'population';
    add(m.index!, m.index! + m[0].length, place(m[1]), `rank:${dimension}`);
  }
  for (const m of s.matchAll(ranksAs)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    add(start, start + m[1]!.length, place(m[1]), `rank:${m[2]!.toLowerCase() === 'size' ? 'size' : 'population'}`);
  }
  return found;
}
