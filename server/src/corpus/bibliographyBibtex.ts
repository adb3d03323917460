// Reads a BibTeX or BibLaTeX library with citation-js's BibTeX plugin. citation-js throws on
// the whole file when one entry is broken, so then each entry is read alone (with the file's
// @string macros), and each broken one becomes a problem with its line.
import * as path from 'node:path';
import type { SourceProblem } from '../core/types';
import { attachmentPaths, metaFromCsl, type CslItem, type LibraryEntry, type ReferenceLibrary } from './bibliographyEntry';

interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

interface InputPlugins {
  chain(input: unknown, options: { forceType: string; target?: string; generateGraph: false }): unknown;
}

let inputPlugins: InputPlugins | undefined;

/** citation-js with only the BibTeX plugin: nothing that fetches is registered. */
function plugins(): InputPlugins {
  if (!inputPlugins) {
    const core = require('@citation-js/core') as { plugins: { input: InputPlugins } };
    require('@citation-js/plugin-bibtex');
    inputPlugins = core.plugins.input;
  }
  return inputPlugins;
}

interface Chunk {
  /** 0-based line of the `@`. */
  line: number;
  text: string;
  kind: string;
}

const entryStart = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm;

/** The file cut at each line that starts an entry: a broken entry cannot swallow the next. */
function chunksOf(text: string): Chunk[] {
  const starts = [...text.matchAll(entryStart)].map((m) => ({ index: m.index, kind: m[1]!.toLowerCase() }));
  let line = 0;
  let counted = 0;
  return starts.map((start, i) => {
    for (let n = text.indexOf('\n', counted); n >= 0 && n < start.index; n = text.indexOf('\n', n + 1)) line++;
    counted = start.index;
    const end = starts[i + 1]?.index ?? text.length;
    return { line, text: text.slice(start.index, end), kind: start.kind };
  });
}

export function parseBibtex(text: string, file: string): ReferenceLibrary {
  const chunks = chunksOf(text).filter((c) => c.kind !== 'comment' && c.kind !== 'preamble');
  const macros = chunks.filter((c) => c.kind === 'string');
  const records = chunks.filter((c) => c.kind !== 'string');
  const problems: SourceProblem[] = [];
  let parsed: { entry: BibtexEntry; line: number }[];
  try {
    const entries = read(text);
    const lines = new Map(records.map((c) => [keyOf(c.text), c.line] as const));
    parsed = entries.map((entry) => ({ entry, line: lines.get(entry.label) ?? 0 }));
  } catch {
    parsed = [];
    const failed: { chunk: Chunk; reason: string }[] = [];
    const prefix = macros.map((m) => m.text).join('\n');
    const readable: Chunk[] = [];
    for (const chunk of records) {
      const reason = brokenReason(chunk.text);
      if (reason) failed.push({ chunk, reason });
      else readable.push(chunk);
    }
    try {
      // Usually the entries said to be broken are all there is: the rest is read at once.
      const entries = read([prefix, ...readable.map((c) => c.text)].join('\n'));
      const lines = new Map(readable.map((c) => [keyOf(c.text), c.line] as const));
      parsed = entries.map((entry) => ({ entry, line: lines.get(entry.label) ?? 0 }));
    } catch {
      for (const chunk of readable) {
        try {
          parsed.push(...read(`${prefix}\n${chunk.text}`).map((entry) => ({ entry, line: chunk.line })));
        } catch (error) {
          failed.push({ chunk, reason: syntaxReason(error, chunk.line - (prefix.match(/\n/g)?.length ?? 0) - 1) });
        }
      }
    }
    failed.sort((a, b) => a.chunk.line - b.chunk.line);
    for (const { chunk, reason } of failed) {
      problems.push({ file, line: chunk.line, message: `The entry ${opening(chunk.text)} could not be read: ${reason}; ${others(parsed.length)}.` });
    }
  }
  // One conversion for all entries: crossref and xdata fields are resolved across them.
  const items = plugins().chain(parsed.map((p) => p.entry), { forceType: '@biblatex/entries+list', generateGraph: false }) as CslItem[];
  const entries = parsed.flatMap(({ entry, line }, i): LibraryEntry[] => {
    const item = items[i];
    if (!item) return [];
    const files = attachmentPaths(entry.properties.file ?? '').map((f) => path.resolve(path.dirname(file), f));
    return [{ key: entry.label, meta: metaFromCsl(entry.label, item), files, library: file, line }];
  });
  return { file, entries, problems };
}

function read(text: string): BibtexEntry[] {
  return plugins().chain(text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as BibtexEntry[];
}

function keyOf(chunk: string): string {
  return /^[^{(]*[{(]\s*([^,\s]*)/.exec(chunk)?.[1] ?? '';
}

/** What is wrong with an entry, when it can be told plainly. */
function brokenReason(chunk: string): string | undefined {
  if (/^[^{(]*[{(]\s*,/.test(chunk)) return 'it has no citation key';
  let depth = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === '\\') i++;
    else if (chunk[i] === '{') depth++;
    else if (chunk[i] === '}' && --depth < 0) return 'a closing brace "}" has no opening one';
  }
  if (depth > 0 && chunk.trimStart().match(/^@[^{(]*\{/)) return `${depth === 1 ? 'a brace "{" is' : `${depth} braces "{" are`} never closed`;
  return undefined;
}

/** "@article{abbasi2025, …": how the writer finds the entry. */
function opening(chunk: string): string {
  const head = /^\s*(@[A-Za-z]+\s*[{(][^,\n]*)/.exec(chunk)?.[1]?.replace(/\s+/g, '') ?? chunk.trim().slice(0, 30);
  return `${head}, …`;
}

export function others(count: number): string {
  return count === 0 ? 'no other entry could be read' : count === 1 ? 'the other entry is used' : `the other ${count} entries are used`;
}

const tokens: Record<string, string> = { lbrace: '"{"', rbrace: '"}"', comma: '","', equals: '"="', quote: '\'"\'', at: '"@"', identifier: 'a field name', label: 'a word', number: 'a number' };

/**
 * citation-js's syntax error in plain words, with the line in the library: "at line 43,
 * column 26 it expects "}" but finds a field name". `lineShift` turns its line into the file's.
 */
function syntaxReason(error: unknown, lineShift: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^expected "(\w+)", got "(\w+)" at line (\d+) col (\d+)/.exec(message);
  if (!m) return (message.split('\n')[0] ?? message).trim() || 'it is not valid BibTeX';
  const hint = m[1] === 'rbrace' && m[2] === 'identifier' ? ' (is a "," missing after the field before it?)' : '';
  return `at line ${Number(m[3]) + lineShift}, column ${m[4]} it expects ${tokens[m[1]!] ?? m[1]} but finds ${tokens[m[2]!] ?? m[2]}${hint}`;
}
