// Finds the checkable claims of a prose block: figures (each with the year it refers to),
// dates that stand on their own, and quotations, with the footnotes or citations that
// back the sentence they are in.
import { extractFigures } from './figures';
import { extractQuotes } from './quotes';
import { splitSentences } from './sentences';
import type { Claim, Figure, Span } from './types';

/** A figure's year is the one right after it ("$36 million in 2017") or, failing that, the nearest before. */
const periodLookAhead = 25;

export interface ClaimContext {
  /** Offsets of footnote references and citation groups in the same text, with their labels. */
  citations: { label: string; start: number; end: number }[];
}

/**
 * Claims in text[from, to) (a paragraph). Offsets are into `text`. `prose` must already
 * have citation groups and footnote labels blanked out.
 */
export function extractClaims(prose: string, from: number, to: number, context: ClaimContext): Claim[] {
  const claims: Claim[] = [];
  const paragraph = { start: from, end: to };
  const sentences = splitSentences(prose, from, to);
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const nextStart = sentences[s + 1]?.start ?? to;
    const citedBy = context.citations
      .filter((c) => c.start >= sentence.start && c.start < Math.max(nextStart, sentence.end))
      .map((c) => c.label);
    const quotes = extractQuotes(prose, sentence.start, sentence.end);
    const insideQuote = (f: Figure): boolean => quotes.some((q) => f.start >= q.start && f.end <= q.end);
    const found = extractFigures(prose, sentence.start, sentence.end).filter((f) => !insideQuote(f));
    const figures = found.filter((f) => !isDate(f));
    const dates = found.filter(isDate);
    const attached = new Set<Figure>();
    for (const figure of figures) {
      const period = periodOf(figure, figures, dates, sentence);
      if (period) attached.add(period);
      claims.push({ kind: 'figure', start: figure.start, end: figure.end, text: figure.text, sentence, paragraph, figure, period, citedBy });
    }
    for (const date of dates) {
      if (attached.has(date)) continue;
      claims.push({ kind: 'date', start: date.start, end: date.end, text: date.text, sentence, paragraph, figure: date, citedBy });
    }
    for (const quote of quotes) {
      claims.push({ kind: 'quote', start: quote.start, end: quote.end, text: quote.text, sentence, paragraph, quote, citedBy });
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}

export function isDate(figure: Figure): boolean {
  return figure.kind === 'year' || figure.kind === 'date';
}

/** The year or date that belongs to `figure`: within its clause, between the neighbouring figures. */
export function periodOf(figure: Figure, figures: readonly Figure[], dates: readonly Figure[], sentence: Span): Figure | undefined {
  const index = figures.indexOf(figure);
  const clauseStart = figures[index - 1]?.end ?? sentence.start;
  const clauseEnd = figures[index + 1]?.start ?? sentence.end;
  const inClause = dates.filter((d) => d.start >= clauseStart && d.end <= clauseEnd);
  const after = inClause.find((d) => d.start >= figure.end && d.start - figure.end <= periodLookAhead);
  if (after) return after;
  const before = inClause.filter((d) => d.end <= figure.start);
  return before.at(-1) ?? inClause.find((d) => d.start >= figure.end);
}
