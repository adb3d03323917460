import { describe, expect, it } from 'vitest';
import { formatDate, readDateAtDigit, readDateAtMonth } from '../../server/src/core/claims/dates';
import { extractFigures } from '../../server/src/core/claims/figures';
import type { CalendarDate, Figure } from '../../server/src/core/types';
import { sameCalendarDate } from '../../server/src/core/verdicts/timeVerdict';

/** "3-17 date November 2017 2017-11", "4-8 year 2016 2016", with "about@0 [2014,2016]" for a hedged year. */
function render(f: Figure): string {
  const d = f.date!;
  const when = [d.year, d.month, d.day, d.part, d.through].filter((x) => x !== undefined).join('-');
  const hedge = f.qualifier === 'exact' ? '' : ` ${f.qualifier}@${f.qualifierStart} [${f.low},${f.highBound}]`;
  return `${f.start}-${f.end} ${f.kind} ${f.text} ${when}${hedge}`;
}

function expectDates(text: string, expected: string[]): void {
  const figures = extractFigures(text);
  expect(figures.map(render)).toEqual(expected);
  for (const f of figures) {
    expect(f.value).toBe(f.date!.year);
    expect(f.unit).toBe(f.kind);
  }
}

describe('years', () => {
  it('stand alone, after prepositions and before nouns', () => {
    expectDates('in 2016, 2019, by 2030, the 2012 report, 1951, 1971', [
      '3-7 year 2016 2016',
      '9-13 year 2019 2019',
      '18-22 year 2030 2030',
      '28-32 year 2012 2012',
      '41-45 year 1951 1951',
      '47-51 year 1971 1971',
    ]);
  });

  it('"early", "mid-" and "the end of" are a part of the year, written as part of the date', () => {
    expectDates('early 2019, mid-2019, at the end of 2016, in late 2018', ['0-10 year early 2019 2019-early', '12-20 year mid-2019 2019-mid', '25-40 year the end of 2016 2016-late', '45-54 year late 2018 2018-late']);
    expect(formatDate({ year: 2019, part: 'early' })).toBe('early 2019');
  });

  it('a quarter or a half of a year is a part of it too, and the same only as an overlapping part or a month in it', () => {
    expectDates('in the third quarter of 2026, Q1 2025, the first half of 2024, the final quarter of 2023', ['3-28 year the third quarter of 2026 2026-q3', '30-37 year Q1 2025 2025-q1', '39-61 year the first half of 2024 2024-h1', '63-88 year the final quarter of 2023 2023-q4']);
    expect(formatDate({ year: 2026, part: 'q3' })).toBe('the third quarter of 2026');
    const at = (date: CalendarDate, other: CalendarDate): boolean => sameCalendarDate(date, other);
    expect([at({ year: 2026, part: 'q3' }, { year: 2026, part: 'q2' }), at({ year: 2026, part: 'q3' }, { year: 2026, month: 8 }), at({ year: 2026, part: 'q2' }, { year: 2026, part: 'early' }), at({ year: 2026, part: 'q3' }, { year: 2026, part: 'early' }), at({ year: 2026, part: 'h2' }, { year: 2026, part: 'q4' }), at({ year: 2026, part: 'q3' }, { year: 2026 })]).toEqual([false, true, true, false, true, true]);
  });

  it('a hedged year allows a year either side', () => {
    expectDates('around 2015 and circa 1950', ['7-11 year 2015 2015 about@0 [2014,2016]', '22-26 year 1950 1950 about@16 [1949,1951]']);
  });

  it('year ranges give two years', () => {
    expectDates('2017–2018, from 2017 to 2018, between 2017 and 2018, 2017-21', [
      '0-4 year 2017 2017',
      '5-9 year 2018 2018',
      '16-20 year 2017 2017',
      '24-28 year 2018 2018',
      '38-42 year 2017 2017',
      '47-51 year 2018 2018',
      '53-57 year 2017 2017',
      '58-60 year 21 2021',
    ]);
  });

  it('a year written with the next is one date, a fiscal year: "2023-24", not 2023 and the year 24', () => {
    expectDates('in 2016-17 and FY 2023–24', ['3-10 year 2016-17 2016-2017', '18-25 year 2023–24 2023-2024']);
    expectDates('in FY2022-23, FY2021', ['5-12 year 2022-23 2022-2023', '16-20 year 2021 2021']);
    // A year before a noun is still a year when it follows "fiscal": not a count of 2023 exports.
    expectDates('in fiscal 2023 exports rose', ['10-14 year 2023 2023']);
    expect(formatDate({ year: 1999, through: 2000 })).toBe('1999-00');
  });

  it('skips decades, names, page ranges and numbers outside 1800–2100', () => {
    expectDates('the 1990s, Vision 2030, pp. 2010–2015, 1799, 2101, 2,016, FY2019x', []);
  });
});

describe('dates', () => {
  it('month and year', () => {
    expectDates('November 2017, in April 2019, December 2019, Nov. 2017, Sept 2019, (July-September 2025)', [
      '0-13 date November 2017 2017-11',
      '18-28 date April 2019 2019-4',
      '30-43 date December 2019 2019-12',
      '45-54 date Nov. 2017 2017-11',
      '56-65 date Sept 2019 2019-9',
      '73-87 date September 2025 2025-9',
    ]);
  });

  it('full dates, day first or month first', () => {
    expectDates('30 November 2016, November 30, 2016, 30th of November, 2016, 9 December 2019', [
      '0-16 date 30 November 2016 2016-11-30',
      '18-35 date November 30, 2016 2016-11-30',
      '37-59 date 30th of November, 2016 2016-11-30',
      '61-76 date 9 December 2019 2019-12-9',
    ]);
  });

  it('ISO dates and the dd.mm.yyyy of footnote citations', () => {
    expectDates('2019-11-20; – Sputnik. 09.01.2020. URL: (accessed 10.03.2020).', [
      '0-10 date 2019-11-20 2019-11-20',
      '23-33 date 09.01.2020 2020-1-9',
      '50-60 date 10.03.2020 2020-3-10',
    ]);
  });

  it('a year in brackets, as an editor adds it to a dateline', () => {
    expectDates('KAROT, June 29 [2022]: the plant; TASHKENT, 14 March [2025]: a roadmap', ['7-21 date June 29 [2022] 2022-6-29', '44-59 date 14 March [2025] 2025-3-14']);
  });

  it('"may" and "march" in lowercase are verbs; a day and month without a year is no date', () => {
    expectDates('they may 2019 never; troops march 2020; on 30 November they met', ['9-13 year 2019 2019', '34-38 year 2020 2020']);
  });

  it('a span of days is dated by its first day', () => {
    expectDates('on 16–17 October 2024 and July 3-4, 2024', ['3-21 date 16–17 October 2024 2024-10-16', '26-40 date July 3-4, 2024 2024-7-3']);
  });

  it('rejects impossible days and months', () => {
    expect(readDateAtDigit('31.02.2020', 0)).toBeUndefined();
    expect(readDateAtDigit('2019-13-01', 0)).toBeUndefined();
    expect(readDateAtDigit('29 February 2019', 0)).toBeUndefined();
    expect(readDateAtDigit('29 February 2020', 0)?.date).toEqual({ year: 2020, month: 2, day: 29 });
    expect(readDateAtMonth('May 1500', 0)).toBeUndefined();
    expectDates('31.02.2020', []);
  });
});

describe('formatDate', () => {
  it('writes year, month and year, or the full date', () => {
    expect(formatDate({ year: 2016 })).toBe('2016');
    expect(formatDate({ year: 2019, month: 12 })).toBe('December 2019');
    expect(formatDate({ year: 2016, month: 11, day: 30 })).toBe('30 November 2016');
  });
});
