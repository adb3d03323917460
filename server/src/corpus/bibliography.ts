// Reference libraries (BibTeX/BibLaTeX .bib, CSL-JSON .json) as sources: each entry with a
// readable attached file becomes a source with the file's text and the entry's metadata (its
// id the citation key); an entry without one is a reference only, citable but with no text.
// A writer's source that no entry's `file` names is matched to an entry by a DOI in its text
// or by its title, and takes that entry's metadata; unmatched ones stay sources of their own.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Source, SourceProblem } from '../core/types';
import { parseBibtex } from './bibliographyBibtex';
import { parseCslJson } from './bibliographyCsl';
import type { LibraryEntry, ReferenceLibrary } from './bibliographyEntry';
import { decode } from './readers/text';

export type { LibraryEntry, ReferenceLibrary } from './bibliographyEntry';

/** The extensions of reference libraries, lower case, without the dot. */
export const libraryExtensions: readonly string[] = ['bib', 'json'];

export function isLibraryName(file: string): boolean {
  return /\.(bib|json)$/i.test(file);
}

/** Reads a library's text by its extension: .bib as BibTeX/BibLaTeX, .json as CSL-JSON. */
export function parseLibrary(text: string, file: string): ReferenceLibrary {
  return /\.json$/i.test(file) ? parseCslJson(text, file) : parseBibtex(text, file);
}

/** Reads and parses a library file; a file that cannot be read is a problem, never an exception. */
export async function loadLibrary(file: string, maxBytes: number): Promise<ReferenceLibrary> {
  const empty = (message: string): ReferenceLibrary => ({ file, entries: [], problems: [{ file, message }] });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return empty(`Could not read the reference library: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (bytes.length > maxBytes) return empty(`Skipped: the reference library is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit for a library.`);
  const text = decode(bytes);
  if (typeof text !== 'string') return empty(text.message);
  try {
    return parseLibrary(text, file);
  } catch (error) {
    return empty(`Could not read the reference library: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export type LoadFile = (file: string) => Promise<{ source: Source } | { problem: SourceProblem }>;

/**
 * The sources the libraries' entries make, and the writer's other sources: those an entry's
 * `file` names are used for that entry rather than on their own. `loadFile` reads an
 * attachment that is not among `others`.
 */
export async function librarySources(libraries: readonly ReferenceLibrary[], others: readonly Source[], loadFile: LoadFile): Promise<{ sources: Source[]; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = libraries.flatMap((l) => l.problems);
  const entries = new Map<string, LibraryEntry>();
  for (const entry of libraries.flatMap((l) => l.entries)) {
    const first = entries.get(entry.key);
    if (first) problems.push({ file: entry.library, line: entry.line, message: `The key @${entry.key} is already used by the entry at ${path.basename(first.library)} line ${first.line + 1}; this entry is ignored.` });
    else entries.set(entry.key, entry);
  }
  const byLocation = new Map(others.filter((s) => s.location).map((s) => [path.resolve(s.location!), s] as const));
  const taken = new Set<Source>();
  const attached = new Map<string, Source>();
  for (const entry of entries.values()) {
    const failures: string[] = [];
    for (const file of entry.files) {
      const own = byLocation.get(file);
      if (own && !taken.has(own)) {
        taken.add(own);
        attached.set(entry.key, own);
        break;
      }
      const shown = path.relative(path.dirname(entry.library), file);
      if (!(await stat(file).catch(() => undefined))) {
        failures.push(`${shown} does not exist`);
        continue;
      }
      const loaded = await loadFile(file);
      if ('source' in loaded) {
        attached.set(entry.key, loaded.source);
        break;
      }
      failures.push(`${shown}: ${loaded.problem.message}`);
    }
    if (!attached.has(entry.key) && failures.length) {
      problems.push({ file: entry.library, line: entry.line, message: `The file attached to @${entry.key} could not be read (${failures.join('; ')}); the entry is used as a reference only, with no text to check against.` });
    }
  }
  const unmatched: Source[] = [];
  for (const source of others) {
    if (taken.has(source)) continue;
    const entry = matchingEntry(source, entries, attached);
    if (entry) attached.set(entry.key, source);
    else unmatched.push(source);
  }
  const sources = [...entries.values()].map((entry) => entrySource(entry, attached.get(entry.key)));
  return { sources: [...sources, ...unmatched], problems };
}

/** The entry without a file of its own whose DOI the source's text gives, else whose title is the source's. */
function matchingEntry(source: Source, entries: ReadonlyMap<string, LibraryEntry>, attached: ReadonlyMap<string, Source>): LibraryEntry | undefined {
  const free = [...entries.values()].filter((e) => !attached.has(e.key));
  if (!free.length) return undefined;
  const dois = new Set([source.meta.doi, ...source.passages.flatMap((p) => p.text.match(doiPattern) ?? [])].filter((d): d is string => !!d).map(normalDoi));
  const byDoi = free.find((e) => e.meta.doi && dois.has(normalDoi(e.meta.doi)));
  if (byDoi) return byDoi;
  const title = normalTitle(source.meta.title);
  return title ? free.find((e) => normalTitle(e.meta.title) === title) : undefined;
}

const doiPattern = /\b10\.\d{4,9}\/[^\s"<>)\]]+/g;

function normalDoi(doi: string): string {
  return doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '').replace(/[.,;]+$/, '').toLowerCase();
}

function normalTitle(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The entry as a source: the attached file's text under the entry's metadata, or a reference with no passages. */
function entrySource(entry: LibraryEntry, file: Source | undefined): Source {
  const where = { file: entry.library, line: entry.line };
  if (!file) return { meta: entry.meta, location: entry.library, passages: [], footnotes: [], references: [], acronyms: {}, problems: [], bundled: false, entry: where };
  return {
    ...file,
    meta: { ...file.meta, ...entry.meta },
    passages: file.passages.map((p) => ({ ...p, sourceId: entry.key })),
    entry: where,
  };
}
