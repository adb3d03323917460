// Laid-out PDF pages into the text of a source: running heads and bare page numbers dropped,
// lines joined into paragraphs (rejoining words hyphenated at a line's end), headings told by
// their type size, and page-foot footnotes paired with the superscript markers that cite them.
import type { Line, PageLayout } from './pdfLayout';

export interface PageLines {
  lines: Line[];
  height: number;
}

export interface PageFoot {
  notes: { label: string; text: string }[];
  /** Smaller-type lines at the foot before any numbered note (a caption, a credit). */
  rest: string[];
}

/** The type size of most of the document's characters. */
export function bodySize(pages: readonly PageLines[]): number {
  const weight = new Map<number, number>();
  for (const { lines } of pages) for (const line of lines) for (const r of line.runs) if (!r.superscript) weight.set(Math.round(r.size * 2) / 2, (weight.get(Math.round(r.size * 2) / 2) ?? 0) + r.text.length);
  return [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 10;
}

/**
 * Each page without its running heads and feet (lines at the same height with the same
 * words, numbers aside, in the top or bottom sixth of two pages or more, and of two fifths of them)
 * and without lines that are only a page number (arabic, or roman up to xxxix) there.
 */
export function withoutHeadsAndFeet(pages: readonly PageLines[]): PageLines[] {
  const inMargin = (line: Line, height: number): boolean => line.y > height * (5 / 6) || line.y < height / 6;
  const key = (line: Line): string => `${Math.round(line.y / 2)}:${plain(line).replace(/\d+/g, '#').toLowerCase()}`;
  const pagesWith = new Map<string, number>();
  for (const { lines, height } of pages) for (const k of new Set(lines.filter((l) => inMargin(l, height)).map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  // Two fifths: a journal's heads alternate, the authors on even pages and the title on odd ones.
  const repeated = (k: string): boolean => (pagesWith.get(k) ?? 0) >= Math.max(2, pages.length * 0.4);
  const pageNumber = /^(\d{1,4}|x{0,3}(ix|iv|v?i{0,3}))$/i;
  return pages.map(({ lines, height }) => ({ height, lines: lines.filter((l) => !inMargin(l, height) || !(repeated(key(l)) || pageNumber.test(plain(l)))) }));
}

/** The line's text with its superscript numbers as they are printed. */
function plain(line: Line): string {
  return joinRuns(line, (n) => n);
}

/**
 * The line's text; a superscript number becomes what `marker` makes of it, or is left out when
 * no footnote has it (an affiliation mark): kept, it would run into the figure it follows.
 */
function joinRuns(line: Line, marker: (number: string) => string | undefined): string {
  let text = '';
  let end = -Infinity;
  for (const run of line.runs) {
    let piece = run.text;
    if (run.superscript) piece = run.text.split(',').map((n) => marker(n.trim()) ?? '').join('');
    else if (text && !/\s$/.test(text) && !/^\s/.test(piece) && run.x - end > 0.15 * run.size) text += ' ';
    text += piece;
    end = run.x + run.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The hyphenated words the text uses within its lines ("two-year"), lower case. */
export function hyphenatedWords(pages: readonly PageLines[]): Set<string> {
  const words = new Set<string>();
  for (const { lines } of pages) for (const line of lines) for (const m of plain(line).matchAll(/\p{L}+-\p{L}+/gu)) words.add(m[0].toLowerCase());
  return words;
}

/**
 * Appends a line to a paragraph. A word broken with a hyphen at the line's end is rejoined
 * ("develop-" "ment"), unless the text writes it with the hyphen elsewhere or the rest starts
 * with a capital or a digit ("Pakistan-" "Russia"), when the hyphen stays.
 */
export function joinLine(paragraph: string, line: string, hyphenated: ReadonlySet<string>): string {
  if (!paragraph) return line;
  const broken = /(\p{L}+)-$/u.exec(paragraph);
  if (broken) {
    const rest = /^\p{L}+/u.exec(line)?.[0] ?? '';
    if (/^\p{Ll}/u.test(rest) && !hyphenated.has(`${broken[1]}-${rest}`.toLowerCase())) return paragraph.slice(0, -1) + line;
    return paragraph + line;
  }
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + line;
  // A dash between words ("North–" "South") and an address broken at a slash run on; a
  // spaced dash (" – ") and a slash before a new word ("/ (accessed") do not.
  if (/\S[–—]$/.test(paragraph) || (/(?:\/\/|www\.)\S*\/$/.test(paragraph) && !/^[(\p{Lu}]/u.test(line))) return paragraph + line;
  return `${paragraph} ${line}`;
}

/**
 * A page's paragraphs and headings: headings as "## …", each paragraph on one line, with
 * superscript numbers as `marker` makes them. A paragraph ends at a gap wider than a line's,
 * a change of type size, an indented line, or a line that ends a sentence well short of the
 * column's edge; it reads on from one column's foot to the next column's head.
 */
export function pageText(layout: PageLayout, size: number, hyphenated: ReadonlySet<string>, marker: (number: string) => string | undefined): string[] {
  const blocks: string[] = [];
  for (const block of layout.blocks) {
    const left = (l: Line): number => Math.min(...block.filter((o) => o.side === l.side).map((o) => o.x));
    const edge = (l: Line): number => Math.max(...block.filter((o) => o.side === l.side).map((o) => o.right));
    let paragraph = '';
    let previous: Line | undefined;
    const flush = (): void => {
      if (paragraph) blocks.push(previous && previous.size >= 1.15 * size ? `${previous.size >= 1.5 * size ? '#' : '##'} ${paragraph}` : paragraph);
      paragraph = '';
    };
    for (const line of block) {
      if (previous && startsParagraph(previous, line, size, left, edge)) flush();
      paragraph = joinLine(paragraph, joinRuns(line, marker), hyphenated);
      previous = line;
    }
    flush();
  }
  return blocks;
}

function startsParagraph(previous: Line, line: Line, size: number, left: (l: Line) => number, edge: (l: Line) => number): boolean {
  const heading = (l: Line): boolean => l.size >= 1.15 * size;
  if (heading(previous) !== heading(line) || Math.abs(previous.size - line.size) > 0.1 * line.size) return true;
  const sameColumn = previous.side === line.side;
  // Indented from the line before, or from its column's edge at the head of a column.
  if (line.x > (sameColumn ? previous.x : left(line)) + 0.5 * line.size) return true;
  if (sameColumn && previous.y - line.y > 1.6 * Math.max(previous.size, line.size)) return true;
  const text = plain(previous);
  return sameColumn && /[.?!:]["”’)]?$/.test(text) && previous.right < edge(previous) - 3 * previous.size;
}

/**
 * Page-foot lines into footnotes: a line starting with a number (raised or not) starts one,
 * the lines after it continue it. Lines before the first number are not footnotes, nor is a
 * foot whose numbers do not go up (a listing or a table in small type, read as text).
 */
export function pageFoot(foot: readonly Line[], hyphenated: ReadonlySet<string>): PageFoot {
  const notes: { label: string; text: string }[] = [];
  const rest: string[] = [];
  for (const line of foot) {
    const raised = line.runs[0]?.superscript ? line.runs[0].text.trim() : undefined;
    const text = raised ? joinRuns({ ...line, runs: line.runs.slice(1) }, () => undefined) : plain(line);
    const start = raised && /^\d{1,3}$/.test(raised) ? [text, raised, text] : /^(\d{1,3})[.)]?\s+(.*)$/.exec(text);
    if (start) notes.push({ label: start[1]!, text: start[2]! });
    else if (notes.length) notes.at(-1)!.text = joinLine(notes.at(-1)!.text, text, hyphenated);
    else rest.push(text);
  }
  if (notes.some((n, i) => i > 0 && Number(n.label) <= Number(notes[i - 1]!.label))) return { notes: [], rest: foot.map(plain) };
  return { notes, rest };
}
