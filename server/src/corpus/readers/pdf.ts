// PDF sources: the text layer read with pdf.js (unpdf's build, pure JavaScript), laid out in
// reading order and written as source Markdown: front matter from the document's info (else
// its first large line) and a DOI on its first pages, a page comment per page (its label when
// the PDF numbers its pages), paragraphs, and the page-foot footnotes. Loaded only when a
// PDF is read; the build makes it a bundle of its own.
import { getDocumentProxy } from 'unpdf';
import { stringify } from 'yaml';
import type { ReadProblem, ReadSource } from './reader';
import { layOut, pageLines, type TextRun } from './pdfLayout';
import { bodySize, hyphenatedWords, joinLine, pageFoot, pageText, withoutHeadsAndFeet, type PageLines } from './pdfText';

/** Pages past this are not read: a source that long is a book, and reading it would hold up every check. */
export const maxPdfPages = 1000;

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
}

export async function readPdf(bytes: Uint8Array, file: string, limit = maxPdfPages): Promise<ReadSource | ReadProblem> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js takes over the buffer it is given, and the caller's may be shared.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (error) {
    return { message: openProblem(error) };
  }
  try {
    const pageCount = Math.min(pdf.numPages, limit);
    const pages: PageLines[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const page = await pdf.getPage(n);
      const [, bottom = 0, , top = 792] = page.view;
      const content = await page.getTextContent();
      pages.push({ lines: pageLines(content.items.flatMap((item) => textRun(item as PdfTextItem, bottom))), height: top - bottom });
      page.cleanup();
    }
    if (!pages.some((p) => p.lines.length)) return { message: 'Skipped: the PDF has no text layer (a scan?); Attest reads only PDFs with text.' };
    const labels = await pdf.getPageLabels().catch(() => null);
    const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const text = sourceMarkdown(pages, labels, info, file);
    const problems = pdf.numPages > limit ? [{ message: `Only the first ${limit.toLocaleString('en')} of the PDF's ${pdf.numPages.toLocaleString('en')} pages are read; the rest is not checked.` }] : [];
    return { text, ...(problems.length && { problems }) };
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
}

function openProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'Skipped: the PDF is encrypted with a password; Attest reads only PDFs that open without one.';
  if (name === 'InvalidPDFException') return 'Skipped: the file is not a readable PDF (it is damaged or cut short).';
  return `Skipped: the PDF could not be opened: ${error instanceof Error ? error.message : String(error)}`;
}

/** Upright text only: text turned on its side (a margin stamp) is not part of the reading. */
function textRun(item: PdfTextItem, bottom: number): TextRun[] {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform ?? [];
  if (!item.str?.trim() || Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) return [];
  return [{ text: item.str, x, y: y - bottom, width: item.width ?? 0, size: d }];
}

function sourceMarkdown(raw: readonly PageLines[], labels: readonly string[] | null, info: Record<string, unknown>, file: string): string {
  const pages = withoutHeadsAndFeet(raw);
  const size = bodySize(pages);
  const hyphenated = hyphenatedWords(pages);
  const layouts = pages.map((p) => layOut(p.lines, size));
  const foots = layouts.map((l) => pageFoot(l.foot, hyphenated));
  const defined = new Set(foots.flatMap((f) => f.notes.map((n) => n.label)));
  const used = new Set<string>();
  const texts = layouts.map((layout, i) => {
    const label = labels?.[i] && /^\d+$/.test(labels[i]) ? labels[i] : String(i + 1);
    // Notes numbered again from 1 on each page keep a label of their own.
    const own = new Map(foots[i]!.notes.map((n) => [n.label, used.has(n.label) ? `${n.label}-p${label}` : n.label]));
    for (const l of own.values()) used.add(l);
    const marker = (n: string): string | undefined => (own.has(n) ? `[^${own.get(n)}]` : defined.has(n) ? `[^${n}]` : undefined);
    return { label, blocks: pageText(layout, size, hyphenated, marker), rest: foots[i]!.rest, notes: foots[i]!.notes.map((n) => `[^${own.get(n.label)}]: ${n.text}`) };
  });
  const body: string[] = [];
  /** Where the body's first two pages end: a DOI is looked for there. */
  let firstPages = 0;
  texts.forEach((page, i) => {
    const next = texts[i + 1];
    // A paragraph that runs on over the page break is one passage, on both pages.
    const last = page.blocks.at(-1);
    const carried = next && last !== undefined && next.blocks[0] !== undefined && runsOn(last, next.blocks[0]) ? joinLine(page.blocks.pop()!, next.blocks.shift()!, hyphenated) : undefined;
    body.push(`<!-- page ${page.label} -->`, ...page.blocks, ...page.rest, ...page.notes);
    if (carried !== undefined) body.push(`<!-- page ${page.label}–${next!.label} -->`, carried);
    if (i < 2) firstPages = body.length;
  });
  return `---\n${stringify(frontMatter(pages, info, size, file, body.slice(0, firstPages).join(' '))).trimEnd()}\n---\n\n${body.join('\n\n')}\n`;
}

/** Whether a page's first paragraph continues the last one of the page before: it starts in lower case, or a word was broken. */
function runsOn(last: string, first: string): boolean {
  return !last.startsWith('#') && !first.startsWith('#') && (/^\p{Ll}/u.test(first) || /\p{L}-$/u.test(last));
}

function frontMatter(pages: readonly PageLines[], info: Record<string, unknown>, size: number, file: string, firstPages: string): Record<string, unknown> {
  const meta: Record<string, unknown> = { id: (file.split(/[\\/]/).pop() ?? file).replace(/\.pdf$/i, '') };
  const title = typeof info['Title'] === 'string' ? info['Title'].trim() : '';
  if (title && !/\.(pdf|docx?|tex|indd)$|^untitled$/i.test(title)) meta['title'] = title;
  else if (pages[0]) meta['title'] = largeTitle(pages[0], size);
  const author = typeof info['Author'] === 'string' ? info['Author'].trim() : '';
  if (author) meta['authors'] = author.split(/\s*;\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
  const doi = /\b10\.\d{4,9}\/[^\s"<>]+/.exec(firstPages)?.[0].replace(/[.,;:)\]]+$/, '');
  if (doi) meta['doi'] = doi;
  return meta;
}

/** The first page's largest line, a third larger than the body or more, with the lines of its size just under it. */
function largeTitle(page: PageLines, size: number): string | undefined {
  const top = [...page.lines].sort((a, b) => b.y - a.y);
  const largest = Math.max(...top.map((l) => l.size));
  const start = top.findIndex((l) => l.size === largest);
  if (largest < 1.3 * size || start < 0) return undefined;
  const title = [top[start]!];
  for (const line of top.slice(start + 1)) {
    if (line.size !== largest || title.at(-1)!.y - line.y > 1.6 * largest) break;
    title.push(line);
  }
  return title.map((l) => l.runs.map((r) => r.text).join('')).join(' ').replace(/\s+/g, ' ').trim();
}
