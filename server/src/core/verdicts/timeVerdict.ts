// The verdict on a figure's time ("$36 million in 2017"): a part of the figure's fact, so it
// is judged from the source fact the figure was matched with, never against another date
// that merely shares a word with it.
import type { Corpus } from '../retrieval/corpus';
import { passageView } from '../retrieval/passageView';
import { isDate } from '../claims/claims';
import { relativeTo } from '../claims/relativeDates';
import { partMonths } from '../claims/dates';
import type { CalendarDate, Claim, Evidence, Figure, Span, Verdict, YearPart } from '../types';

/**
 * Supported when the source sentence matched to the figure (supported or contradicted alike:
 * the figure may be wrong and its year right) gives the same date, or, with no date of its
 * own, comes after the same date in its passage or from a source published that year;
 * otherwise unsourced, as the figure's fact is.
 */
export function judgeTime(claim: Claim, figure: Verdict | undefined, corpus: Corpus): Verdict {
  const date = claim.figure!;
  const evidence = figure && figure.verdict !== 'unsourced' ? figure.evidence[0] : undefined;
  if (!evidence) return { claim, verdict: 'unsourced', evidence: [] };
  const wanted = date.date ?? { year: date.value };
  // The source sentence's dates, and the passage's before it, as the passage view has read them.
  const view = passageView(evidence.passageIndex, corpus);
  const at = view.text.indexOf(evidence.quote);
  const end = at + evidence.quote.length;
  const dates = view.figures.filter((f) => isDate(f) && f.start >= at && f.end <= end);
  const same = dates.find((d) => sameCalendarDate(d.date ?? { year: d.value }, wanted));
  if (same) return { claim, verdict: 'supported', evidence: [atDate(evidence, same.text, { start: same.start - at, end: same.end - at })] };
  // The figure's fact, matched in another month of the same year: the month is wrong.
  const misdated = dates.find((d) => otherMonthOfYear(date, d));
  if (misdated) return { claim, verdict: 'contradicted', evidence: [atDate(evidence, misdated.text, { start: misdated.start - at, end: misdated.end - at })] };
  // The goal's one date after its value, another year: the draft gives the goal the wrong deadline ("by 2030" against "by 2031").
  const after = evidence.highlight ? dates.filter((d) => d.start - at >= evidence.highlight!.end) : [];
  const [deadline] = after;
  if (evidence.once === 'goal' && after.length === 1 && deadline!.date?.month === undefined && !date.date?.month) return { claim, verdict: 'contradicted', evidence: [atDate(evidence, deadline!.text, { start: deadline!.start - at, end: deadline!.end - at })] };
  // A promise's one date, another year: the draft dates the promise wrongly ("In 2018 Russia promised $14 billion" against a promise of 2019).
  const [only] = dates;
  if (evidence.once === 'promise' && dates.length === 1 && otherYear(date, only!)) return { claim, verdict: 'contradicted', evidence: [atDate(evidence, only!.text, { start: only!.start - at, end: only!.end - at })] };
  if (dates.length) return { claim, verdict: 'unsourced', evidence: [] };
  // A sentence with no date of its own holds for the last one its passage gave before it
  // ("… in December 2019. RT reported that a 64-member delegation …").
  // "… in December 2019. … bilateral trade which last year stood at $700 million": the year before it.
  const last = at > 0 ? view.figures.filter((f) => isDate(f) && f.end <= at).at(-1) : undefined;
  const before = last && relativeTo(last, evidence.quote);
  if (before) {
    if (otherMonthOfYear(date, before) || (evidence.once === 'promise' && otherYear(date, before))) return { claim, verdict: 'contradicted', evidence: [atDate(evidence, before.text, undefined, before)] };
    // Or the time of the amount of its kind in the sentence before ("… trade which last year stood at $700 million. Pakistan's exports … reached $150 million").
    const also = evidence.alsoAt;
    if (also && sameCalendarDate(also.date ?? { year: also.value }, wanted)) return { claim, verdict: 'supported', evidence: [atDate(evidence, also.text, undefined, also)] };
    if (!sameCalendarDate(before.date ?? { year: before.value }, wanted)) return { claim, verdict: 'unsourced', evidence: [] };
    return { claim, verdict: 'supported', evidence: [atDate(evidence, before.text, undefined)] };
  }
  // Else, for a report, the year it was published.
  const year = corpus.sources.get(evidence.sourceId)?.meta.year;
  if (year !== undefined && !date.date?.day && (date.date?.year ?? date.value) === year) {
    return { claim, verdict: 'supported', evidence: [atDate(evidence, String(year), evidence.highlight)] };
  }
  return { claim, verdict: 'unsourced', evidence: [] };
}

/** Dates of different years, each a year, month or day with no part of the year ("2018" against "December 2019"). */
function otherYear(a: Figure, b: Figure): boolean {
  const [x, y] = [a.date ?? { year: a.value }, b.date ?? { year: b.value }];
  return x.year !== y.year && !x.part && !y.part;
}

/** The figure's evidence, as evidence of its date: the date the source gives (`text`, at `highlight` in the quote), none of the figure's own findings. */
function atDate(evidence: Evidence, text: string, highlight: Span | undefined, sourceFigure?: Figure): Evidence {
  return { ...evidence, highlight, sourceValue: text, sourceFigure, opposite: undefined, matched: undefined, elsewhere: undefined };
}

/** The same day, month or year, as far as both say; a part of the year against a month is the same when the month falls in it. */
export function sameCalendarDate(a: CalendarDate, b: CalendarDate): boolean {
  // A year written with the next ("2023-24", a fiscal year) is one span, the same only as another written so: "2023" may be either of its halves.
  if (a.through || b.through) return a.through === b.through && a.year === b.year;
  if (a.year !== b.year) return false;
  // Two parts of the same kind are the same only if equal; of two kinds ("early 2026", "the second quarter of 2026"), if they overlap.
  if (a.part && b.part && a.part !== b.part && (kindOfPart(a.part) === kindOfPart(b.part) || !overlap(partMonths[a.part], partMonths[b.part]))) return false;
  if ((a.part && b.month && !inPart(b.month, a.part)) || (b.part && a.month && !inPart(a.month, b.part))) return false;
  if (a.month && b.month && a.month !== b.month) return false;
  return !(a.day && b.day && a.day !== b.day);
}

/** The month falls in the part of the year: January–April is early, May–August mid, September–December late; July–September the third quarter. */
function inPart(month: number, part: YearPart): boolean {
  const [first, last] = partMonths[part];
  return month >= first && month <= last;
}

function kindOfPart(part: YearPart): string {
  return part[0] === 'q' ? 'quarter' : part[0] === 'h' ? 'half' : 'third';
}

function overlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Two months of one year: "November 2019" and "December 2019", not "2019" and "December 2019". */
export function otherMonthOfYear(a: Figure, b: Figure): boolean {
  return a.date?.month !== undefined && b.date?.month !== undefined && a.date.year === b.date.year && a.date.month !== b.date.month;
}

/**
 * The same time for a figure to hold for: the same date, and a quarter or a half of a year only
 * against a quarter or a half, not the whole year ("339 million for the
 * whole of 2023" is not the 860 million "in the last quarter of 2023").
 */
export function samePeriod(a: Figure, b: Figure): boolean {
  return sameFigureDate(a, b) && measured(a) === measured(b);
}

/** A quarter or a half of a year: a stretch a figure is totalled over, as a year is. */
function measured(figure: Figure): boolean {
  const part = figure.date?.part;
  return part !== undefined && kindOfPart(part) !== 'third';
}

/** The same date, as far as both figures say (a year against a month of that year agrees). */
export function sameFigureDate(a: Figure, b: Figure): boolean {
  return sameCalendarDate(a.date ?? { year: a.value }, b.date ?? { year: b.value });
}
