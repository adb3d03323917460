// Reads numbers as they are written in prose — digits ("3,000", "5.8"), number words
// ("seventy-five", "a hundred") and scale words ("billion", "bn") — tells them from the digits
// of names, codes and references ("Vision 2030", "SSJ-100", "pp. 9–22"), and writes them back.
import { isMonthName } from './dates';

/** A number as written, before any unit. */
export interface WrittenNumber {
  start: number;
  end: number;
  value: number;
  /**
   * One unit of the last digit as written, times the scale: 1 for "64", 0.1 for "3.5",
   * 1e9 for "60 billion", 100 for "two hundred". Half of it is the rounding tolerance.
   */
  step: number;
  /** Spelled out ("four", "seventy-five", "a hundred"). */
  word: boolean;
  /** Digits only, no separators or decimals: a candidate year ("2016", not "2,016"). */
  plain: boolean;
  /** The factor of the scale word or abbreviation that followed ("billion", "bn", "m"); 1 when none. */
  scale: number;
}

/** Thousands grouped by commas or the narrow spaces typesetters use ("3,000", "3\u202f000"); never a leading zero ("007"). */
const digits = /(?:[1-9]\d{0,2}(?:([,\u00a0\u2009\u202f])\d{3})(?:\1\d{3})*|0|[1-9]\d*)(?:\.\d+)?(?!\d)/y;

const ones = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const belowHundred = new RegExp(`(?:(${tens.join('|')})(?:[- ](${ones.slice(1, 10).join('|')}))?|(${ones.join('|')}))(?![A-Za-z])`, 'iy');
/** "a" counts as one only before a multiplier: "a hundred", "a million". */
const articleOne = /a(?=\s+(?:dozen|hundred|thousand|million|billion|trillion)(?![A-Za-z]))/iy;
const hundred = /\s+hundred(?![A-Za-z])/iy;
const hundredRest = /\s+(?:and\s+)?/iy;

/** "half a", "a quarter of a", "three-quarters of a", "two-thirds of a": a share of the scale or unit that follows. */
const fraction = /(?:(?:a|one)\s+)?(half|quarter|third)(?:\s+of)?\s+an?\s+|(three)[- ]quarters\s+of\s+an?\s+|(two)[- ]thirds\s+of\s+an?\s+/iy;
const fractions: Record<string, number> = { half: 1 / 2, quarter: 1 / 4, third: 1 / 3, three: 3 / 4, two: 2 / 3 };

/** Number words that may start a figure, lowercase or capitalised; the scanner looks for these. */
export const numberWordPattern = `(?:${[...tens, ...ones.slice(1)].map(anyCase).join('|')})(?![A-Za-z])|[Aa]\\s+(?:dozen|hundred|thousand|million|billion|trillion)(?![A-Za-z])|(?:[Aa]\\s+|[Oo]ne\\s+)?[Hh]alf\\s+an?\\s|(?:[Aa]\\s+|[Oo]ne\\s+)?(?:[Qq]uarter|[Tt]hird)\\s+of\\s+an?\\s|[Tt]hree[- ]quarters\\s+of\\s|[Tt]wo[- ]thirds\\s+of\\s`;

function anyCase(word: string): string {
  return `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1)}`;
}

const scaleWords: Record<string, number> = {
  dozen: 12, thousand: 1e3, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7, million: 1e6, billion: 1e9, trillion: 1e12,
  mn: 1e6, bn: 1e9, tn: 1e12, mln: 1e6, bln: 1e9, trln: 1e12,
};
// "USD10-billion", "a $14-billion plan": a hyphen may join the number to its scale word.
// Wire services abbreviate as "mln", "bln" and "trln" ("$1 bln").
const scaleWord = /(?:\s*|-)(dozen|thousand|lakhs?|crores?|million|billion|trillion)(?![A-Za-z])|\s?(mn|bn|tn|mln|bln|trln)(?![A-Za-z])/iy;
/** Only money writes "$500m", "$5b", "$50k"; elsewhere "500m" is metres, so these must be glued to a money figure. */
const moneyLetter = /([mbk])(?![A-Za-z])/iy;
const moneyLetters: Record<string, number> = { m: 1e6, b: 1e9, k: 1e3 };

/** The number (with its scale) written at `at`, if any. */
export function readNumber(text: string, at: number, money = false): WrittenNumber | undefined {
  const bare = readDigits(text, at) ?? readWords(text, at);
  return bare && withScale(text, bare, money);
}

function readDigits(text: string, at: number): WrittenNumber | undefined {
  digits.lastIndex = at;
  const m = digits.exec(text);
  if (!m) return undefined;
  const written = m[0];
  const point = written.indexOf('.');
  const decimals = point < 0 ? 0 : written.length - point - 1;
  return {
    start: at,
    end: at + written.length,
    value: Number(written.replace(/[,\u00a0\u2009\u202f]/g, '')),
    step: 10 ** -decimals,
    word: false,
    plain: /^\d+$/.test(written),
    scale: 1,
  };
}

function readWords(text: string, at: number): WrittenNumber | undefined {
  fraction.lastIndex = at;
  const share = fraction.exec(text);
  if (share) {
    const value = fractions[(share[1] ?? share[2] ?? share[3]!).toLowerCase()]!;
    return { start: at, end: fraction.lastIndex, value, step: value, word: true, plain: false, scale: 1 };
  }
  let value: number;
  let end: number;
  articleOne.lastIndex = at;
  if (articleOne.exec(text)) {
    value = 1;
    end = articleOne.lastIndex;
  } else {
    const small = readBelowHundred(text, at);
    if (!small) return undefined;
    ({ value, end } = small);
  }
  let step = 1;
  hundred.lastIndex = end;
  if (hundred.exec(text)) {
    value *= 100;
    step = 100;
    end = hundred.lastIndex;
    hundredRest.lastIndex = end;
    const rest = hundredRest.exec(text) ? readBelowHundred(text, hundredRest.lastIndex) : undefined;
    if (rest && rest.value > 0) {
      value += rest.value;
      step = 1;
      end = rest.end;
    }
  }
  return { start: at, end, value, step, word: true, plain: false, scale: 1 };
}

function readBelowHundred(text: string, at: number): { value: number; end: number } | undefined {
  belowHundred.lastIndex = at;
  const m = belowHundred.exec(text);
  if (!m) return undefined;
  const value = m[3] ? ones.indexOf(m[3].toLowerCase()) : (tens.indexOf(m[1]!.toLowerCase()) + 2) * 10 + (m[2] ? ones.indexOf(m[2].toLowerCase()) : 0);
  return { value, end: belowHundred.lastIndex };
}

function withScale(text: string, number: WrittenNumber, money: boolean): WrittenNumber {
  scaleWord.lastIndex = number.end;
  const m = scaleWord.exec(text);
  let factor: number | undefined;
  let end = number.end;
  if (m) {
    factor = scaleWords[(m[1] ?? m[2]!).toLowerCase()];
    end = scaleWord.lastIndex;
  } else if (money && !number.word) {
    moneyLetter.lastIndex = number.end;
    const letter = moneyLetter.exec(text);
    if (letter) {
      factor = moneyLetters[letter[1]!.toLowerCase()];
      end = moneyLetter.lastIndex;
    }
  }
  if (factor === undefined) return number;
  const scaled = { ...number, end, value: number.value * factor, step: number.step * factor, scale: factor };
  // "nine thousand five hundred", "two thousand and forty": the hundreds after a thousand written in words.
  if (number.word && factor === 1000) {
    hundredRest.lastIndex = end;
    const rest = hundredRest.exec(text) && hundredRest.lastIndex > end ? readWords(text, hundredRest.lastIndex) : undefined;
    scaleWord.lastIndex = rest?.end ?? 0;
    if (rest && rest.value >= 1 && rest.value < 1000 && !scaleWord.exec(text)) return { ...scaled, end: rest.end, value: scaled.value + rest.value, step: rest.step };
  }
  return scaled;
}

/** Scale a plain number the way its partner in a range is scaled: "$250-500 million". */
export function rescale(number: WrittenNumber, like: WrittenNumber): WrittenNumber {
  const factor = like.scale;
  return { ...number, value: number.value * factor, step: number.step * factor, scale: factor };
}

// ---------------------------------------------------------------------------
// Numbers in context

/** Capitalised words that may precede a number without making it part of a name ("In 2016", but "Vision 2030"). */
const notNames = new Set(
  (
    'in on at by to of for from with without into since until till during before after between within through throughout across against among amid ' +
    'over under about around roughly approximately some nearly almost only just up down above below beyond circa early late mid end ' +
    'the a an its their our his her this that these those each every another both all and or but yet so as if when while whereas although though ' +
    'than then also still even already now today overall total last next first per more less fewer estimated exactly precisely fy ' +
    'spring summer autumn fall winter'
  ).split(' '),
);
/** Words before a reference number, not a figure: "pp. 9–22", "no. 3", "Article 5". */
const referenceWords = new Set(
  'p pp no nos vol vols fn fns art para paras sec ch chap fig figs № § page pages volume chapter section article table footnote note issue edition ed version ver phase round session line route flight room item number'.split(' '),
);

/** The word right before `at`, across whitespace only ("in 2016" → "in"; "(2016" → none). */
export function wordBefore(s: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && /[ \t\n\u00a0]/.test(s[end - 1]!)) end--;
  if (end === at || end === 0) return undefined;
  let start = end;
  while (start > 0 && !/\s/.test(s[start - 1]!)) start--;
  return s.slice(start, end).replace(/^[“"‘'(\[]+/, '');
}

/**
 * The word before a number makes it a name or a reference, not a figure: a capitalised word that
 * is not a preposition or month ("Strategy 2050", "Superjet 100"), or "pp.", "no.", "vol.".
 */
export function namesOrRefers(word: string): boolean {
  if (referenceWords.has(word.toLowerCase().replace(/\.$/, ''))) return true;
  return /^[A-Z][A-Za-z]*$/.test(word) && !notNames.has(word.toLowerCase()) && !isMonthName(word);
}

/** Digits inside a code, URL, DOI or model name: "G20", "SSJ-100", "10.17976/jpps/2020.03.02", "c_1385" (but not Markdown's "_2016_"). */
export function inIdentifier(s: string, at: number): boolean {
  const before = s[at - 1] ?? ' ';
  // "FY2022-23": a fiscal year, written with its prefix glued on.
  if (/(?:^|[^A-Za-z0-9])FY$/.test(s.slice(Math.max(0, at - 3), at)) && /^\d{4}(?![A-Za-z])/.test(s.slice(at, at + 5))) return false;
  if (/[A-Za-z0-9/#@=.]/.test(before) || (before === '_' && /[A-Za-z0-9]/.test(s[at - 2] ?? ''))) return true;
  if (before === '-' && /[A-Za-z]/.test(s[at - 2] ?? '')) return !/(?:^|[^A-Za-z])(?:mid|pre|post)$/i.test(s.slice(Math.max(0, at - 6), at - 1));
  let start = at;
  while (start > 0 && !/\s/.test(s[start - 1]!)) start--;
  const token = s.slice(start, tokenEnd(s, at));
  return /[/@=]|[A-Za-z0-9]_[A-Za-z0-9]|:\/\/|www\./.test(token);
}

/** "10:30", "1.2.3", "1,2": the number runs on into something that is not a figure. */
export function malformedAfter(s: string, at: number): boolean {
  return /[.,:]/.test(s[at] ?? '') && /\d/.test(s[at + 1] ?? '');
}

export function tokenEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !/\s/.test(s[i]!)) i++;
  return i;
}

// ---------------------------------------------------------------------------
// Writing numbers back

const scaleNames: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "3,000", "5.8", "0.125": thousands separated, at most `decimals` decimals, no trailing zeros. */
export function formatNumber(value: number, decimals = 3): string {
  const rounded = Number(value.toFixed(decimals));
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "700 million", "3.5 million", "1 trillion", "75,000": a scale word when the mantissa stays short. */
export function formatScaled(value: number): string {
  const parts = scaledParts(value);
  return parts.scale ? `${parts.number} ${parts.scale}` : parts.number;
}

/** The number and scale word formatScaled writes, apart, so a range can share one scale. */
export function scaledParts(value: number, decimals = 3): { number: string; scale?: string; factor: number } {
  for (const [factor, name] of scaleNames) {
    const mantissa = value / factor;
    if (Math.abs(mantissa) >= 1 && Math.abs(mantissa * 1000 - Math.round(mantissa * 1000)) < 1e-6) return { number: formatNumber(mantissa), scale: name, factor };
  }
  return { number: formatNumber(value, decimals), factor: 1 };
}
