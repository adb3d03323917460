// A news report writes its days without the year ("KAROT, June 29: …", "entered commercial
// operation on Monday, July 3"), or as a day of the week ("reached orbit on Saturday"), which
// the report's own date gives. The year, or the date, is added in brackets, as an editor would
// ("July 3 [2017]", "on Saturday [4 November 2023]"), so that those days are dates a draft's
// "3 July 2017" can be checked against.
import { daysWithoutYear, formatDate, readDateAtDigit, readDateAtMonth } from '../core/claims/dates';
import { dateline } from '../core/claims/framing';
import { stillToCome } from '../core/claims/relativeDates';
import type { CalendarDate } from '../core/types';

/**
 * The day a report is dated, from its first lines: its dateline's day in the year of its
 * record ("SAHIWAL, Pakistan, July 4 (Reuters) -"), or a full date of that year ("Published:
 * July 19, 2023", "Dawn, April 26, 2018"); else only the year of its record, if any.
 */
export function reportDate(lines: readonly string[], from: number, year: number | undefined): CalendarDate | undefined {
  const opening = lines.slice(from).map((line) => line.trim()).filter(Boolean).slice(0, leadingLines);
  for (const line of opening) {
    const m = year !== undefined ? dateline.exec(line) : null;
    const day = m && daysWithoutYear(m[0]).at(-1);
    if (day) return { year: year!, month: day.month, day: day.day };
    const date = firstDate(line);
    if (date?.month && (year === undefined || date.year === year)) return date;
  }
  return year === undefined ? undefined : { year };
}

/**
 * The paragraph with the year of each day it writes without one: the report's year for its
 * dateline; for any other day, when the report's day is known, the year that puts it nearest
 * that day ("December 20" in a report of 9 January 2020 is in 2019).
 */
export function withYears(paragraph: string, report: CalendarDate | undefined): string {
  if (!report) return paragraph;
  const opening = dateline.exec(paragraph);
  let out = '';
  let last = 0;
  for (const day of daysWithoutYear(paragraph)) {
    const inDateline = opening !== null && day.end === opening[0].length;
    if (!inDateline && !report.month) continue;
    const year = inDateline ? report.year : nearestYear(day, report);
    out += `${paragraph.slice(last, day.end)} [${year}]`;
    last = day.end;
  }
  return report.day ? withWeekdays(out + paragraph.slice(last), report) : out + paragraph.slice(last);
}

/**
 * "on Saturday", "last Monday" in a report of Monday 6 November 2023: the latest such day up to
 * the report's (4 November); of what is still to come ("will meet on Thursday"), the next. Not a
 * weekday its date follows ("on Monday, July 3").
 */
function withWeekdays(paragraph: string, report: CalendarDate): string {
  const today = Date.UTC(report.year, report.month! - 1, report.day!);
  const weekday = new Date(today).getUTCDay();
  return paragraph.replace(weekdayPattern, (whole: string, word: string, name: string, at: number) => {
    const sentenceStart = Math.max(paragraph.lastIndexOf('. ', at) + 1, 0);
    const before = paragraph.slice(sentenceStart, at);
    const ahead = word.toLowerCase() !== 'last' && stillToCome(before);
    const target = weekdays.indexOf(name.toLowerCase());
    let shift = ahead ? (target - weekday + 7) % 7 : -((weekday - target + 7) % 7);
    if (shift === 0 && (ahead || word.toLowerCase() === 'last')) shift = ahead ? 7 : -7;
    const day = new Date(today + shift * 86_400_000);
    return `${whole} [${formatDate({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() })}]`;
  });
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayPattern = /\b(on|last)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?![,\s]+(?:\d|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)/g;
/** How many non-blank lines at the top of a report may give its date. */
const leadingLines = 4;

function firstDate(whole: string): CalendarDate | undefined {
  const line = whole.slice(0, 200);
  for (let at = 0; at < line.length; at++) {
    const written = /\d/.test(line[at]!) ? readDateAtDigit(line, at) : /\p{Lu}/u.test(line[at]!) ? readDateAtMonth(line, at) : undefined;
    if (written?.date.month) return written.date;
  }
  return undefined;
}

/** The year before, of, or after the report's that puts the day nearest the report's day. */
function nearestYear(day: { month: number; day: number }, report: CalendarDate): number {
  const dated = Date.UTC(report.year, report.month! - 1, report.day ?? 15);
  let best = report.year;
  for (const year of [report.year - 1, report.year + 1]) {
    if (Math.abs(Date.UTC(year, day.month - 1, day.day) - dated) < Math.abs(Date.UTC(best, day.month - 1, day.day) - dated)) best = year;
  }
  return best;
}
