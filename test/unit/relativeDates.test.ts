// Dates written relative to another: to the page's own date ("last year", "in November") or to
// the date before them ("a year later", "the same year").
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/src/core/claims/claims';
import { formatDate } from '../../server/src/core/claims/dates';
import { extractFigures } from '../../server/src/core/claims/figures';
import { pageDateOf } from '../../server/src/core/claims/relativeDates';
import { createChecker } from '../../server/src/core/checker';
import type { Figure } from '../../server/src/core/types';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

const page = (stamp: string): Figure => pageDateOf([stamp])!.date;
/** Each date claim of a paragraph as "text = date", against a page date. */
function dates(paragraph: string, pageDate?: Figure): string[] {
  return extractClaims(paragraph, 0, paragraph.length, { citations: [], pageDate })
    .filter((c) => c.kind === 'date')
    .map((c) => `${c.text} = ${formatDate(c.figure!.date!)}`);
}

describe('a relative date', () => {
  it("is read against the page's own date", () => {
    const december = page('Published December 12, 2019');
    expect(dates('The two countries traded goods worth $700 million last year.', december)).toEqual(['last year = 2018']);
    expect(dates('Russia promised the package earlier in the year, and a call came in November.', december)).toEqual(['earlier in the year = 2019', 'November = November 2019']);
    // A month after the page's own is last year's.
    expect(dates('The talks began last October.', page('*March 2, 2020*'))).toEqual(['October = October 2019']);
    expect(dates('Applications open this month.', december)).toEqual(['this month = December 2019']);
    expect(dates('Officials put bilateral trade at about $1 billion in the last fiscal year.', december)).toEqual(['last fiscal year = 2018']);
    // What is still to come is the next such month.
    expect(dates('The plant is due to open in March.', december)).toEqual(['March = March 2020']);
    // What was done just before the month is past, though the sentence speaks of what will be.
    expect(dates('Russia will supply the gas under an agreement signed in March.', december)).toEqual(['March = March 2019']);
  });

  it("is a day of a month with no year, in the year the page's own date puts it", () => {
    const late = page('Published December 20, 2019');
    expect(dates('The delegation arrived on 16 December and signed the deals on Dec 3.', late)).toEqual(['16 December = 16 December 2019', 'Dec 3 = 3 December 2019']);
    // A day after the page's own is last year's, unless it is still to come.
    expect(dates('Talks were held on the 24th of December.', late)).toEqual(['24th of December = 24 December 2018']);
    expect(dates('The plant is due to open on 3 March.', late)).toEqual(['3 March = 3 March 2020']);
    // Without a page date with its month, a day has no year to be read in.
    expect(dates('The delegation arrived on 16 December.')).toEqual([]);
  });

  it('is read against the date before it, in its sentence or its paragraph', () => {
    expect(dates('Trade rose from $36 million in 2017 to over $90 million the following year.')).toEqual(['2017 = 2017', 'the following year = 2018']);
    expect(dates('The plan was drafted in 2018. Maçães wrote about it the same year.')).toEqual(['2018 = 2018', 'the same year = 2018']);
    expect(dates('The fiscal year 2023-24 closed strong, and a year later exports doubled.')).toEqual(['2023-24 = 2023-24', 'a year later = 2024-25']);
  });

  it('is none without the date it is relative to, and no month with a day or a year of its own', () => {
    expect(dates('Trade grew last year and again a year later.')).toEqual([]);
    // With no page date, "last year" counts from a date its paragraph gave with its month, not from a figure's year.
    expect(dates('Trade was under $25 million in 2018. A roadmap was drawn up early last year.')).toEqual(['2018 = 2018']);
    expect(dates('In December 2019 a delegation came. Trade last year was $700 million.')).toEqual(['December 2019 = December 2019', 'last year = 2018']);
    expect(dates('The deal was signed on 12 November 2019, and Theresa May spoke.', page('Published December 12, 2019'))).toEqual(['12 November 2019 = 12 November 2019']);
  });

  it('is no claim when a figure is measured against it', () => {
    expect(dates("Pakistan's trade with Afghanistan was about $1 billion in 2018, a 20% decrease from the year before.")).toEqual(['2018 = 2018']);
    expect(dates('Trade had fallen by roughly a fifth on the previous year, and 20% less than in 2017.')).toEqual([]);
  });
});

describe("a page's own date", () => {
  it('is the date of a stamp or a dateline at its top', () => {
    for (const stamp of ['Published December 12, 2019', '*March 2, 2020*', 'Posted 18 May 2020 by the IPRI Research Desk', 'Sunday, October 27, 2024', 'TASHKENT, 18 July 2022 — Uzbekistan, Afghanistan and Pakistan have agreed to launch a survey.']) {
      expect(formatDate(page(stamp).date!), stamp).toMatch(/^(?:\d+ )?\w+ 20\d\d$/);
    }
    const found = pageDateOf(['Russia pledges to revive the mill', 'Published December 12, 2019'])!;
    expect(`${formatDate(found.date.date!)} in block ${found.block}`).toBe('12 December 2019 in block 1');
  });

  it("is a stamp at its foot when its top has none, and dates a dateline that gives no year", () => {
    const report = lines('KARACHI, Dec 10 (Agency) – A 64-member Russian delegation arrived in Islamabad on a four-day visit, officials said.', '', 'The visit ends on Friday.', '', 'Published: 10 December 2019');
    const verdicts = createChecker({ corpus: bundledCorpus() }).analyse(report).verdicts;
    const said = verdicts.map((v) => `${v.claim.text} ${v.verdict}${v.claim.kind === 'date' ? ` (${formatDate(v.claim.figure!.date!)})` : ''}`);
    // The dateline is the report's own date: no source states it, whatever the paragraph's facts are.
    expect(said).toEqual(['Dec 10 unsourced (10 December 2019)', '64-member supported', 'four-day supported', '10 December 2019 unsourced (10 December 2019)']);
    // A dateline with a day but no year and no stamp anywhere is read as nothing.
    expect(createChecker({ corpus: bundledCorpus() }).analyse('KARACHI, Dec 10 (Agency) – The visit ends on Friday.').verdicts).toEqual([]);
  });

  it('is not a date inside a paragraph of the report, nor a bare year', () => {
    expect(pageDateOf(['The pledge, first made in 2018, was reaffirmed when a delegation visited Pakistan in December 2019 and met the prime minister.'])).toBeUndefined();
    expect(pageDateOf(['Report 2019'])).toBeUndefined();
    expect(pageDateOf(['By January 2020, CPEC projects worth $13 billion had been completed.'])).toBeUndefined();
    // Its first line may be the stamp of the paragraph the report opens.
    expect(pageDateOf(['Published December 12, 2019\nISLAMABAD: A 64-strong Russian business delegation has wound up a four-day visit.'])?.date.text).toBe('December 12, 2019');
    expect(pageDateOf(['April 26, 2019 - 11:52 AMT'])?.date.text).toBe('April 26, 2019');
    expect(extractFigures('Published December 12, 2019')).toHaveLength(1);
  });
});
