// Turns text extracted from a paginated PDF article into clean Markdown blocks: pages
// found from their breaks, running heads and bare-URL blocks dropped, words hyphenated
// across lines rejoined, footnote markers glued to words ("20171", "$60 billion4")
// recovered in order, and the page-bottom footnote definitions collected.
import { titleCase, type Block, type Conversion } from './blocks';

export interface PdfTextOptions {
  /** Printed number of the first page. */
  firstPage: number;
  /** Lines dropped wherever they stand, such as the journal's running head. */
  runningHeads: RegExp[];
  /** Pages whose letters are mostly not Latin (a translated abstract) are left out. */
  dropNonLatinPages: boolean;
}

interface Page {
  number: number;
  lines: string[];
}

interface Paragraph {
  kind: 'paragraph' | 'heading';
  lines: string[];
  firstPage: number;
  lastPage: number;
}

const urlLine = /^(?:https?:\/\/|mailto:|www\.)\S+$/;
const pageNumberLine = /^\d{1,3}$/;
const terminal = /[.!?:;”"’)\]]$/;

export function convertPdfText(raw: string, options: PdfTextOptions): Conversion {
  const problems: string[] = [];
  const pages = splitPages(raw, options, problems);
  const urls = new Set<string>();
  const notesByPage = new Map<number, Map<number, string>>();
  const paragraphs: Paragraph[] = [];
  const keywords: string[] = [];
  let nextDefinition = 1;

  for (const page of pages) {
    const body: string[] = [];
    const notes = new Map<number, string[]>();
    let zone: 'body' | 'notes' | 'urls' = 'body';
    let current: string[] | undefined;
    page.lines.forEach((line, i) => {
      const trimmed = line.trim();
      const definition = /^(\d{1,3})\s+(\S.*)$/.exec(trimmed);
      const startsDefinition = definition && Number(definition[1]) === nextDefinition && (zone === 'notes' || !page.lines[i - 1]?.trim());
      if (startsDefinition) {
        zone = 'notes';
        current = [definition[2]!];
        notes.set(nextDefinition++, current);
      } else if (zone === 'notes' && trimmed) {
        current!.push(trimmed);
      } else if (zone === 'notes') {
        zone = 'urls';
      } else if (urlLine.test(trimmed)) {
        urls.add(trimmed);
      } else if (zone === 'body') {
        body.push(line);
      } else if (trimmed) {
        problems.push(`page ${page.number}: text after the footnotes was left out: "${trimmed.slice(0, 60)}"`);
      }
    });
    const pageNotes = new Map<number, string>();
    for (const [label, parts] of notes) pageNotes.set(label, joinFootnote(parts));
    notesByPage.set(page.number, pageNotes);
    collectParagraphs(body, page.number, paragraphs, keywords);
  }

  const text = paragraphs.map((p) => p.lines.join('\n')).join('\n');
  const hyphenated = hyphenatedWords(text);
  const blocks: Block[] = [];
  const markers = { next: 1 };
  const notesShown = new Set<number>();
  let pageShown = '';
  // A page's footnotes follow the paragraph in which that page ends.
  const showNotesBefore = (page: number): void => {
    for (const [number, notes] of notesByPage) {
      if (number >= page || notesShown.has(number)) continue;
      notesShown.add(number);
      for (const [label, note] of notes) blocks.push({ kind: 'footnote', label: String(label), text: note });
    }
  };
  for (const paragraph of paragraphs) {
    showNotesBefore(paragraph.firstPage);
    const locator = paragraph.firstPage === paragraph.lastPage ? `${paragraph.firstPage}` : `${paragraph.firstPage}–${paragraph.lastPage}`;
    if (locator !== pageShown) blocks.push({ kind: 'page', page: locator });
    pageShown = locator;
    const joined = joinLines(paragraph.lines, hyphenated);
    if (paragraph.kind === 'heading') blocks.push({ kind: 'heading', text: titleCase(joined) });
    else blocks.push({ kind: 'paragraph', text: placeMarkers(joined, markers) });
  }
  showNotesBefore(Infinity);

  const defined = [...notesByPage.values()].flatMap((n) => [...n.keys()]);
  const cited = markers.next - 1;
  if (defined.length < cited) {
    const missing = Array.from({ length: cited }, (_, i) => i + 1).filter((n) => !defined.includes(n));
    problems.push(missing.length === 1 ? `footnote ${missing[0]} is cited but its definition is missing from the text` : `footnotes ${missing.join(', ')} are cited but their definitions are missing from the text`);
  }
  if (defined.length > cited) problems.push(`footnote markers ${cited + 1}–${defined.length} were not found in the text`);
  for (const [label, note] of [...notesByPage.values()].flatMap((n) => [...n])) {
    const url = /URL:\s*(\S+)/.exec(note)?.[1];
    if (!url || urls.has(url) || urls.has(`http://${url}`)) continue;
    // A URL broken at a line end lost or gained a hyphen; the printed link says which.
    const printed = [...urls].find((u) => u.replace(/-/g, '') === url.replace(/-/g, ''));
    const block = printed && blocks.find((b) => b.kind === 'footnote' && b.label === String(label));
    if (block && block.kind === 'footnote') block.text = block.text.replace(url, printed!);
    else problems.push(`footnote ${label}: its URL ${url} is not among the page's printed links`);
  }
  return { blocks, keywords, problems, stats: { pages: pages.length, cited, defined: defined.length } };
}

/** Pages start at a line indented by the extraction, or after a printed page number. */
function splitPages(raw: string, options: PdfTextOptions, problems: string[]): Page[] {
  const pages: Page[] = [];
  let page: Page = { number: options.firstPage, lines: [] };
  for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (options.runningHeads.some((r) => r.test(trimmed))) continue;
    const printed = pageNumberLine.test(trimmed) ? Number(trimmed) : undefined;
    const indented = /^\s+\S/.test(line) && page.lines.some((l) => l.trim());
    if (printed !== undefined || indented) {
      pages.push(page);
      const number = page.number + 1;
      if (printed !== undefined && printed !== number) problems.push(`printed page number ${printed} where page ${number} was expected`);
      page = { number: printed ?? number, lines: [] };
      if (printed !== undefined) continue;
    }
    page.lines.push(line.replace(/\s+$/, ''));
  }
  pages.push(page);
  return pages.filter((p) => {
    if (!p.lines.some((l) => l.trim())) return false;
    if (options.dropNonLatinPages && !mostlyLatin(p.lines.join(' '))) {
      problems.push(`page ${p.number} left out: it is not in Latin script (a translated abstract)`);
      return false;
    }
    return true;
  });
}

function mostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  return latin * 2 >= letters.length;
}

const headingLine = /^(?=.*[A-Z]{4})[A-Z0-9’'&,\- ]+$/;

/** Splits a page's body into headings and paragraphs; the previous page's last paragraph may go on. */
function collectParagraphs(lines: string[], page: number, paragraphs: Paragraph[], keywords: string[]): void {
  const last = paragraphs.at(-1);
  let open = last?.kind === 'paragraph' ? last : undefined;
  // Whether a page break or a blank line stands between the open paragraph and this line.
  let broken = true;
  let keywordLines: string[] | undefined;
  for (const line of lines) {
    const text = line.trim();
    if (!text) {
      broken = true;
      keywordLines = undefined;
      continue;
    }
    // The keywords go to the front matter; they run on until a line ends with a full stop.
    if (keywordLines || /^Keywords:/.test(text)) {
      (keywordLines ??= []).push(text.replace(/^Keywords:\s*/, ''));
      if (/\.$/.test(text)) {
        keywords.push(...joinLines(keywordLines, new Set()).replace(/\.$/, '').split(/,\s*/));
        keywordLines = undefined;
      }
      open = undefined;
      continue;
    }
    if (/^\*( \*)+$/.test(text)) {
      open = undefined;
      continue;
    }
    if (headingLine.test(text)) {
      paragraphs.push({ kind: 'heading', lines: [text], firstPage: page, lastPage: page });
      open = undefined;
    } else if (/^Abstract\.\s/.test(text)) {
      paragraphs.push({ kind: 'heading', lines: ['Abstract'], firstPage: page, lastPage: page });
      open = { kind: 'paragraph', lines: [text.replace(/^Abstract\.\s+/, '')], firstPage: page, lastPage: page };
      paragraphs.push(open);
    } else if (open && (!broken || continues(open.lines.at(-1)!, text))) {
      open.lines.push(text);
      open.lastPage = page;
    } else {
      open = { kind: 'paragraph', lines: [text], firstPage: page, lastPage: page };
      paragraphs.push(open);
    }
    broken = false;
  }
}

/** Across a blank line or a page break, a sentence cut mid-way goes on. */
function continues(previous: string, next: string): boolean {
  // A footnote marker after the full stop ("Kashmir.’”22") still ends the sentence.
  const end = previous.trim().replace(/(?<=[.!?”’"])\d{1,2}$/, '');
  return /^[\p{Ll}\d$(]/u.test(next) || !terminal.test(end);
}

/** Words printed with a hyphen elsewhere in the text ("state-owned") keep it when split at a line end. */
function hyphenatedWords(text: string): Set<string> {
  return new Set([...text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)].map((m) => m[0].toLowerCase()).filter((w) => !/-$/.test(w)));
}

function joinLines(lines: string[], hyphenated: Set<string>): string {
  let out = '';
  for (const line of lines.map((l) => l.trim())) {
    const cut = /([\p{L}-]*\p{L})-$/u.exec(out);
    const rest = /^\p{L}+/u.exec(line)?.[0];
    if (cut && rest) {
      const keep = /^\p{Lu}/u.test(rest) || hyphenated.has(`${cut[1]}-${rest}`.toLowerCase());
      out = keep ? out + line : out.slice(0, -1) + line;
    } else {
      out = out ? `${out} ${line}` : line;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Footnote markers are printed glued to the word, quotation mark or year before them and
 * numbered in order, so the next number is looked for right after such a character
 * ("Eurasia”10", "aggregate5") or after a four-digit year ("201623" is 2016 and 23).
 */
function placeMarkers(text: string, markers: { next: number }): string {
  let out = text;
  let from = 0;
  for (;;) {
    const n = markers.next;
    const pattern = new RegExp(`(?:(?<=[\\p{L}’”"?!.)\\]])|(?<=(?<!\\d)(?:1[89]|20)\\d\\d))${n}(?=[\\s.,;:)’”]|$)`, 'gu');
    pattern.lastIndex = from;
    const m = pattern.exec(out);
    if (!m) return out;
    const label = `[^${n}]`;
    out = out.slice(0, m.index) + label + out.slice(m.index + String(n).length);
    from = m.index + label.length;
    markers.next++;
  }
}

/** A footnote's lines joined; a URL broken across lines is put back together. */
function joinFootnote(parts: string[]): string {
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text.replace(/(URL:\s*)(.+?)(\s*\(accessed)/, (_, before: string, url: string, after: string) => before + url.replace(/\s+/g, '') + after);
}
