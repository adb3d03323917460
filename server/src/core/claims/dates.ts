// Reads calendar dates as written — "30 November 2016", "November 30, 2016", "November 2017",
// "2019-11-20" and the dd.mm.yyyy of footnote citations — and writes them back.
import type { CalendarDate, Figure, YearPart } from '../types';

/** Years outside this span are taken for plain numbers, not years. */
export const earliestYear = 1800;
export const latestYear = 2100;

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthNumbers: Record<string, number> = { Sept: 9 };
monthNames.forEach((name, i) => {
  monthNumbers[name] = i + 1;
  monthNumbers[name.slice(0, 3)] = i + 1;
});
/** Capitalised only: "may" and "march" are verbs. Full names before their abbreviations. */
export const monthPattern = `(${monthNames.join('|')}|Sept|${monthNames.map((m) => m.slice(0, 3)).join('|')})\\.?(?![A-Za-z])`;

/** A year in brackets is an editor's: "June 29 [2022]", as a source's dateline is read (parseSource). */
const year = String.raw`(?:(\d{4})(?![\d,.]\d|\d)|\[(\d{4})\])`;
/** A span of days is dated by its first: "16–17 October 2024", "July 3-4, 2024". */
const toDay = String.raw`(?:\s*[–-]\s*\d{1,2}(?:st|nd|rd|th)?(?!\d))?`;
const monthDayYear = new RegExp(`${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?${toDay},?\\s+${year}`, 'y');
const monthYear = new RegExp(`${monthPattern},?\\s+(\\d{4})(?![\\d,.]\\d|\\d)`, 'y');
const dayMonthYear = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?${toDay}\\s+(?:of\\s+)?${monthPattern},?\\s+${year}`, 'y');
const iso = /(\d{4})-(\d{2})-(\d{2})(?![\d-])/y;
/** dd.mm.yyyy, as Russian and European citations print publication and access dates. */
const dotted = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d-]|\.\d)/y;

export interface WrittenDate {
  start: number;
  end: number;
  date: CalendarDate;
}

export function plausibleYear(year: number): boolean {
  return year >= earliestYear && year <= latestYear;
}

export function isMonthName(word: string): boolean {
  return monthNumbers[word.replace(/\.$/, '')] !== undefined;
}

/** A date starting at `at` with a month name: "November 30, 2016", "November 2017". */
export function readDateAtMonth(text: string, at: number): WrittenDate | undefined {
  monthDayYear.lastIndex = at;
  let m = monthDayYear.exec(text);
  if (m) return written(at, monthDayYear.lastIndex, Number(m[3] ?? m[4]), monthNumbers[m[1]!]!, Number(m[2]));
  monthYear.lastIndex = at;
  m = monthYear.exec(text);
  if (m) return written(at, monthYear.lastIndex, Number(m[2]), monthNumbers[m[1]!]!);
  return undefined;
}

/** A date starting at `at` with a digit: "30 November 2016", "2019-11-20", "09.01.2020". */
export function readDateAtDigit(text: string, at: number): WrittenDate | undefined {
  dayMonthYear.lastIndex = at;
  let m = dayMonthYear.exec(text);
  if (m) return written(at, dayMonthYear.lastIndex, Number(m[3] ?? m[4]), monthNumbers[m[2]!]!, Number(m[1]));
  iso.lastIndex = at;
  m = iso.exec(text);
  if (m) return written(at, iso.lastIndex, Number(m[1]), Number(m[2]), Number(m[3]));
  dotted.lastIndex = at;
  m = dotted.exec(text);
  if (m) return written(at, dotted.lastIndex, Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function written(start: number, end: number, year: number, month: number, day?: number): WrittenDate | undefined {
  if (!plausibleYear(year) || month < 1 || month > 12) return undefined;
  if (day !== undefined && (day < 1 || day > daysIn(year, month))) return undefined;
  return { start, end, date: day === undefined ? { year, month } : { year, month, day } };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2016", "December 2019", "30 November 2016". */
export function formatDate(date: CalendarDate): string {
  if (date.through) return `${date.year}-${String(date.through % 100).padStart(2, '0')}`;
  if (!date.month) return date.part ? `${partNames[date.part]} ${date.year}` : String(date.year);
  const name = monthNames[date.month - 1]!;
  return date.day ? `${date.day} ${name} ${date.year}` : `${name} ${date.year}`;
}

/**
 * "early ", "mid-", "late ", "the end of ", "the beginning of ", "the third quarter of ", "Q3 ",
 * "the first half of ": a part of the year that follows.
 */
const yearPartBefore = /\b(?:(early|mid|late)[\s-]|(?:the\s+)?(end|close|beginning|start|middle)\s+of\s+|(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(quarter|half)\s+(?:of\s+)?|(Q[1-4]|H[12])[\s-])$/i;
const yearParts: Record<string, YearPart> = { early: 'early', beginning: 'early', start: 'early', mid: 'mid', middle: 'mid', late: 'late', end: 'late', close: 'late' };
const ordinals: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

/** The part of the year written right before a year at `at` ("early 2019", "the end of 2018", "the third quarter of 2026"), and how many characters it takes. */
export function readYearPartBefore(text: string, at: number): { part: YearPart; length: number } | undefined {
  const m = yearPartBefore.exec(text.slice(Math.max(0, at - 30), at));
  if (!m) return undefined;
  if (m[5]) return { part: m[5].toLowerCase() as YearPart, length: m[0].length };
  if (m[3]) {
    const n = ordinals[m[3].toLowerCase()]!;
    const half = m[4]!.toLowerCase() === 'half';
    if (half && n > 2 && !/^(?:final|last)$/i.test(m[3])) return undefined;
    return { part: (half ? `h${Math.min(n, 2)}` : `q${n}`) as YearPart, length: m[0].length };
  }
  return { part: yearParts[(m[1] ?? m[2]!).toLowerCase()]!, length: m[0].length };
}

/** The months a part of the year spans, first and last. */
export const partMonths: Record<YearPart, readonly [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12], q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12], h1: [1, 6], h2: [7, 12] };

/** One of the parts of the year Attest reads ("early", "q3"…). */
export function isYearPart(name: string): name is YearPart {
  return Object.hasOwn(partMonths, name);
}

/** A part of the year as a writer says it. */
const partNames: Record<YearPart, string> = { early: 'early', mid: 'mid', late: 'late', q1: 'the first quarter of', q2: 'the second quarter of', q3: 'the third quarter of', q4: 'the fourth quarter of', h1: 'the first half of', h2: 'the second half of' };

/** A day and month written without a year, and where it ends: "July 3" in "on Monday, July 3,", "3 July". */
export interface DayWithoutYear {
  start: number;
  end: number;
  month: number;
  day: number;
}

/** The days a text writes without their year ("on Monday, July 3", "signed on 18 July by"), not those with one ("July 3, 2017", "June 29 [2022]"). */
export function daysWithoutYear(text: string): DayWithoutYear[] {
  const found: DayWithoutYear[] = [];
  for (const [pattern, monthAt, dayAt] of [[monthDayOnly, 1, 2], [dayMonthOnly, 2, 1]] as const) {
    for (const m of text.matchAll(pattern)) {
      const month = monthNumbers[m[monthAt]!]!;
      const day = Number(m[dayAt]);
      if (day >= 1 && day <= 31) found.push({ start: m.index, end: m.index + m[0].length, month, day });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Not followed by a year, as written or in an editor's brackets. */
const noYearAfter = String.raw`(?!,?\s+(?:\d{4}(?!\d)|\[\d{4}\]))`;
const monthDayOnly = new RegExp(`${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d%])${toDay}${noYearAfter}`, 'g');
const dayMonthOnly = new RegExp(`(?<![\\d.,])(\\d{1,2})(?:st|nd|rd|th)?${toDay}\\s+(?:of\\s+)?${monthPattern}${noYearAfter}`, 'g');

/** The year before a date's, as a year: a fiscal year's is the fiscal year before ("2024-25" for "2025-26"). */
export function yearBefore(date: Figure): Figure {
  const year = (date.date?.year ?? date.value) - 1;
  const through = date.date?.through !== undefined ? date.date.through - 1 : undefined;
  const text = through === undefined ? String(year) : `${year}-${String(through).slice(-2)}`;
  return { ...date, kind: 'year', text, value: year, unit: 'year', qualifier: 'exact', low: year, highBound: year, date: through === undefined ? { year } : { year, through } };
}

/**
 * A duration that is an anniversary: "seventy-five years of diplomacy", "70 years of diplomatic
 * relations", "marked 50 years": how long two parties' ties have lasted at a time its sentence gives.
 */
export function isAnniversary(text: string, duration: Figure): boolean {
  const start = duration.qualifierStart ?? duration.start;
  return (
    duration.unit === 'year' &&
    (/^\s+of\s+(?:[\p{L}-]+\s+){0,2}?(?:relations|ties|diplomacy|friendship|partnership|cooperation)\b/iu.test(text.slice(duration.end, duration.end + 50)) ||
      /\b(?:mark(?:s|ed|ing)?|celebrat\w*|commemorat\w*)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 24), start)))
  );
}
