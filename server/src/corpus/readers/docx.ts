// Word files (.docx): mammoth's HTML conversion, which keeps footnotes and endnotes, written as
// source Markdown with "[^n]" markers and "[^n]:" definitions; title, author and date from the
// file's core properties (docProps/core.xml), which mammoth does not read.
import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import type { Reader } from './reader';
import { htmlBlocks, type HtmlDocument, type HtmlElement, type HtmlNode } from './htmlBlocks';
import { frontMatter, wordCount, type PageMeta } from './sourceMarkdown';

/** Word's Title and Subtitle styles as headings; mammoth knows only Heading 1–6 by default. */
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
const noteId = /^#?((?:foot|end)note-[\w-]+)$/;

export const readDocx: Reader = async (bytes, file) => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { message: 'Skipped: the file is not a Word document (a .docx file is a zip archive, and this one is not); open it in Word and save it as .docx again.' };
  }
  if (!zip.file('word/document.xml')) return { message: 'Skipped: the file is a zip archive but not a Word document (it has no word/document.xml); open it in Word and save it as .docx again.' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { styleMap })).value;
  } catch {
    return { message: 'Skipped: the Word document is damaged (its text is not well-formed XML); open it in Word and save it again.' };
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as { document: HtmlDocument };

  // mammoth numbers the markers [1], [2]… in the order they appear, footnotes and endnotes alike.
  const labels = new Map<string, string>();
  for (const marker of Array.from(document.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]'))) {
    const id = noteId.exec(marker.getAttribute('href') ?? '')?.[1];
    const shown = /^\[(\w+)\]$/.exec((marker.textContent ?? '').trim())?.[1];
    if (id && shown) labels.set(id, shown);
  }
  const definitions = noteDefinitions(document, labels);
  const blocks = htmlBlocks(document.body, { raw: (element) => noteMarker(element, labels) });
  if (wordCount(blocks) === 0) return { message: 'Skipped: the Word document has no text to read.' };
  const meta = await coreProperties(zip);
  return { text: `${frontMatter(file, meta)}\n${[...blocks, ...definitions].join('\n\n')}\n` };
};

/** "[^n]" for mammoth's <sup><a href="#footnote-n">[n]</a></sup>. */
function noteMarker(element: HtmlNode, labels: ReadonlyMap<string, string>): string | undefined {
  if (element.nodeName.toUpperCase() !== 'SUP') return undefined;
  const link = Array.from(element.childNodes).find((n) => n.nodeName.toUpperCase() === 'A');
  const id = noteId.exec(link?.getAttribute?.('href') ?? '')?.[1];
  const label = id && labels.get(id);
  return label ? `[^${label}]` : undefined;
}

/** The "[^n]: text" definitions of the notes list mammoth appends, which is taken out of the body. */
function noteDefinitions(document: HtmlDocument, labels: ReadonlyMap<string, string>): string[] {
  const definitions: string[] = [];
  const lists = new Set<HtmlElement>();
  for (const item of Array.from(document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
    const id = item.getAttribute('id') ?? '';
    for (const back of Array.from(item.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
    const label = labels.get(id) ?? id.replace(/^(foot|end)note-/, (_, kind: string) => (kind === 'end' ? 'e' : ''));
    const text = htmlBlocks(item).map((b) => b.replace(/^- /, '')).join(' ');
    if (text) definitions.push(`[^${label}]: ${text}`);
    const list = (item as unknown as { parentNode: HtmlElement | null }).parentNode;
    if (list) lists.add(list);
  }
  for (const list of lists) list.remove();
  return definitions;
}

/** Title, authors and date from docProps/core.xml, when the file has one. */
async function coreProperties(zip: JSZip): Promise<PageMeta> {
  const core = await zip.file('docProps/core.xml')?.async('string');
  const field = (name: string): string | undefined => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(core ?? '');
    const value = m && decodeXml(m[1]!).trim();
    return value || undefined;
  };
  const created = field('dcterms:created');
  return {
    title: field('dc:title'),
    authors: (field('dc:creator') ?? '').split(/\s*;\s*/).filter(Boolean),
    date: created ? /^\d{4}-\d{2}-\d{2}/.exec(created)?.[0] ?? created : undefined,
    type: 'report',
  };
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([\da-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number(decimal));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name!.toLowerCase()] ?? entity;
  });
}
