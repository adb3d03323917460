// The entries of reference libraries (.bib, CSL-JSON) as team-library sources, read as the
// writer's own libraries are (corpus/bibliography.ts): an entry with a readable attached file
// is that file's text under the entry's metadata; one without is a reference only, so that
// `[@key]` still names it. Each entry is a row of its own, named `<library>#<key>`, so that a
// changed library replaces only the entries that changed and deletes those it no longer has.
import { createHash } from 'node:crypto';
import type { SourceProblem } from '../core/types';
import { librarySources, loadLibrary } from '../corpus/bibliography';
import { loadSourceFile, maxSourceBytes } from '../corpus/loader';
import type { PushItem } from './pushItem';

export interface LibraryItems {
  items: PushItem[];
  /** The files the entries attach: pushed as their entries' text, not as sources of their own. */
  attached: Set<string>;
  /** What could not be read; the entries concerned are pushed as references only, or not at all. */
  notes: SourceProblem[];
}

/** The row name of a library's entry. */
export function entryFile(library: string, key: string): string {
  return `${library}#${key}`;
}

export async function libraryItems(libraryFiles: readonly string[]): Promise<LibraryItems> {
  const items: PushItem[] = [];
  const attached = new Set<string>();
  const notes: SourceProblem[] = [];
  for (const file of libraryFiles) {
    const library = await loadLibrary(file, maxSourceBytes);
    for (const entry of library.entries) for (const f of entry.files) attached.add(f);
    const { sources, problems } = await librarySources([library], [], loadSourceFile);
    notes.push(...problems);
    for (const source of sources) {
      const json = JSON.stringify(source);
      items.push({ file: entryFile(file, source.meta.id), size: Buffer.byteLength(json), mtimeMs: 0, sha256: createHash('sha256').update(json).digest('hex'), source });
    }
  }
  return { items, attached, notes };
}
