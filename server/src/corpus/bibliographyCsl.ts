// Reads a CSL-JSON library (an array of items, as Zotero and Better BibTeX export it). When
// the file as a whole is not valid JSON, each top-level object is read alone, so one broken
// item is a problem with its line and the others are used.
import * as path from 'node:path';
import type { SourceProblem } from '../core/types';
import { others } from './bibliographyBibtex';
import { attachmentPaths, metaFromCsl, type CslItem, type LibraryEntry, type ReferenceLibrary } from './bibliographyEntry';

interface RawItem {
  line: number;
  text: string;
}

export function parseCslJson(text: string, file: string): ReferenceLibrary {
  const items = topLevelObjects(text);
  const problems: SourceProblem[] = [];
  let values: { value: unknown; line: number }[] = [];
  try {
    const whole: unknown = JSON.parse(text);
    if (!Array.isArray(whole)) {
      return { file, entries: [], problems: [{ file, message: 'This .json file is not a CSL-JSON library: a library is an array of items ([{ "id": …, "title": … }, …]), as Zotero exports it. Name only .json reference libraries in the sources setting.' }] };
    }
    values = whole.map((value, i) => ({ value, line: items[i]?.line ?? 0 }));
  } catch (error) {
    if (!text.trimStart().startsWith('[')) return { file, entries: [], problems: [{ file, message: `This .json file could not be read as a CSL-JSON library: ${error instanceof Error ? error.message : String(error)}` }] };
    const broken: { line: number; reason: string }[] = [];
    for (const item of items) {
      try {
        values.push({ value: JSON.parse(item.text), line: item.line });
      } catch (itemError) {
        broken.push({ line: item.line, reason: itemError instanceof Error ? itemError.message : String(itemError) });
      }
    }
    if (!items.length) broken.push({ line: 0, reason: error instanceof Error ? error.message : String(error) });
    for (const b of broken) problems.push({ file, line: b.line, message: `The item at this line could not be read: ${b.reason}; ${others(values.filter((v) => itemKey(v.value) !== undefined).length)}.` });
  }
  const entries: LibraryEntry[] = [];
  const keyless: number[] = [];
  for (const { value, line } of values) {
    const key = itemKey(value);
    if (key === undefined) {
      keyless.push(line);
      continue;
    }
    const item = value as CslItem;
    const fileField = typeof item.file === 'string' ? attachmentPaths(item.file) : Array.isArray(item.file) ? item.file.filter((f): f is string => typeof f === 'string') : [];
    entries.push({ key, meta: metaFromCsl(key, item), files: fileField.map((f) => path.resolve(path.dirname(file), f)), library: file, line });
  }
  for (const line of keyless) problems.push({ file, line, message: `The item at this line has no "id" (its citation key), so it cannot be cited; ${others(entries.length)}.` });
  return { file, entries, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** The item's citation key: Better BibTeX's "citation-key", else its "id". */
function itemKey(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { id, 'citation-key': citationKey } = value as CslItem;
  const key = typeof citationKey === 'string' && citationKey.trim() ? citationKey : typeof id === 'string' && id.trim() ? id : typeof id === 'number' ? String(id) : undefined;
  return key?.trim();
}

/**
 * The objects directly inside the top-level array, with their lines; strings are skipped over.
 * An object whose braces never close ends where a line opens the next one as the first did
 * (same indentation, then "{"), so it cannot swallow the items after it.
 */
function topLevelObjects(text: string): RawItem[] {
  const items: RawItem[] = [];
  let depth = 0;
  let line = 0;
  let start = -1;
  let startLine = 0;
  let indent: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      const next = /^([ \t]*)\{/.exec(text.slice(i + 1, i + 81));
      if (start >= 0 && depth > 1 && next && next[1] === indent) {
        items.push({ line: startLine, text: text.slice(start, i) });
        start = -1;
        depth = 1;
      }
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      if (text[i] === '\n') i--;
    } else if (c === '[' || c === '{') {
      if (depth === 1 && c === '{') {
        start = i;
        startLine = line;
        indent ??= text.slice(text.lastIndexOf('\n', i) + 1, i);
      }
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 1 && c === '}' && start >= 0) {
        items.push({ line: startLine, text: text.slice(start, i + 1) });
        start = -1;
      }
    }
  }
  if (start >= 0) items.push({ line: startLine, text: text.slice(start) });
  return items;
}
