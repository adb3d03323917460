// A draft's `bibliography:` front matter, read as pandoc reads it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftBibliographies, OpenDraftLibraries } from '../../server/src/corpus/bibliographyFrontMatter';
import { lines } from './helpers';

describe('bibliography: in a draft’s front matter', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'attest-fm-'));
  writeFileSync(path.join(root, 'refs.bib'), '');
  writeFileSync(path.join(root, 'more.json'), '[]');
  const draft = path.join(root, 'drafts', 'brief.md');

  it('reads a path or a list of paths relative to the draft, and names the ones that are not there', () => {
    expect(draftBibliographies(lines('---', 'bibliography: ../refs.bib', '---', 'Text.'), draft)).toEqual({ files: [path.join(root, 'refs.bib')], problems: [] });
    expect(draftBibliographies(lines('---', 'title: Brief', 'bibliography:', '  - ../refs.bib', '  - ../more.json', '  - gone.bib', '---'), draft)).toEqual({
      files: [path.join(root, 'refs.bib'), path.join(root, 'more.json')],
      problems: [`The bibliography gone.bib named in the front matter does not exist (looked for ${path.join(root, 'drafts', 'gone.bib')}).`],
    });
    expect(draftBibliographies(lines('---', 'bibliography: 12', '---'), draft).problems).toEqual(['"bibliography" in the front matter should be a path or a list of paths to .bib or CSL-JSON files.']);
    expect(draftBibliographies(lines('---', 'bibliography: ../refs.ris', '---'), draft).problems).toEqual(['The bibliography ../refs.ris named in the front matter is not one Attest reads: it reads BibTeX or BibLaTeX (.bib) and CSL-JSON (.json) files.']);
  });

  it('finds none in a draft without front matter or without the field', () => {
    expect(draftBibliographies(lines('bibliography: refs.bib', '', 'Text.'), draft)).toEqual({ files: [], problems: [] });
    expect(draftBibliographies(lines('---', 'title: Brief', '---', 'bibliography: ../refs.bib'), draft)).toEqual({ files: [], problems: [] });
  });

  it('tells when the open drafts’ libraries change', () => {
    const open = new OpenDraftLibraries();
    expect(open.set('a.md', ['/x/refs.bib'])).toBe(true);
    expect(open.set('b.md', ['/x/refs.bib'])).toBe(false);
    expect(open.set('a.md', [])).toBe(false);
    expect(open.set('b.md', [])).toBe(true);
    expect(open.files).toEqual([]);
  });
});
