// The acronyms a source defines: "Eurasian Economic Union (EAEU)" → EAEU. Linear in the text:
// the words before each "(ACRONYM)" are looked for within a bounded window, never from every
// position.
import type { Passage } from '../core/types';

export function findAcronyms(passages: Passage[]): Record<string, string> {
  const acronyms: Record<string, string> = {};
  for (const passage of passages) {
    for (const { words, acronym } of acronymDefinitions(passage.text)) {
      const expansion = expand(acronym, words.split(/[\s-]+/));
      if (expansion && !(acronym in acronyms)) acronyms[acronym] = expansion;
    }
  }
  return acronyms;
}

const acronymInParentheses = /\(([A-Z][A-Za-z&+-]{1,9})\)/g;
const letter = /^\p{L}/u;
/** A code unit that can be part of such words: letters (or half of one), apostrophes, hyphens, "&". */
const wordCharacter = /[\p{L}’'&\-\uD800-\uDFFF]/u;
const smallWords = ['and', 'of', 'for', 'the', '&'];
/** How far before "(ACRONYM)" its words are looked for; nine words are never longer. */
const longestWords = 400;
const tenWords = (1 << 10) - 1;
const twoToNineWords = tenWords & ~1 & ~(1 << 9);

/**
 * Each "(ACRONYM)" with the two to nine words before it, each capitalised (hyphens and all) or
 * "and", "of", "for", "the" or "&", joined by spaces or hyphens: the matches of
 * /\b((?:W)(?:[\s-]+(?:W)){1,8})\s+\(([A-Z][A-Za-z&+-]{1,9})\)/gu, W such a word, found from
 * each parenthesis back instead, since that expression tries every way of splitting
 * hyphenated words from every word boundary in the text.
 */
function acronymDefinitions(text: string): { words: string; acronym: string }[] {
  const found: { words: string; acronym: string }[] = [];
  let after = 0;
  for (const m of text.matchAll(acronymInParentheses)) {
    let end = m.index;
    while (end > after && /\s/.test(text[end - 1]!)) end--;
    if (end === m.index) continue;
    const start = firstWordsStart(text, wordsFrom(text, Math.max(after, end - longestWords), end), end);
    if (start === undefined) continue;
    found.push({ words: text.slice(start, end), acronym: m[1]! });
    after = m.index + m[0].length;
  }
  return found;
}

/**
 * Where nine words before `end` can start at the earliest: the text the words can be made of,
 * back from `end` over at most nine pieces between spaces that are more than hyphens.
 */
function wordsFrom(text: string, from: number, end: number): number {
  let i = end;
  let pieces = 0;
  let inPiece = false;
  while (i > from) {
    const c = text[i - 1]!;
    if (/\s/.test(c)) {
      if (inPiece && ++pieces === 9) break;
      inPiece = false;
    } else if (!wordCharacter.test(c)) break;
    else if (c !== '-') inPiece = true;
    i--;
  }
  return i;
}

/**
 * The first word boundary in [from, end) from which two to nine such words run to `end`.
 * A hyphenated run ("Turkmenistan-Afghanistan-Pakistan") may be one word or several, so for
 * each position the pass keeps which word counts can reach `end` (bit n - 1 for n words),
 * working back from `end`: every position depends only on those after it.
 */
function firstWordsStart(text: string, from: number, end: number): number | undefined {
  const { runEnd, counts, viaHyphen } = scratch;
  for (let i = end - 1; i >= from; i--) {
    const at = i - from;
    const stop = (runEnd[at] = inWordRun(text, i) ? (i + 1 < end && runEnd[at + 1]! ? runEnd[at + 1]! : i + 1) : 0);
    const later = i + 1 < stop ? viaHyphen[at + 1]! : 0;
    viaHyphen[at] = stop ? later | (text.charCodeAt(i) === 45 ? countsAfterWord(text, i, from, end) : 0) : 0;
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) counts[at] = countsAfterWord(text, stop, from, end) | later;
    else {
      const small = smallWordAt(text, i);
      counts[at] = small && i + small <= end ? countsAfterWord(text, i + small, from, end) : 0;
    }
  }
  for (let i = from; i < end; i++) {
    if (isWordCode(text.charCodeAt(i - 1)) !== isWordCode(text.charCodeAt(i)) && counts[i - from]! & twoToNineWords) return i;
  }
  return undefined;
}

/** Arrays for firstWordsStart, indexed from its `from`; a window is never longer than longestWords. */
const scratch = { runEnd: new Int32Array(longestWords), counts: new Int32Array(longestWords), viaHyphen: new Int32Array(longestWords) };

/** The word counts that can reach `end` after a word that ends at `k`. */
function countsAfterWord(text: string, k: number, from: number, end: number): number {
  if (k === end) return 1;
  let next = k;
  while (next < end && isSeparator(text.charCodeAt(next))) next++;
  return next > k && next < end ? (scratch.counts[next - from]! << 1) & tenWords : 0;
}

/** The length of "and", "of", "for", "the" or "&" at `i`, or 0. */
function smallWordAt(text: string, i: number): number {
  for (const word of smallWords) if (text.startsWith(word, i)) return word.length;
  return 0;
}

/** Whether the code unit at `i` belongs to a run of letters, apostrophes and hyphens. */
function inWordRun(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39 || code === 45;
  if (code === 0x2019) return true;
  // Half of a letter outside the Basic Multilingual Plane is judged with its other half.
  const start = code >= 0xdc00 && code <= 0xdfff && i > 0 ? i - 1 : i;
  return letter.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** [\s-] */
function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** \w: an ASCII letter, digit or underscore (NaN, before the text, is none). */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * The longest run of capitalised words before "(ACRONYM)", at most one per letter, whose
 * first word starts with the acronym's first letter: "Russian-led Eurasian Economic Union (EAEU)"
 * gives "Eurasian Economic Union".
 */
function expand(acronym: string, words: string[]): string | undefined {
  const letters = acronym.replace(/[^A-Z]/g, '').length;
  let best: string | undefined;
  let capitals = 0;
  for (let start = words.length - 1; start >= 0 && capitals < letters; start--) {
    const word = words[start]!;
    if (!/^[A-Z]/.test(word)) continue;
    capitals++;
    if (word[0] === acronym[0] && capitals * 2 >= letters) best = words.slice(start).join(' ');
  }
  return best;
}
