// What a reference library holds, whatever its format: entries with a citation key, the
// metadata Attest shows and cites, the files attached to them, and where each entry is.
// Also turns a CSL-JSON item (which the BibTeX reader produces too) into that metadata.
import type { Author, SourceMeta, SourceProblem } from '../core/types';

export interface LibraryEntry {
  key: string;
  meta: SourceMeta;
  /** The attached files (PDF, snapshot), absolute, in the order the entry lists them. */
  files: string[];
  /** The library file and the 0-based line where the entry starts. */
  library: string;
  line: number;
}

export interface ReferenceLibrary {
  file: string;
  entries: LibraryEntry[];
  problems: SourceProblem[];
}

/** A CSL-JSON item, as far as Attest reads it. */
export interface CslItem {
  id?: unknown;
  'citation-key'?: unknown;
  type?: unknown;
  title?: unknown;
  author?: unknown;
  editor?: unknown;
  issued?: unknown;
  'container-title'?: unknown;
  volume?: unknown;
  issue?: unknown;
  page?: unknown;
  DOI?: unknown;
  URL?: unknown;
  ISSN?: unknown;
  language?: unknown;
  file?: unknown;
}

/** The entry's metadata from its CSL item; `key` is its id. */
export function metaFromCsl(key: string, item: CslItem): SourceMeta {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);
  const authors = namesOf(item.author);
  const meta: SourceMeta = { id: key, title: text(item.title) ?? key, authors: authors.length ? authors : namesOf(item.editor) };
  const optional: [keyof SourceMeta, string | undefined][] = [
    ['container', text(item['container-title'])],
    ['volume', text(item.volume)],
    ['issue', text(item.issue)],
    ['pages', text(item.page)],
    ['doi', text(item.DOI)],
    ['url', text(item.URL)],
    ['issn', text(item.ISSN)],
    ['language', text(item.language)],
    ['type', text(item.type)],
  ];
  for (const [field, value] of optional) if (value !== undefined) (meta as unknown as Record<string, string>)[field] = value;
  const year = yearOf(item.issued);
  if (year !== undefined) meta.year = year;
  return meta;
}

function namesOf(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name): Author[] => {
    if (!name || typeof name !== 'object') return [];
    const { family, given, literal } = name as Record<string, unknown>;
    if (typeof family === 'string' && family.trim()) return [typeof given === 'string' && given.trim() ? { family: family.trim(), given: given.trim() } : { family: family.trim() }];
    if (typeof literal === 'string' && literal.trim()) return [{ family: literal.trim() }];
    return [];
  });
}

function yearOf(issued: unknown): number | undefined {
  if (!issued || typeof issued !== 'object') return undefined;
  const { 'date-parts': parts, raw, literal } = issued as Record<string, unknown>;
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? Number(parts[0][0]) : NaN;
  if (Number.isInteger(first)) return first;
  const written = typeof raw === 'string' ? raw : typeof literal === 'string' ? literal : '';
  const m = /\b(\d{4})\b/.exec(written);
  return m ? Number(m[1]) : undefined;
}

/**
 * The paths in a Zotero or Better BibTeX `file` field: `path`, `description:path:type`,
 * several separated by `;`, with `\:` and `\;` escaping those characters in a path.
 */
export function attachmentPaths(field: string): string[] {
  return splitUnescaped(field, ';').flatMap((attachment) => {
    const parts = splitUnescaped(attachment, ':');
    // `C:\…` alone is a Windows path, not a description and a path.
    const path = parts.length >= 3 ? parts.slice(1, -1).join(':') : parts.length === 2 && /^[A-Za-z]$/.test(parts[0]!) ? parts.join(':') : parts.length === 2 ? parts[1]! : attachment;
    const unescaped = path.replace(/\\([:;\\])/g, '$1').trim();
    return unescaped ? [unescaped] : [];
  });
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
