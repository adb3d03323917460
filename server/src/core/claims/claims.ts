// Finds the checkable claims of a prose block: figures (each with the year it refers to),
// dates (on their own, or the time of a figure), and quotations, with the footnotes or citations that
// back the sentence they are in.
import { baseWords, extractFigures } from './figures';
import { extractQuotes } from './quotes';
import { antecedentOf, pairSentenceOf, speaksOfPair, splitSentences } from './sentences';
import { framingSpans, inFraming } from './framing';
import { relativeDates } from './relativeDates';
import { isAnniversary } from './dates';
import type { Claim, Figure, Span } from '../types';

export interface ClaimContext {
  /** Offsets of footnote references and citation groups in the same text, with their labels. */
  citations: { label: string; start: number; end: number }[];
  /** Told each sentence's figures (those inside quotations too), so that the caller need not read them again. */
  onSentence?(sentence: Span, figures: Figure[]): void;
  /** The date the draft gives itself (pageDateOf): what "last year" and "in November" are relative to. */
  pageDate?: Figure;
  /** The two countries the draft's opening names (draftPair): the pair of "the two countries" where no sentence names one. */
  pagePair?: readonly string[];
}

/**
 * Claims in text[from, to) (a paragraph). Offsets are into `text`. `prose` must already
 * have citation groups and footnote labels blanked out.
 */
export function extractClaims(prose: string, from: number, to: number, context: ClaimContext): Claim[] {
  const claims: Claim[] = [];
  const paragraph = { start: from, end: to };
  const sentences = splitSentences(prose, from, to, true);
  // The last date the paragraph gave before a sentence: the time of its facts that state none.
  let paragraphDate: Figure | undefined;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const nextStart = sentences[s + 1]?.start ?? to;
    const citedBy = context.citations
      .filter((c) => c.start >= sentence.start && c.start < Math.max(nextStart, sentence.end))
      .map((c) => c.label);
    const quotes = extractQuotes(prose, sentence.start, sentence.end);
    const insideQuote = (f: Figure): boolean => quotes.some((q) => f.start >= q.start && f.end <= q.end);
    const read = extractFigures(prose, sentence.start, sentence.end);
    const relative = relativeDates(prose, sentence, read, context.pageDate, paragraphDate);
    const all = relative.length ? [...read, ...relative].sort((a, b) => a.start - b.start) : read;
    context.onSentence?.(sentence, all);
    const found = all.filter((f) => !insideQuote(f));
    const figures = found.filter((f) => !isDate(f));
    const dates = found.filter(isDate);
    // A year or date a figure holds for is part of that figure's fact, and is checked with it.
    const timeOf = new Map<Figure, Figure>();
    const antecedent = antecedentOf(sentences, s, prose) ?? pairSentenceOf(sentences, s, prose);
    const pagePair = context.pagePair && speaksOfPair(prose, sentence) ? context.pagePair : undefined;
    for (const figure of figures) {
      // A span of time is not a fact of a date: "in June 2022, eight years after construction began" dates the event, not the eight years.
      // An anniversary is: "celebrated seventy years of diplomacy in 2024".
      const period = figure.kind === 'duration' && !isAnniversary(prose, figure) ? undefined : periodOf(prose, figure, figures, dates, sentence);
      if (period && !timeOf.has(period)) timeOf.set(period, figure);
      claims.push({ kind: 'figure', start: figure.start, end: figure.end, text: figure.text, sentence, paragraph, figure, period, citedBy, ...(paragraphDate && { context: paragraphDate }), ...(antecedent && { antecedent }), ...(pagePair && { pagePair }) });
    }
    for (const date of dates) {
      // A year a figure before it is measured against ("a 20% decrease from the year before", "less than in 2017") is part of that comparison, not a claim of its own.
      if (comparedYear(prose, date) && figures.some((f) => f.end <= date.start)) continue;
      const of = timeOf.get(date);
      claims.push({ kind: 'date', start: date.start, end: date.end, text: date.text, sentence, paragraph, figure: date, citedBy, ...(of && { timeOf: { start: of.start, end: of.end } }), ...(pagePair && { pagePair }) });
    }
    for (const quote of quotes) {
      claims.push({ kind: 'quote', start: quote.start, end: quote.end, text: quote.text, sentence, paragraph, quote, citedBy });
    }
    paragraphDate = dates.filter((d) => framesWhatFollows(prose, d)).at(-1) ?? paragraphDate;
  }
  return claims.sort((a, b) => a.start - b.start);
}

/**
 * Whether a date sets the time of the sentences after it that give none: "In December 2019 …"
 * does; "idle since 2015" and "until 2030" bound a state, they say nothing of when what follows held.
 */
export function framesWhatFollows(text: string, date: Figure): boolean {
  return !/\b(?:since|until|till)\s+(?:at\s+least\s+|early\s+|late\s+|mid-?)?$/i.test(text.slice(Math.max(0, date.start - 24), date.start));
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
  // A place in a series ("the second Belt and Road Forum in April 2019") holds for no year: the date is the event's, checked on its own.
  if (figure.kind === 'rank') return undefined;
  // A date in a reporting clause is the day it was told: "stood at $700 million the previous year, RT said in December 2019".
  const framing = framingSpans(text, sentence).filter((s) => !inFraming([s], figure));
  if (framing.length) dates = dates.filter((d) => !inFraming(framing, d));
  // A date right after the figure is its own, wherever the clause was cut: "rose to $186 million in 2025 from $141 million in 2024".
  // A year a figure is compared with is not its own: "38% more than in 2023", "up 5% on 2022".
  dates = dates.filter((d) => !comparedYear(text, d));
  // Nor a date that bounds a state: "Pakistan Steel Mills, which has been idle since June 2015"; "valid until 2030".
  dates = dates.filter((d) => framesWhatFollows(text, d));
  // Nor is the year of another figure that is the base of a change: "reached $18.7 million in
  // 2023-24, up from $11.2 million in 2022-23, an increase of 67 percent" (2022-23 is $11.2 million's).
  dates = dates.filter((d) => !figures.some((g) => g !== figure && g.end <= d.start && /^\s*(?:in|for|during)?\s*$/i.test(text.slice(g.end, d.start)) && isChangeBase(text, g)));
  const right = dates.find((d) => d.start >= figure.end && d.end <= sentence.end && /^\s*(?:in|for|during)?\s*$/i.test(text.slice(figure.end, d.start)));
  if (right) return right;
  // The value a change starts from holds for a time before its sentence's date, and without a
  // date of its own ("up from 200 the year before" has one) for none it gives. Not the first of
  // "between 2017 and 2018, from $36 million to above $90 million": the years in order date both (below).
  if (isChangeBase(text, figure) && !(dates.filter((d) => d.end <= figure.start && d.start >= sentence.start).length >= 2 && rangePair(text, figure, figures))) return undefined;
  const clause = clauseOf(text, figure, figures, sentence);
  const inClause = dates.filter((d) => d.start >= clause.start && d.end <= clause.end);
  // Not past a new clause of its own: "is 85 percent complete, the secretariat said, and first power is expected in May 2027";
  // nor past ", with" and another thing's date: "will invest $640 million, with a first phase due to open in … 2026".
  const stop = Math.min(clauseEnd(text, figure.end, clause.end), withClause(text, figure.end, clause.end));
  const after = inClause.find((d) => d.start >= figure.end && d.start < stop);
  if (after) return after;
  const before = inClause.filter((d) => d.end <= figure.start);
  // "between 2017 and 2018, from $36 million to $90 million": the years in the order of the figures.
  const pair = rangePair(text, figure, figures);
  if (pair && before.length >= 2 && !inClause.some((d) => d.start >= pair.from.start)) return pair.from === figure ? before.at(-2) : before.at(-1);
  const last = before.at(-1);
  // "agreed in May 2018 to lift trade to $10 million": the date is the agreement's, the figure what it aims at.
  if (last && aimBetween.test(text.slice(last.end, figure.qualifierStart ?? figure.start))) return undefined;
  // "Between June 2023 and May 2025 Pakistan imported 1.9 million tonnes": a period is named by its start, before or after the figure.
  const start = last && before.at(-2);
  return start && /\b(?:between|from)\s+$/i.test(text.slice(Math.max(0, start.start - 10), start.start)) && /^\s*(?:and|to|until|till|[-–])\s*$/.test(text.slice(start.end, last!.start)) ? start : last;
}

/**
 * The figure is the value a change starts from ("up from $11.2 million", "rose from 141"), or
 * one of an earlier time it is set against ("against five before the talks"; not "$150 million,
 * against some $250 million of imports", which sets two facts of one time side by side).
 */
export function isChangeBase(text: string, figure: Figure): boolean {
  const start = figure.qualifierStart ?? figure.start;
  const before = baseBefore.exec(text.slice(Math.max(0, start - 16), start));
  return before !== null && (/^from/i.test(before[0]) || earlierTime.test(text.slice(figure.end, figure.end + 40)));
}

const baseBefore = new RegExp(`${baseWords}$`, 'i');

/** The value a figure is set against, another thing's: "lower than the $0.463 …", "undercut the $0.438 agreed for …". Not a hedge: "more than $5 million". */
export function isComparedValue(text: string, figure: Figure): boolean {
  const start = figure.qualifierStart ?? figure.start;
  return comparedBefore.test(text.slice(Math.max(0, start - 30), start));
}

const comparedBefore = /\b(?:than|undercut(?:s|ting)?|outstripp(?:ed|ing)|outstrips?|beat(?:s|ing)?|surpass(?:es|ed|ing)?)\s+(?:the|its|their|that|a|an)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** After a figure: it held at an earlier time. */
const earlierTime = /^[^,.;]{0,30}?\b(?:before|earlier|previously|ago|last\s+year|the\s+(?:previous|preceding)\s+year)\b/i;

/** A year a figure is measured against: "38% more than in 2023", "a 20% decrease from the year before". */
function comparedYear(text: string, date: Figure): boolean {
  return comparedWith.test(text.slice(Math.max(0, date.start - 30), date.start));
}

/** Words before the year a figure is measured against. */
const comparedWith = /\b(?:than|below|above|compared\s+(?:with|to)|as\s+against|(?:up|down)\s+\S+\s+(?:on|from)|(?:increase|decrease|rise|fall|drop|decline|jump|gain|growth)\w*\s+(?:on|from|over)|(?:%|per\s*cent|percent|fifth|quarter|third|half|tenth)s?\s+(?:on|over))\s+(?:in\s+|that\s+of\s+|the\s+level\s+of\s+)?$/i;

/**
 * An infinitive of aiming between a date and a figure ("to lift", "to raise", "to take … to", "to
 * work towards (raising it to)"), or a purpose ("unveiled in 2015 with the aim of connecting
 * Gwadar to Kashgar over 3,000 km", "in order to", "aimed at"; "signed on 15 July 2021 … the terms
 * to construct a $2.5 billion pipeline").
 */
const aimBetween = /\bto\s+(?:try\s+to\s+)?(?:aim\s+(?:for|at)\b|work\s+towards?\b|(?:work\s+towards?\s+)?(?:increas|rais|grow|boost|expand|lift|tripl|doubl|quadrupl|bring|tak|reach|hit)\w*)|\bwith\s+the\s+(?:aim|goal|purpose|intention|object)\s+of\b|\baimed\s+at\b|\bin\s+order\s+to\b|\bso\s+as\s+to\b|\bto\s+(?:build|construct|develop|lay|set\s+up|establish)\b/i;

/** What starts a new clause of its own inside a sentence: a semicolon, or a comma before "and", "but", "while"… */
export const ownClauseBreak = /;|,\s+(?:and|but|while|whereas|although|though|thus|hence|making|meaning)\b/gi;
/**
 * After a figure, "and" before a verb in the past ends its clause where another figure follows:
 * "a 64-member delegation spent five days in Pakistan and pledged $1 billion for the mills" (the
 * later figure keeps the subject the two verbs share).
 */
const figureClauseBreak = new RegExp(String.raw`${ownClauseBreak.source}|\s+and\s+(?:also\s+)?(?:\p{Ll}{2,}ed|spent|paid|gave|made|took|won|sold|bought|lent|sent)\b`, 'giu');

/**
 * A figure inside a clause set off by commas that describes the noun before it ("Manturov's
 * delegation, which comprised 64 business leaders, also agreed…"; "the Concept, approved by
 * Putin on 30 November 2016, commits…"; "Pakistan, with over 200 million people, is…"): its
 * clause ends at the closing comma, and what the sentence says after it is another fact's.
 * Where that comma is, or undefined.
 */
export function parentheticalEnd(text: string, figure: Span, sentence: Span): number | undefined {
  const open = text.lastIndexOf(',', figure.start);
  if (open <= sentence.start || !/\S/.test(text.slice(sentence.start, open))) return undefined;
  if (!parentheticalOpening.test(text.slice(open, figure.start))) return undefined;
  const close = text.indexOf(',', figure.end);
  if (close < 0 || close >= sentence.end || !/\p{L}/u.test(text.slice(close, sentence.end))) return undefined;
  return close;
}

/** What opens a describing clause: a relative pronoun, "with", or a past participle and its preposition. */
const parentheticalOpening = /^,\s+(?:which|who|whose|with|comprising|numbering|\p{Ll}+ed\s+(?:by|on|in|at|for|from|under|during))\b[^,;]*$/u;

/**
 * What the sentence adds after a figure, from ", with", when it has a claim of its own: another
 * thing's words, not the figure's subject ("will invest $640 million, with a first phase due to
 * open in the second quarter of 2026"). Not a ", with" that only says more of the same thing
 * ("into four categories, with Saudi Arabia standing for Wahabism").
 */
export function otherThingAfter(text: string, figure: Figure, figures: readonly Figure[], sentence: Span): Span | undefined {
  const at = withClause(text, figure.end, sentence.end);
  return at < sentence.end && figures.some((f) => f.start > at && f.end <= sentence.end) ? { start: at, end: sentence.end } : undefined;
}

/** ", with": what a sentence adds about another thing (withClause), or, right after a sum, a part of it (partOfSum). */
export const withJoin = String.raw`,\s*with\b`;
const withAhead = new RegExp(withJoin, 'i');

/** Where ", with" opens what the sentence adds about another thing, after `from` (else `to`). */
function withClause(text: string, from: number, to: number): number {
  const at = text.slice(from, to).search(withAhead);
  return at < 0 ? to : from + at;
}

/** Where the clause that goes on after `from` ends (ownClauseBreak). */
function clauseEnd(text: string, from: number, to: number): number {
  ownClauseBreak.lastIndex = 0;
  const m = ownClauseBreak.exec(text.slice(from, to));
  return m ? from + m.index : to;
}

/**
 * "from $36 million to $90 million": two figures of one measure, the level before and after
 * a change. They share their subject, so each figure's clause spans both.
 */
function rangePair(text: string, figure: Figure, figures: readonly Figure[]): { from: Figure; to: Figure } | undefined {
  const { rivals, rivalIndex } = layout(figures, figure);
  const i = rivalIndex.get(figure);
  if (i === undefined) return undefined;
  const joined = (a: Figure | undefined, b: Figure | undefined): boolean =>
    Boolean(a && b) && /\bfrom\s*$/i.test(text.slice(Math.max(0, (a!.qualifierStart ?? a!.start) - 8), a!.qualifierStart ?? a!.start)) && /^[^,;.$]{0,24}?\bto\s*$/i.test(text.slice(a!.end, b!.qualifierStart ?? b!.start));
  if (joined(rivals[i - 1], figure)) return { from: rivals[i - 1]!, to: figure };
  if (joined(figure, rivals[i + 1])) return { from: figure, to: rivals[i + 1]! };
  return undefined;
}

/** Marks, then words, that end a figure's clause before the next figure begins. */
// "…came to $264 million and its imports … to $148 million": "and" before a new subject starts the next clause.
// "583 km of it inside Afghanistan and 177 km in Pakistan": "and" right before the next figure does too.
const clauseBreaks = [/[,;:–—(]/, /\b(?:while|whereas|but|although|though|out of|compared (?:with|to)|against|versus|to|and(?=\s+(?:its|their|his|her|the|a|an)\s)|and(?=\s*$))\b/i, /\band(?=\s+\p{Lu})/u];

/**
 * The stretch of its sentence that a figure belongs to: the words after a figure up to the
 * first break (a comma, else a word such as "while", "out of" or "to", else "and" before a name:
 * "owns 60 percent of the venture and Saudi Arabia's ACWA Power the remaining 40 percent") before
 * the next figure are its own ("$13 billion worth of projects completed"); without a break, the
 * text between two figures is halved.
 */
export function clauseOf(text: string, figure: Figure, figures: readonly Figure[], sentence: Span): Span {
  const pair = rangePair(text, figure, figures);
  if (!pair) return ownClause(text, figure, figures, sentence);
  return { start: ownClause(text, pair.from, figures, sentence).start, end: ownClause(text, pair.to, figures, sentence).end };
}

function ownClause(text: string, figure: Figure, figures: readonly Figure[], sentence: Span): Span {
  // Only figures of the same kind compete for words: "a 64-member delegation … for a four-day visit" is one fact.
  const { rivals, rivalIndex, position } = layout(figures, figure);
  const index = rivalIndex.get(figure);
  if (index === undefined || position.get(figure) === undefined) return ownClause(text, figure, [...figures, figure].sort((a, b) => a.start - b.start), sentence);
  const previous = rivals[index - 1];
  const next = rivals[index + 1];
  let start = previous ? boundary(text, previous.end, figure.qualifierStart ?? figure.start) : sentence.start;
  let end = next ? boundary(text, figure.end, next.qualifierStart ?? next.start) : sentence.end;
  // Other figures end the clause only at a clear break: "… visited Pakistan, and Russia pledged $1 billion".
  // Only those between the clause's first ends can, and they are read in order, nearest the figure last.
  const at = position.get(figure)!;
  let first = at;
  while (first > 0 && figures[first - 1]!.end >= start) first--;
  for (let i = first; i < at; i++) {
    const other = figures[i]!;
    if (rivalIndex.has(other) || other.end > figure.start || other.end < start) continue;
    const breaks = [...text.slice(other.end, figure.start).matchAll(ownClauseBreak)];
    if (breaks.length) start = other.end + breaks.at(-1)!.index;
  }
  for (let i = at + 1; i < figures.length && figures[i]!.start <= end; i++) {
    const other = figures[i]!;
    if (rivalIndex.has(other) || other.start < figure.end) continue;
    const found = text.slice(figure.end, other.start).search(figureClauseBreak);
    if (found >= 0) end = figure.end + found;
  }
  // A clause of its own after the figure is another fact's, figure or none: "Tourism earnings rose
  // to $3.07 billion, while visitors from Britain numbered …" names no holder of the earnings.
  end = clauseEnd(text, figure.end, end);
  const closing = parentheticalEnd(text, figure, sentence);
  if (closing !== undefined && closing < end) end = closing;
  return { start, end };
}

/** Where each figure stands among a sentence's figures and among its rivals (same kind and unit): worked out once per list and kind, not once per figure. */
interface Layout {
  rivals: Figure[];
  rivalIndex: Map<Figure, number>;
  position: Map<Figure, number>;
}
const layouts = new WeakMap<readonly Figure[], Map<string, Layout>>();

function layout(figures: readonly Figure[], figure: Figure): Layout {
  let byKind = layouts.get(figures);
  if (!byKind) layouts.set(figures, (byKind = new Map()));
  const key = `${figure.kind}\u0000${figure.unit}`;
  let found = byKind.get(key);
  if (!found) {
    const rivals = figures.filter((f) => f.kind === figure.kind && f.unit === figure.unit);
    found = { rivals, rivalIndex: new Map(rivals.map((f, i) => [f, i])), position: new Map(figures.map((f, i) => [f, i])) };
    byKind.set(key, found);
  }
  return found;
}


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
