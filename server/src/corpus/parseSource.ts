// Reads one source file (Markdown with YAML front matter, or plain text) into a Source:
// metadata, paragraph passages with page or section locators, the source's own footnotes,
// its reference list and the acronyms it defines. Pure: the caller reads the file.
// Linear in the file's size: no pattern here scans ahead from every position it tries.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Author, Passage, Source, SourceFootnote, SourceMeta, SourceProblem } from '../core/types';
import { findAcronyms } from './acronyms';
import { parseFootnote } from './footnotes';
import { notePassage, referencePassage } from './workPassages';
import { reportDate, withYears } from './reportDates';
import { tableAt } from './sourceTables';

export interface SourceFile {
  /** File path or URI, used in problems and to open passages. */
  location: string;
  text: string;
  bundled: boolean;
}

const pageComment = /^<!--\s*page\s+(\d+(?:[–-]\d+)?)\s*-->$/i;
const footnoteDefinition = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const footnoteMarker = /\[\^([^\]\s]+)\]/g;
const headingStart = /^#{1,6}\s+/;

export function parseSource(file: SourceFile): Source {
  const problems: SourceProblem[] = [];
  const lines = file.text.split(/\r?\n/);
  const { meta: rawMeta, bodyStart } = frontMatter(lines, file, problems);
  const fallbackId = idFromLocation(file.location);
  const meta = sourceMeta(rawMeta, fallbackId, lines, file, problems);
  const passages: Passage[] = [];
  const reported = reportDate(lines, bodyStart, meta.year);
  const footnotes: SourceFootnote[] = [];
  const notes: Passage[] = [];
  const references: string[] = [];
  let page: string | undefined;
  let section: string | undefined;
  let inReferences = false;
  // A paragraph that ends with a colon keeps the list after it ("… into five categories:" and its
  // items are one passage), so that what the list names is the subject of what introduces it.
  let paragraph: { line: number; parts: string[]; items?: string[]; blank?: boolean } | undefined;
  const introduces = (p: typeof paragraph): boolean => Boolean(p && !inReferences && (p.items || /:$/.test(p.parts.at(-1) ?? '')));

  const locator = (): string => (page ? `${page.includes('–') ? 'pp.' : 'p.'} ${page}` : (section ?? ''));

  const flush = (): void => {
    if (!paragraph) return;
    // The items joined as a sentence's list: "…: Wahabism (Saudi Arabia); Enlightened Islam (Pakistan and Turkey)".
    const items = (paragraph.items ?? []).map((item, k, all) => (k < all.length - 1 && !/[;,.:]$/.test(item) ? `${item};` : item));
    const raw = [...paragraph.parts, ...items].join(' ');
    if (inReferences) {
      const entry = stripInline(raw.replace(/^[-*+]\s+|^\d+\.\s+/, ''));
      references.push(entry);
      const listed = referencePassage(entry, references.length, meta.id, paragraph.line, section);
      if (listed) notes.push(listed);
    } else {
      const passage = toPassage(withYears(raw, reported), meta.id, locator(), paragraph.line, section);
      if (passage.text) passages.push(passage);
    }
    paragraph = undefined;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let m: RegExpExecArray | null;
    let title: string | undefined;
    let table: ReturnType<typeof tableAt>;
    if (!line) {
      if (introduces(paragraph)) paragraph!.blank = true;
      else flush();
    } else if (/^[-*+]\s|^\d+\.\s/.test(line) && introduces(paragraph)) {
      (paragraph!.items ??= []).push(line.replace(/^([-*+]|\d+\.)\s?/, ''));
    } else if ((m = pageComment.exec(line))) {
      flush();
      page = m[1]!.replace('-', '–');
    } else if ((title = headingText(line)) !== undefined) {
      flush();
      section = stripInline(title);
      inReferences = /^(references|bibliography|works cited|sources)$/i.test(section);
    } else if ((m = footnoteDefinition.exec(line))) {
      flush();
      const footnote = parseFootnote(m[1]!, stripInline(m[2]!));
      footnotes.push(footnote);
      const note = notePassage(footnote, meta.id, i, section);
      if (note) notes.push(note);
    } else if (line.startsWith('<!--')) {
      flush();
    } else if (inReferences && /^[-*+]\s|^\d+\.\s/.test(line)) {
      flush();
      paragraph = { line: i, parts: [line] };
    } else if ((table = !inReferences && line.startsWith('|') ? tableAt(lines, i, captionAbove(lines, i, bodyStart, paragraph?.parts.join(' '))) : undefined)) {
      // A table's rows are passages of their own.
      flush();
      for (const row of table.rows) passages.push(toPassage(withYears(row.text, reported), meta.id, locator(), row.line, section));
      i = table.end - 1;
    } else if (/^[-*+]\s|^\d+\.\s|^>\s?/.test(line)) {
      // List items and block quotes are passages of their own.
      flush();
      paragraph = { line: i, parts: [line.replace(/^([-*+]|\d+\.|>)\s?/, '')] };
    } else {
      if (paragraph?.items || paragraph?.blank) flush();
      (paragraph ??= { line: i, parts: [] }).parts.push(line);
    }
  }
  flush();

  markMissingFootnotes(passages, footnotes, meta.id, file.location, problems);
  return {
    meta,
    location: file.location,
    passages: [...passages, ...notes],
    footnotes,
    references,
    acronyms: findAcronyms(passages),
    problems,
    bundled: file.bundled,
  };
}

/** A table's caption: the heading right above it ("## Table 1. Transit containers (TEU)"), or a paragraph right above that starts "Table 1". */
function captionAbove(lines: readonly string[], at: number, bodyStart: number, paragraph: string | undefined): string | undefined {
  if (paragraph) return /^Table\s+\d/i.test(paragraph) ? stripInline(paragraph) : undefined;
  let i = at - 1;
  while (i >= bodyStart && !lines[i]!.trim()) i--;
  const title = i >= bodyStart ? headingText(lines[i]!.trim()) : undefined;
  return title === undefined ? undefined : stripInline(title);
}

function toPassage(raw: string, sourceId: string, locator: string, line: number, section: string | undefined): Passage {
  const footnotes: { label: string; offset: number }[] = [];
  let text = '';
  let last = 0;
  const inline = stripEscaped(hideEscapes(raw), true);
  for (const m of inline.matchAll(footnoteMarker)) {
    text += inline.slice(last, m.index);
    footnotes.push({ label: m[1]!, offset: text.length });
    last = m.index + m[0].length;
  }
  text += inline.slice(last);
  return { index: -1, sourceId, locator, text: showEscapes(text).replace(/\s+/g, ' ').trim(), line, footnotes, section };
}

/**
 * A backslash before ASCII punctuation keeps it literal, as in CommonMark: readers of web
 * pages and Word files write "\[x](command:…)" or "\*" so that the source's own text never
 * becomes a link, emphasis or a footnote marker. Each escaped character stands in for itself
 * as one private-use character while the inline syntax is stripped, so offsets stay put.
 */
const escapedPunctuation = /\\([!-/:-@[-`{-~])/g;
const escapeBase = 0xf700;
const hiddenPunctuation = /[\uf721-\uf72f\uf73a-\uf740\uf75b-\uf760\uf77b-\uf77e]/g;

function hideEscapes(text: string): string {
  return text.includes('\\') ? text.replace(escapedPunctuation, (_, c: string) => String.fromCharCode(escapeBase + c.charCodeAt(0))) : text;
}

function showEscapes(text: string): string {
  return text.replace(hiddenPunctuation, (c) => String.fromCharCode(c.charCodeAt(0) - escapeBase));
}

/** Markdown inline syntax to plain text; footnote markers are kept when asked. */
function stripInline(text: string, keepMarkers = false): string {
  return showEscapes(stripEscaped(hideEscapes(text), keepMarkers));
}

function stripEscaped(text: string, keepMarkers: boolean): string {
  let out = unlink(unlink(unAutolink(text), '!['), '[')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
  if (!keepMarkers) out = out.replace(footnoteMarker, '');
  return out;
}

/**
 * `![alt](url)` to its alt text (`open` "!["), or `[text](url)` to its text (`open` "[",
 * not "[^…" nor "[]"): what /!?\[([^\]]*)\]\([^)]*\)/g would replace, in one pass. The
 * regular expression scans to the end of the text from every "[" that is never closed.
 */
function unlink(text: string, open: '![' | '['): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) break;
    const label = start + open.length;
    const close = text.indexOf(']', label);
    if (close < 0) break;
    if (open === '[' && (close === label || text[label] === '^')) {
      from = start + 1;
      continue;
    }
    // Every bracket opened before `close` ends there too, and fails the same way.
    if (text[close + 1] !== '(') {
      from = close + 1;
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    out += text.slice(copied, start) + text.slice(label, close);
    copied = from = end + 1;
  }
  return copied ? out + text.slice(copied) : text;
}

/** `<https://…>` and `<mailto:…>` to the address, as /<((?:https?|mailto):[^>]+)>/g would, in one pass. */
function unAutolink(text: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('<', from);
    if (start < 0) break;
    const scheme = /^(?:https?|mailto):/.exec(text.slice(start + 1, start + 8));
    const address = start + 1 + (scheme?.[0].length ?? 0);
    if (!scheme || text[address] === '>') {
      from = start + 1;
      continue;
    }
    const close = text.indexOf('>', address);
    if (close < 0) break;
    out += text.slice(copied, start) + text.slice(start + 1, close);
    copied = from = close + 1;
  }
  return copied ? out + text.slice(copied) : text;
}

/**
 * The title of an ATX heading line ("## Trade ##" gives "Trade"), or undefined: what
 * /^#{1,6}\s+(.+?)\s*#*$/ captures, without trying every length of title against the rest.
 */
function headingText(line: string): string | undefined {
  const start = headingStart.exec(line);
  if (!start) return undefined;
  const content = line.slice(start[0].length);
  let end = content.length;
  while (end > 0 && content[end - 1] === '#') end--;
  // Closing hashes follow a space: "## C#" and "## F\#" end in text.
  if (end > 0 && end < content.length && !/\s/.test(content[end - 1]!)) end = content.length;
  while (end > 0 && /\s/.test(content[end - 1]!)) end--;
  if (!end) return content ? content[0] : undefined;
  const title = content.slice(0, end);
  return /[\n\r\u2028\u2029]/.test(title) ? undefined : title;
}

function frontMatter(lines: readonly string[], file: SourceFile, problems: SourceProblem[]): { meta: Record<string, unknown>; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { meta: {}, bodyStart: 0 };
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (close < 0) {
    problems.push({ file: file.location, line: 0, message: 'The front matter starting on line 1 is never closed with "---".' });
    return { meta: {}, bodyStart: 0 };
  }
  try {
    const value: unknown = parseYaml(lines.slice(1, close).join('\n'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return { meta: value as Record<string, unknown>, bodyStart: close + 1 };
    problems.push({ file: file.location, line: 1, message: 'The front matter is not a list of "key: value" fields.' });
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 1) : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ file: file.location, line, message: `The front matter is not valid YAML: ${reason}` });
  }
  return { meta: {}, bodyStart: close + 1 };
}

function sourceMeta(raw: Record<string, unknown>, fallbackId: string, lines: string[], file: SourceFile, problems: SourceProblem[]): SourceMeta {
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problems.push({ file: file.location, line: 1, message: `The front matter field "${key}" should be text.` });
    return undefined;
  };
  let firstHeading: string | undefined;
  for (let i = 0; i < lines.length && firstHeading === undefined; i++) firstHeading = headingText(lines[i]!.trim());
  const year = Number(text('year'));
  return {
    id: text('id') ?? fallbackId,
    title: text('title') ?? (firstHeading ? stripInline(firstHeading) : fallbackId),
    authors: authors(raw['authors'] ?? raw['author']),
    container: text('container'),
    year: Number.isFinite(year) && year > 0 ? year : undefined,
    volume: text('volume'),
    issue: text('issue'),
    pages: text('pages'),
    doi: text('doi'),
    url: text('url') ?? (text('doi') ? `https://doi.org/${text('doi')}` : undefined),
    issn: text('issn'),
    licence: text('licence') ?? text('license'),
    language: text('language'),
    type: text('type'),
  };
}

function authors(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((a): Author[] => {
    if (typeof a === 'string') {
      const [family, given] = a.includes(',') ? a.split(/,\s*/) : [a.split(' ').pop()!, a.split(' ').slice(0, -1).join(' ')];
      return family ? [{ family, given: given || undefined }] : [];
    }
    if (a && typeof a === 'object' && typeof (a as Author).family === 'string') {
      const { family, given } = a as Author;
      return [{ family, given: typeof given === 'string' ? given : undefined }];
    }
    return [];
  });
}

function markMissingFootnotes(passages: Passage[], footnotes: SourceFootnote[], id: string, location: string, problems: SourceProblem[]): void {
  const defined = new Set(footnotes.map((f) => f.label));
  const missing = [...new Set(passages.flatMap((p) => p.footnotes.map((f) => f.label)))].filter((l) => !defined.has(l));
  for (const label of missing) footnotes.push({ label, text: '', missing: true });
  if (missing.length) {
    const list = missing.length > 1 ? `footnotes ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : `footnote ${missing[0]}`;
    problems.push({ file: location, message: `${id}: ${list} cited but not defined.` });
  }
}

function idFromLocation(location: string): string {
  const name = location.split(/[\\/]/).pop() ?? location;
  return name.replace(/\.(md|markdown|txt)$/i, '');
}
