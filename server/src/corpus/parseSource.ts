// Reads one source file (Markdown with YAML front matter, or plain text) into a Source:
// metadata, paragraph passages with page or section locators, the source's own footnotes,
// its reference list and the acronyms it defines. Pure: the caller reads the file.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Author, Passage, Source, SourceFootnote, SourceMeta, SourceProblem } from '../core/types';
import { parseFootnote } from './footnotes';

export interface SourceFile {
  /** File path or URI, used in problems and to open passages. */
  location: string;
  text: string;
  bundled: boolean;
}

const pageComment = /^<!--\s*page\s+(\d+(?:[–-]\d+)?)\s*-->$/i;
const footnoteDefinition = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const footnoteMarker = /\[\^([^\]\s]+)\]/g;
const heading = /^(#{1,6})\s+(.+?)\s*#*$/;
const acronymDefinition = /\b((?:[A-Z][\p{L}’'-]*|and|of|for|the|&)(?:[\s-]+(?:[A-Z][\p{L}’'-]*|and|of|for|the|&)){1,8})\s+\(([A-Z][A-Za-z&+-]{1,9})\)/gu;

export function parseSource(file: SourceFile): Source {
  const problems: SourceProblem[] = [];
  const { meta: rawMeta, bodyStart } = frontMatter(file, problems);
  const lines = file.text.split(/\r?\n/);
  const fallbackId = idFromLocation(file.location);
  const meta = sourceMeta(rawMeta, fallbackId, lines, file, problems);
  const passages: Passage[] = [];
  const footnotes: SourceFootnote[] = [];
  const references: string[] = [];
  let page: string | undefined;
  let section: string | undefined;
  let inReferences = false;
  let paragraph: { line: number; parts: string[] } | undefined;

  const flush = (): void => {
    if (!paragraph) return;
    const raw = paragraph.parts.join(' ');
    if (inReferences) references.push(stripInline(raw.replace(/^[-*+]\s+|^\d+\.\s+/, '')));
    else {
      const locator = page ? `${page.includes('–') ? 'pp.' : 'p.'} ${page}` : (section ?? '');
      const passage = toPassage(raw, meta.id, locator, paragraph.line, section);
      if (passage.text) passages.push(passage);
    }
    paragraph = undefined;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let m: RegExpExecArray | null;
    if (!line) {
      flush();
    } else if ((m = pageComment.exec(line))) {
      flush();
      page = m[1]!.replace('-', '–');
    } else if ((m = heading.exec(line))) {
      flush();
      section = stripInline(m[2]!);
      inReferences = /^(references|bibliography|works cited|sources)$/i.test(section);
    } else if ((m = footnoteDefinition.exec(line))) {
      flush();
      footnotes.push(parseFootnote(m[1]!, stripInline(m[2]!)));
    } else if (line.startsWith('<!--')) {
      flush();
    } else if (inReferences && /^[-*+]\s|^\d+\.\s/.test(line)) {
      flush();
      paragraph = { line: i, parts: [line] };
    } else if (/^[-*+]\s|^\d+\.\s|^>\s?/.test(line)) {
      // List items and block quotes are passages of their own.
      flush();
      paragraph = { line: i, parts: [line.replace(/^([-*+]|\d+\.|>)\s?/, '')] };
    } else {
      (paragraph ??= { line: i, parts: [] }).parts.push(line);
    }
  }
  flush();

  markMissingFootnotes(passages, footnotes, meta.id, file.location, problems);
  return {
    meta,
    location: file.location,
    passages,
    footnotes,
    references,
    acronyms: findAcronyms(passages),
    problems,
    bundled: file.bundled,
  };
}

function toPassage(raw: string, sourceId: string, locator: string, line: number, section: string | undefined): Passage {
  const footnotes: { label: string; offset: number }[] = [];
  let text = '';
  let last = 0;
  const inline = stripInline(raw, true);
  for (const m of inline.matchAll(footnoteMarker)) {
    text += inline.slice(last, m.index);
    footnotes.push({ label: m[1]!, offset: text.length });
    last = m.index + m[0].length;
  }
  text += inline.slice(last);
  return { index: -1, sourceId, locator, text: text.replace(/\s+/g, ' ').trim(), line, footnotes, section };
}

/** Markdown inline syntax to plain text; footnote markers are kept when asked. */
function stripInline(text: string, keepMarkers = false): string {
  let out = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
  if (!keepMarkers) out = out.replace(footnoteMarker, '');
  return out;
}

function frontMatter(file: SourceFile, problems: SourceProblem[]): { meta: Record<string, unknown>; bodyStart: number } {
  const lines = file.text.split(/\r?\n/);
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
  const firstHeading = lines.map((l) => heading.exec(l.trim())).find(Boolean)?.[2];
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

function findAcronyms(passages: Passage[]): Record<string, string> {
  const acronyms: Record<string, string> = {};
  for (const passage of passages) {
    for (const m of passage.text.matchAll(acronymDefinition)) {
      const acronym = m[2]!;
      const words = m[1]!.split(/[\s-]+/);
      const expansion = expand(acronym, words);
      if (expansion && !(acronym in acronyms)) acronyms[acronym] = expansion;
    }
  }
  return acronyms;
}

/**
 * The longest run of capitalised words before "(ACRONYM)", at most one per letter, whose
 * first word starts with the acronym's first letter: "Russian-led Eurasian Economic Union (EAEU)"
 * gives "Eurasian Economic Union".
 */
function expand(acronym: string, words: string[]): string | undefined {
  const letters = acronym.replace(/[^A-Z]/g, '').length;
  let best: string | undefined;
  let capitals = 0;
  for (let start = words.length - 1; start >= 0 && capitals < letters; start--) {
    const word = words[start]!;
    if (!/^[A-Z]/.test(word)) continue;
    capitals++;
    if (word[0] === acronym[0] && capitals * 2 >= letters) best = words.slice(start).join(' ');
  }
  return best;
}

function idFromLocation(location: string): string {
  const name = location.split(/[\\/]/).pop() ?? location;
  return name.replace(/\.(md|markdown|txt)$/i, '');
}
