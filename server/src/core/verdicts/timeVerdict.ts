// The verdict on a figure's time ("$36 million in 2017"): a part of the figure's fact, so it
// is judged from the source fact the figure was matched with, never against another date
// that merely shares a word with it.
import type { Corpus } from '../retrieval/corpus';
import { extractFigures } from '../claims/figures';
import { isDate } from '../claims/claims';
import type { CalendarDate, Claim, Evidence, Verdict } from '../types';

/**
 * Supported when the source sentence matched to the figure (supported or contradicted alike:
 * the figure may be wrong and its year right) gives the same date, or, with no date of its
 * own, comes from a source published that year; otherwise unsourced, as the figure's fact is.
 * When no source states the figure, the date may still be an event's that a source gives
 * (`alone`: the date judged as a date of its own); it is then supported, never contradicted,
 * since what it dates is the figure.
 */
export function judgeTime(claim: Claim, figure: Verdict | undefined, corpus: Corpus, alone: () => Verdict): Verdict {
  const date = claim.figure!;
  const evidence = figure && figure.verdict !== 'unsourced' ? figure.evidence[0] : undefined;
  if (!evidence) {
    const own = alone();
    return own.verdict === 'supported' ? own : { claim, verdict: 'unsourced', evidence: [] };
  }
  const wanted = date.date ?? { year: date.value };
  const dates = extractFigures(evidence.quote, 0, evidence.quote.length).filter(isDate);
  const same = dates.find((d) => sameCalendarDate(d.date ?? { year: d.value }, wanted));
  if (same) return { claim, verdict: 'supported', evidence: [atDate(evidence, same.start, same.end, same.text)] };
  if (dates.length) return { claim, verdict: 'unsourced', evidence: [] };
  // A sentence with no date of its own holds for the last one its passage gave before it
  // ("… in December 2019. RT reported that a 64-member delegation …").
  const passage = corpus.passages[evidence.passageIndex]!.text;
  const at = passage.indexOf(evidence.quote);
  const before = at > 0 ? extractFigures(passage, 0, at).filter(isDate).at(-1) : undefined;
  if (before) {
    if (!sameCalendarDate(before.date ?? { year: before.value }, wanted)) return { claim, verdict: 'unsourced', evidence: [] };
    return { claim, verdict: 'supported', evidence: [{ ...evidence, sourceValue: before.text, sourceFigure: undefined, highlight: undefined, opposite: undefined, matched: undefined, elsewhere: undefined }] };
  }
  // Else, for a report, the year it was published.
  const year = corpus.sources.get(evidence.sourceId)?.meta.year;
  if (year !== undefined && !date.date?.day && (date.date?.year ?? date.value) === year) {
    return { claim, verdict: 'supported', evidence: [{ ...evidence, sourceValue: String(year), sourceFigure: undefined, opposite: undefined, matched: undefined, elsewhere: undefined }] };
  }
  return { claim, verdict: 'unsourced', evidence: [] };
}

function atDate(evidence: Evidence, start: number, end: number, text: string): Evidence {
  return { ...evidence, highlight: { start, end }, sourceValue: text, sourceFigure: undefined, opposite: undefined, matched: undefined, elsewhere: undefined };
}

/** The same day, month or year, as far as both say. */
export function sameCalendarDate(a: CalendarDate, b: CalendarDate): boolean {
  if (a.year !== b.year) return false;
  if (a.month && b.month && a.month !== b.month) return false;
  return !(a.day && b.day && a.day !== b.day);
}
