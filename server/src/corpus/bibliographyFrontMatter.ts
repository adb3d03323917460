// A draft's own reference libraries, as pandoc reads them: `bibliography:` in its YAML front
// matter, a path or a list of paths, relative to the draft's folder.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontMatterEnd } from '../core/draft/draft';
import { isLibraryName } from './bibliography';

export interface DraftBibliographies {
  /** The libraries the front matter names, absolute. */
  files: string[];
  /** What is wrong with the `bibliography:` field: a file that is not there, a value that is not a path. */
  problems: string[];
}

export function draftBibliographies(text: string, draftFile: string): DraftBibliographies {
  const none: DraftBibliographies = { files: [], problems: [] };
  const end = frontMatterEnd(text);
  if (end === undefined || !text.startsWith('---')) return none;
  const yaml = text.slice(text.indexOf('\n') + 1, end).replace(/(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n)?$/, '');
  // Most drafts name no bibliography: their front matter is not parsed here at all.
  if (!/^bibliography\s*:/m.test(yaml)) return none;
  let value: unknown;
  try {
    value = (parseYaml(yaml) as Record<string, unknown> | null)?.bibliography;
  } catch {
    return none;
  }
  const named = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [value];
  const files: string[] = [];
  const problems: string[] = [];
  for (const entry of named) {
    if (typeof entry !== 'string' || !entry.trim()) {
      problems.push('"bibliography" in the front matter should be a path or a list of paths to .bib or CSL-JSON files.');
      continue;
    }
    const file = path.resolve(path.dirname(draftFile), entry.trim());
    if (!isLibraryName(file)) problems.push(`The bibliography ${entry.trim()} named in the front matter is not one Attest reads: it reads BibTeX or BibLaTeX (.bib) and CSL-JSON (.json) files.`);
    else if (existsSync(file)) files.push(file);
    else problems.push(`The bibliography ${entry.trim()} named in the front matter does not exist (looked for ${file}).`);
  }
  return { files, problems };
}

/** The libraries the open drafts' front matter names, kept per draft; the library loads their union. */
export class OpenDraftLibraries {
  private readonly byDraft = new Map<string, string[]>();

  /** Records a draft's libraries; true when the union changed. */
  set(uri: string, files: readonly string[]): boolean {
    const before = this.files.join('\n');
    if (files.length) this.byDraft.set(uri, [...files]);
    else this.byDraft.delete(uri);
    return this.files.join('\n') !== before;
  }

  /** The libraries the draft names. */
  of(uri: string): readonly string[] {
    return this.byDraft.get(uri) ?? [];
  }

  get files(): string[] {
    return [...new Set([...this.byDraft.values()].flat())].sort();
  }
}
