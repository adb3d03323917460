// Moves verdicts and findings from the text they were judged in to the draft: from a block to
// the draft's offsets, or from the sentence a table cell reads as back to the cell.
import type { Verdict } from '../types';
import type { Finding, FixData } from './findings';

/** Where moved spans must stay: [start, end]. */
export interface Window {
  start: number;
  end: number;
}

/**
 * A span, number or fix moved by `by`. With `within`, a span is clamped to it after the move,
 * a citation goes no further than its end, and a fix that would edit outside it is dropped, so
 * that an edit proposed for a cell never touches the words its reading added.
 */
function mover(by: number, within?: Window) {
  const clamp = (n: number): number => (within === undefined ? n + by : Math.min(Math.max(n + by, within.start), within.end));
  const inside = (n: number): boolean => within === undefined || (n + by >= within.start && n + by <= within.end);
  const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: clamp(s.start), end: clamp(s.end) });
  const fix = (f: FixData | undefined): FixData | undefined => {
    switch (f?.kind) {
      case 'replace':
        return inside(f.start) && inside(f.end) ? span(f) : undefined;
      case 'cite':
        return { ...f, at: clamp(f.at) };
      case 'recite':
        return f;
      case 'link':
        return inside(f.urlStart) && inside(f.urlEnd) ? { ...f, urlStart: clamp(f.urlStart), urlEnd: clamp(f.urlEnd) } : undefined;
      case 'words':
        return f.choices.every((c) => c.edits.every((e) => inside(e.start) && inside(e.end)))
          ? { ...f, choices: f.choices.map((c) => ({ ...c, edits: c.edits.map(span) })) }
          : undefined;
      default:
        return undefined;
    }
  };
  return { clamp, span, fix };
}

export function shiftFinding(finding: Finding, by: number, within?: Window): Finding {
  if (by === 0 && within === undefined) return finding;
  const move = mover(by, within);
  return { ...move.span(finding), fix: move.fix(finding.fix) };
}

export function shiftVerdict(verdict: Verdict, by: number, within?: Window): Verdict {
  if (by === 0 && within === undefined) return verdict;
  const move = mover(by, within);
  const claim = verdict.claim;
  return {
    ...verdict,
    claim: {
      ...move.span(claim),
      sentence: move.span(claim.sentence),
      paragraph: move.span(claim.paragraph),
      figure: claim.figure && { ...move.span(claim.figure), qualifierStart: claim.figure.qualifierStart === undefined ? undefined : move.clamp(claim.figure.qualifierStart) },
      period: claim.period && move.span(claim.period),
      quote: claim.quote && { ...move.span(claim.quote), innerStart: move.clamp(claim.quote.innerStart), innerEnd: move.clamp(claim.quote.innerEnd) },
    },
  };
}
