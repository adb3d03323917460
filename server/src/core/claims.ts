// Finds the checkable claims of a prose block: figures (each with the year it refers to),
// dates that stand on their own, and quotations, with the footnotes or citations that
// back the sentence they are in.
import { extractFigures } from './figures';
import { extractQuotes } from './quotes';
import { splitSentences } from './sentences';
import type { Claim, Figure, Span } from './types';

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
      const period = periodOf(prose, figure, figures, dates, sentence);
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

/**
 * The year or date that belongs to `figure`: in its own clause, the first one after it
 * ("$36 million in 2017", "$13 billion worth of projects completed in January 2020"), else
 * the nearest one before it ("By January 2020, … $13 billion").
 */
export function periodOf(text: string, figure: Figure, figures: readonly Figure[], dates: readonly Figure[], sentence: Span): Figure | undefined {
  const clause = clauseOf(text, figure, figures, sentence);
  const inClause = dates.filter((d) => d.start >= clause.start && d.end <= clause.end);
  return inClause.find((d) => d.start >= figure.end) ?? inClause.filter((d) => d.end <= figure.start).at(-1);
}

/** Marks, then words, that end a figure's clause before the next figure begins. */
const clauseBreaks = [/[,;:–—(]/, /\b(?:while|whereas|but|although|though|out of|compared (?:with|to)|against|versus|to)\b/i];

/**
 * The stretch of its sentence that a figure belongs to: the words after a figure up to the
 * first break (a comma, else a word such as "while", "out of" or "to") before the next figure are its own ("$13 billion
 * worth of projects completed"); without a break, the text between two figures is halved.
 */
export function clauseOf(text: string, figure: Figure, figures: readonly Figure[], sentence: Span): Span {
  // Only figures of the same kind compete for words: "a 64-member delegation … for a four-day visit" is one fact.
  const rivals = figures.filter((f) => f === figure || (f.kind === figure.kind && f.unit === figure.unit));
  const index = rivals.indexOf(figure);
  const previous = rivals[index - 1];
  const next = rivals[index + 1];
  let start = previous ? boundary(text, previous.end, figure.qualifierStart ?? figure.start) : sentence.start;
  let end = next ? boundary(text, figure.end, next.qualifierStart ?? next.start) : sentence.end;
  // Other figures end the clause only at a clear break: "… visited Pakistan, and Russia pledged $1 billion".
  for (const other of figures) {
    if (rivals.includes(other)) continue;
    if (other.end <= figure.start && other.end >= start) {
      const breaks = [...text.slice(other.end, figure.start).matchAll(strongBreak)];
      if (breaks.length) start = other.end + breaks.at(-1)!.index;
    } else if (other.start >= figure.end && other.start <= end) {
      const found = text.slice(figure.end, other.start).search(strongBreak);
      if (found >= 0) end = figure.end + found;
    }
  }
  return { start, end };
}

const strongBreak = /;|,\s+(?:and|but|while|whereas|although|though)\b/gi;

function boundary(text: string, from: number, to: number): number {
  const between = text.slice(from, to);
  for (const pattern of clauseBreaks) {
    const found = pattern.exec(between);
    if (found) return from + found.index;
  }
  const middle = from + Math.floor(between.length / 2);
  const space = text.lastIndexOf(' ', middle);
  return space > from ? space : middle;
}
