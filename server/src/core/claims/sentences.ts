// Splits prose into sentences without breaking on abbreviations ("U.S.", "Dr.", "p."),
// initials, decimals or a full stop inside a quotation that the sentence continues past.
import type { Span } from '../types';

const abbreviations = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'pres', 'sen', 'rep', 'amb',
    'p', 'pp', 'vol', 'no', 'nos', 'fn', 'fig', 'ch', 'sec', 'para', 'ed', 'eds', 'trans', 'cf', 'ibid', 'al', 'etc', 'vs', 'viz',
    'e.g', 'i.e', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'rs', 'int\u2019l', "int'l", 'u.s', 'u.k', 'u.n', 'e.u',
  ],
);

const closers = '"\'\u201d\u2019)]';

/**
 * Sentence spans within text[from, to), trimmed of surrounding whitespace. With `quotations`,
 * a quotation of several sentences that closes in its paragraph stays in one sentence: a
 * draft's quotation is one claim. A source's sentences stay apart, so that each figure is
 * matched by the words of its own sentence.
 */
export function splitSentences(text: string, from = 0, to = text.length, quotations = false): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, from, to);
  // Whether a double quotation opened in this sentence is still open at i.
  let quoted = false;
  for (let i = start; i < to; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      push(spans, text, start, i);
      start = skipSpace(text, i, to);
      quoted = false;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\u201c') quoted = true;
    else if (ch === '\u201d') quoted = false;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (ch === '.' && !endsSentence(text, i)) continue;
    let end = i + 1;
    let closes = false;
    while (end < to && closers.includes(text[end]!)) {
      if (text[end] === '"' || text[end] === '\u201d') closes = true;
      end++;
    }
    if (end < to && !/\s/.test(text[end]!)) continue;
    // A quotation of several sentences is one claim: do not break inside it when it closes in the paragraph.
    if (quotations && quoted && !closes && closesLater(text, end, to)) continue;
    const next = skipSpace(text, end, to);
    if (next < to && !startsSentence(text[next]!)) continue;
    // A dateline is not a sentence of its own: "ISLAMABAD, September 18 [2024]. /TASS/. Russia supports …".
    if (datelineOnly.test(text.slice(start, end))) continue;
    push(spans, text, start, end);
    start = next;
    i = next - 1;
    quoted = false;
  }
  push(spans, text, start, to);
  return spans;
}

/** "ISLAMABAD, September 18 [2024]. /TASS/.": a place in capitals, a day, and perhaps an agency, as a report opens. */
const datelineOnly = /^\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40},\s+[\p{L}\d .]{3,20}(?:\s\[\d{4}\])?\.(?:\s*\/[^/\n]{1,20}\/\.?)?$/u;

/** How far ahead a quotation may close and still hold the sentence together. */
const quoteReach = 400;

/** A closing double quotation mark comes before the paragraph ends, within quoteReach. */
function closesLater(text: string, at: number, to: number): boolean {
  const limit = Math.min(to, at + quoteReach);
  for (let i = at; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === '\u201d') return true;
    if (ch === '\u201c' || (ch === '\n' && text[i + 1] === '\n')) return false;
  }
  return false;
}

function endsSentence(text: string, dot: number): boolean {
  // Decimal or a dotted number: "3.5", "10.03.2020".
  if (/\d/.test(text[dot - 1] ?? '') && /\d/.test(text[dot + 1] ?? '')) return false;
  // Inside an ellipsis; its last dot ends the sentence only if a new one starts after it.
  if (text[dot + 1] === '.') return false;
  const word = wordBefore(text, dot);
  if (!word) return true;
  const lower = word.toLowerCase();
  if (abbreviations.has(lower)) return false;
  // A single capital is an initial ("V. Putin", "Vladimir M. Morozov").
  if (/^[A-Z]$/.test(word)) return false;
  // Dotted acronyms ("U.S.", "e.g.") rarely end a sentence in the prose we check.
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return false;
  return true;
}

function wordBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0 && /[A-Za-z.\u2019']/.test(text[s - 1]!)) s--;
  return text.slice(s, dot).replace(/^\.+/, '');
}

function startsSentence(ch: string): boolean {
  return /[A-Z0-9"'\u201c\u2018(\[*_#$€£]/.test(ch) || /\p{Lu}/u.test(ch);
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i]!)) i++;
  return i;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

/** "It", "This", "Its cost", "However, they": a sentence whose subject is in the sentence before it. */
/** "the country", "the nation's": a country named before. */
const countryNoun = String.raw`the\s+(?:country|nation|republic|kingdom)(?:['’]s)?`;
const pronounOpening = new RegExp(String.raw`^(?:(?:however|but|and|yet|still|now|today|so|thus|meanwhile),?\s+)?(?:(?:once|when|if|after|upon)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?,?\s+|(?:in|by)\s+\d{4},?\s+)?(?:it|its|this|that|they|their|these|those|his|her|${countryNoun})\b`, 'iu');
const countryOpening = new RegExp(String.raw`^(?:(?:in|by)\s+\d{4},?\s+)?${countryNoun}\b`, 'iu');

/** The span opens, perhaps after its year, with "the country" or "the nation": a country the sentence before names. */
export function opensWithCountry(text: string, span: Span): boolean {
  return countryOpening.test(text.slice(span.start, Math.min(span.end, span.start + 40)));
}
/** Not when the pronoun is a dummy subject ("It is likely that …"), "this" names a time ("This year …") or "that" opens a phrase ("That said, …"). */
const notPointingBack = /^(?:(?:however|but|and|yet|still|now|today|so|thus|meanwhile),?\s+)?(?:it\s+(?:(?:should|must|can|could|would|may|might|will)\s+be|is|was|has been|had been|seems|remains|appears)\s+(?:not\s+)?(?:pointed|noted|said|argued|recalled|stressed|clear|likely|unlikely|possible|impossible|true|important|worth|expected|said|reported|estimated|believed|thought|hoped|time|hard|difficult|easy|necessary|notable|noteworthy)\b|(?:this|that|these)\s+(?:year|month|week|decade|time|spring|summer|autumn|winter|morning|quarter)s?\b|that\s+said\b)/i;

/** "the two nations aim to increase bilateral trade", "both sides agreed", "trade between the two countries", "two-way trade": a pair named before. */
const pairReference = /\b(?:(?:the\s+two|both)\s+(?:countries|nations|sides|governments|states|neighbou?rs|partners|capitals)|bilateral|two-way)\b/i;

/** The sentence before `spans[index]`, when both are in one paragraph. */
function sentenceBefore(spans: readonly Span[], index: number, text: string): Span | undefined {
  const sentence = spans[index];
  const before = spans[index - 1];
  return sentence && before && !text.slice(before.end, sentence.start).includes('\n\n') ? before : undefined;
}

/**
 * The sentence before `sentence` among `spans` when `sentence` opens with a pronoun that points
 * back to it, or with "the country" ("In 2023 the country imported …"), perhaps after a short
 * clause of time or condition ("Once open it could haul …", "In 2024 it carried …"); both in one
 * paragraph.
 */
export function antecedentOf(spans: readonly Span[], index: number, text: string): Span | undefined {
  const before = sentenceBefore(spans, index, text);
  if (!before) return undefined;
  const sentence = spans[index]!;
  const opening = text.slice(sentence.start, Math.min(sentence.end, sentence.start + 80));
  return pronounOpening.test(opening) && !notPointingBack.test(opening) ? before : undefined;
}

/**
 * When `spans[index]` speaks of "the two countries", "both sides" or "bilateral trade": the
 * sentence before it in its paragraph that may name the pair, past sentences that only speak of
 * "the two countries" too ("Commerce between the two countries remains thin. Two-way trade was …").
 */
export function pairSentenceOf(spans: readonly Span[], index: number, text: string): Span | undefined {
  const refersToPair = (i: number): boolean => speaksOfPair(text, spans[i]!);
  if (!spans[index] || !refersToPair(index)) return undefined;
  let at = index;
  for (let before = sentenceBefore(spans, at, text); before; before = sentenceBefore(spans, at, text)) {
    at--;
    if (!refersToPair(at) || !sentenceBefore(spans, at, text)) return before;
  }
  return undefined;
}

/** The span speaks of "the two countries", "both sides" or "bilateral trade" (pairReference). */
export function speaksOfPair(text: string, span: Span): boolean {
  return pairReference.test(text.slice(span.start, span.end));
}

/** The sentence a figure (or any span) starts in, else the whole text. */
export function sentenceOf(spans: readonly Span[], at: Span, text: string): Span {
  return spans.find((s) => at.start >= s.start && at.start < s.end) ?? { start: 0, end: text.length };
}
