// Dates written relative to another: "last year" and "in November" in a report dated December
// 12, 2019; "a year later" and "the same year" after a sentence's or paragraph's own date. Each
// becomes a date figure with the value it stands for, so that it is checked as that date.
import { extractFigures } from './figures';
import { monthPattern } from './dates';
import type { Draft, ProseBlock } from '../draft/draft';
import type { Figure, Span } from '../types';

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNumbers = new Map(monthNames.map((m, i) => [m, i + 1]));
/** By its first three letters, as "Dec", "Sept." and "December" all begin. */
const monthByPrefix = new Map(monthNames.map((m, i) => [m.slice(0, 3), i + 1]));

/**
 * Relative to the page's own date: "last year" (or "last fiscal year"), "this year", "earlier this year", "earlier in the
 * year", "at the start of the year", "next year" (group 1 the word that says which year), and
 * "this month".
 */
const pageYear = /\b(?:(last|this|next)\s+(?:(?:fiscal|financial|calendar)\s+)?year|(?:earlier|later)\s+(this|in\s+the)\s+year|at\s+the\s+(?:start|beginning)\s+of\s+(the|this)\s+year|(this)\s+month)\b/gi;
/** A month with no year or day: "in November", "last October", "since March". "May" only after its preposition. */
const bareMonth = /\b(in|last|this|since|by|until|early|late|mid-|from)\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]*\d)/g;
/**
 * A day of a month with no year: "Dec 10", "December 16", "18 June", "the 3rd of March" (groups
 * 1–2 or 3–4). Not one a year follows, which the figure reader reads.
 */
const monthDay = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${monthPattern}\s+(\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${monthPattern})(?![\p{L}\d])(?![\s,]*\[?\d)`,
  'gu',
);
/** A monthDay match's length, without the full stop that may end its sentence ("on the 24th of December."). */
const dayLength = (m: RegExpExecArray | RegExpMatchArray): number => m[0].length - (m[4] && m[0].endsWith('.') ? 1 : 0);
/** monthDay where a dateline's place ends. */
const monthDayAt = new RegExp(monthDay.source, 'uy');
/** Words that put what follows them still to come. */
const future = /\b(?:will|shall|is\s+to|are\s+to|due|expected|scheduled|planned|set\s+to|plans?\s+to|next)\b/i;
/** A verb in the past a few words before: "signed in Hanoi on Monday", "met in March"; not one that puts it ahead ("expected in March"). */
const pastJustBefore = /\b(?!(?:expected|scheduled|planned|slated|timetabled)\b)(?:[a-z]+ed|met|held|said|told|began|made|took|gave|won|sent|left|came|went|saw|spoke|wrote|struck)(?:\s+[\w'-]+){0,3}\s+$/i;
/** The same verb still to come: "will be signed in Hanoi on Monday", "is to be held in March". */
const passiveToCome = /\b(?:will|shall|to|would)\s+be\s+[a-z]+(?:\s+[\w'-]+){0,3}\s+$/i;

/**
 * Whether a day or month written after `before` (its sentence up to it) is still to come: "the
 * plant is due to open in March", "will meet on Thursday"; not what was done just before it,
 * whatever the sentence said first ("will supply rice under an agreement signed in Hanoi on Monday").
 */
export function stillToCome(before: string): boolean {
  return future.test(before) && !(pastJustBefore.test(before) && !passiveToCome.test(before));
}
/** Relative to the date before it: "a year later", "the following year", "the same year", "that year", "a year earlier". */
const nextYear = /\b(?:(a\s+year\s+later|the\s+(?:following|next)\s+year|a\s+year\s+after)|((?:in\s+|later\s+)?(?:the\s+same|that)\s+year)|(a\s+year\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+year|the\s+year\s+before))\b/gi;

/**
 * The relative dates of a sentence, with the values they stand for: against `page`, the date
 * the draft gives itself (its publication stamp or dateline), or `context`, the last date its
 * paragraph gave before the sentence; "a year later" against the last date before it in the
 * sentence, else `context`. None that overlaps a figure already `read`.
 */
export function relativeDates(text: string, sentence: Span, read: readonly Figure[], page: Figure | undefined, context: Figure | undefined): Figure[] {
  const previous = (at: number): Figure | undefined => read.filter((f) => (f.kind === 'year' || f.kind === 'date') && f.end <= at).at(-1) ?? context;
  const slice = text.slice(sentence.start, sentence.end);
  const found: Figure[] = [];
  const free = (start: number, end: number): boolean => !read.some((f) => f.start < end && f.end > start) && !found.some((f) => f.start < end && f.end > start);
  // A fiscal year shifts as one: "a year later" than 2023-24 is 2024-25.
  const add = (start: number, end: number, year: number, month?: number, through?: number, day?: number): void => {
    if (!free(start, end)) return;
    const date = month ? (day ? { year, month, day } : { year, month }) : through !== undefined ? { year, through } : { year };
    found.push({ kind: month ? 'date' : 'year', start, end, text: text.slice(start, end), value: year, unit: month ? 'date' : 'year', qualifier: 'exact', low: year, highBound: year, date, relative: true });
  };
  for (const m of slice.matchAll(nextYear)) {
    const start = sentence.start + m.index;
    const before = previous(start);
    if (!before?.date) continue;
    const shift = m[1] ? 1 : m[2] ? 0 : -1;
    add(start, start + m[0].length, before.date.year + shift, undefined, before.date.through === undefined ? undefined : before.date.through + shift);
  }
  // The page's own date is "now"; without one, the date its paragraph gave before, if it gives its month ("In December 2019 …
  // last year"): a bare year is more likely a figure's ("trade was under $25m in 2018 … a roadmap was drawn up early last year").
  for (const m of slice.matchAll(pageYear)) {
    const start = sentence.start + m.index;
    const now = page ?? (context?.date?.month ? context : undefined);
    if (!now?.date) continue;
    const which = (m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase();
    if (which === 'this' && m[4]) {
      if (now.date.month) add(start, start + m[0].length, now.date.year, now.date.month);
      continue;
    }
    add(start, start + m[0].length, now.date.year + (which === 'last' ? -1 : which === 'next' ? 1 : 0));
  }
  if (page?.date?.month) {
    const today = page.date.month * 32 + (page.date.day ?? 31);
    for (const m of slice.matchAll(monthDay)) {
      const month = monthByPrefix.get((m[1] ?? m[4]!).toLowerCase().slice(0, 3))!;
      const day = Number(m[2] ?? m[3]);
      if (day < 1 || day > 31) continue;
      const start = sentence.start + m.index + (m[0].startsWith('the') ? 4 : 0);
      // As a month alone is: the latest such day up to the page's own, or of what is still to come, the next.
      const ahead = stillToCome(text.slice(sentence.start, start));
      const at = month * 32 + day;
      const year = ahead ? (at >= today ? page.date.year : page.date.year + 1) : at <= today ? page.date.year : page.date.year - 1;
      add(start, sentence.start + m.index + dayLength(m), year, month, undefined, day);
    }
    for (const m of slice.matchAll(bareMonth)) {
      const name = m[2]!;
      const start = sentence.start + m.index + m[0].length - name.length;
      const month = monthNumbers.get(name.toLowerCase())!;
      // The latest such month up to the page's own ("in November", in a report of December 2019, is
      // November 2019); of what is still to come, the next ("the plant is due to open in March": March 2020).
      const ahead = stillToCome(text.slice(sentence.start, start));
      const year = ahead ? (month >= page.date.month ? page.date.year : page.date.year + 1) : month <= page.date.month ? page.date.year : page.date.year - 1;
      add(start, start + name.length, year, month);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The year a source's clause means by "last year", "this year", "a year earlier" or "the
 * following year" when the last date its passage gave is `context` (read as relativeDates reads a
 * draft's): in a report of December 2019, "trade which last year stood at $700 million" holds for
 * 2018. Without such words, `context` itself.
 */
export function relativeTo(context: Figure, clause: string): Figure {
  const found = relativeDates(clause, { start: 0, end: clause.length }, [], undefined, context).find((f) => f.kind === 'year');
  if (!found) return context;
  const { relative: _, ...year } = found;
  return { ...year, start: context.start, end: context.end, text: String(year.value) };
}

/**
 * The date a draft gives itself, and which of `blocks` gives it: the first date with its month in one of its first blocks that
 * is a stamp ("Published December 12, 2019", "*March 2, 2020*", "Posted 18 May 2020 by …",
 * "Sunday, October 27, 2024") or, unless not `datelines`, opens with a dateline ("TASHKENT, 18 July 2022 — …").
 */
export function pageDateOf(blocks: readonly string[], datelines = true): { date: Figure; block: number } | undefined {
  for (const [block, prose] of blocks.entries()) {
    const date = extractFigures(prose, 0, Math.min(prose.length, 200)).find((f) => f.kind === 'date' && f.date?.month !== undefined);
    if (!date) continue;
    const before = prose.slice(0, date.start);
    // The stamp may be the first line of a paragraph the report's text goes on in ("Published December 12, 2019⏎ISLAMABAD: …").
    const lineEnd = prose.indexOf('\n');
    const line = lineEnd < 0 ? prose : prose.slice(0, lineEnd);
    // A stamp says little else: a few words ("Posted … by the IPRI Research Desk"), no other number but a time of day.
    const rest = line.slice(0, date.start) + line.slice(date.end);
    const stamp = date.end <= line.length && (rest.match(/\p{L}+/gu) ?? []).length <= stampWords && !/\d/.test(rest.replace(/\b\d{1,2}:\d{2}\b/g, ''));
    const dateline = /^\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,40},\s*$/u.test(before);
    if (stamp || (datelines && dateline)) return { date, block };
  }
  return undefined;
}

/** How many words besides its date a page's stamp may have. */
const stampWords = 6;

/** The date a draft gives itself (pageDateOf), the block that gives it, and a dateline above that gives it without its year. */
export interface PageDate {
  date: Figure;
  block: ProseBlock;
  /** "KARACHI, Dec 10 (Agency) –" over a report stamped "Published: 10 December 2019" at its foot: the page's own date too. */
  dateline?: { block: ProseBlock } & Span;
}

/** How many blocks outside footnotes, at its top and at its foot, a draft's own date is looked for in. */
const topBlocks = 5;
const footBlocks = 3;
const datelinePlace = /^\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,40},\s*/u;

/**
 * The date a draft gives itself: a stamp or a dateline in its first five blocks outside
 * footnotes, else a stamp in its last three ("Published: 10 December 2019" under a news report),
 * which also dates a dateline at its top that gives no year.
 */
export function draftDate(draft: Draft): PageDate | undefined {
  const top: ProseBlock[] = [];
  for (const block of draft.blocks) {
    if (top.length >= topBlocks) break;
    if (!block.inFootnote) top.push(block);
  }
  const found = pageDateOf(top.map((b) => b.prose));
  let page: PageDate | undefined = found && { date: found.date, block: top[found.block]! };
  if (!page) {
    const foot: ProseBlock[] = [];
    for (let i = draft.blocks.length - 1; i >= 0 && foot.length < footBlocks; i--) {
      const block = draft.blocks[i]!;
      if (top.includes(block)) break;
      if (!block.inFootnote) foot.unshift(block);
    }
    const stamp = pageDateOf(foot.map((b) => b.prose), false);
    if (!stamp) return undefined;
    page = { date: stamp.date, block: foot[stamp.block]! };
  }
  for (const block of top) {
    if (block === page.block) break;
    const place = datelinePlace.exec(block.prose);
    if (!place) continue;
    monthDayAt.lastIndex = place[0].length;
    const day = monthDayAt.exec(block.prose);
    if (!day) continue;
    const start = day.index + (day[0].startsWith('the') ? 4 : 0);
    page.dateline = { block, start, end: day.index + dayLength(day) };
    break;
  }
  return page;
}
