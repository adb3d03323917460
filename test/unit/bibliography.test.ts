// Reference libraries: BibTeX/BibLaTeX and CSL-JSON entries with their keys, metadata and
// attached files; broken entries reported with their lines while the others are used; and
// entries turned into sources (attachment text, entry metadata) or references without text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPaths } from '../../server/src/corpus/bibliographyEntry';
import { parseLibrary } from '../../server/src/corpus/bibliography';
import { findSourceFiles, loadSourceFiles } from '../../server/src/corpus/loader';
import { lines } from './helpers';

const folder = path.resolve(__dirname, '../fixtures/library/bib');
const fixture = (name: string) => path.join(folder, name);
const read = (name: string) => parseLibrary(readFileSync(fixture(name), 'utf8'), fixture(name));
const problemLines = (problems: { file: string; line?: number; message: string }[]) => problems.map((p) => `${path.basename(p.file)}:${(p.line ?? -1) + 1}: ${p.message}`);

describe('reading a BibTeX library', () => {
  it('reads the good entries with their keys, BibLaTeX fields, files and lines, and reports each broken one with its line', () => {
    const library = read('references.bib');
    expect(library.entries.map((e) => `${e.line + 1} @${e.key}: ${e.files.map((f) => path.relative(folder, f)).join(', ')}`)).toEqual([
      '4 @khan2021: files/khan-2021.md',
      '16 @iqbal2019: files/iqbal-2019.txt',
      '31 @korybko2020: files/korybko-2020.pdf',
      '45 @ahmed2018: ',
    ]);
    expect(library.entries[0]!.meta).toEqual({
      id: 'khan2021',
      title: 'The Pakistan Stream Gas Pipeline',
      authors: [
        { family: 'Khan', given: 'Sana' },
        { family: 'Malik', given: 'Omar' },
      ],
      container: 'Journal of Pakistan and International Studies',
      volume: '12',
      issue: '2',
      pages: '45-67',
      doi: '10.5555/jpis.2021.045',
      type: 'article-journal',
      year: 2021,
    });
    expect(problemLines(library.problems)).toEqual([
      'references.bib:25: The entry @article{rashid2022, … could not be read: a brace "{" is never closed; the other 4 entries are used.',
      'references.bib:40: The entry @misc{, … could not be read: it has no citation key; the other 4 entries are used.',
    ]);
  });

  it('reads a whole good file at once, with its entries’ lines', () => {
    const text = lines('@book{one, title = {One}, year = 2001}', '', '@book{two,', '  title = {Two}, year = {2002}}');
    expect(parseLibrary(text, '/lib/refs.bib').entries.map((e) => `${e.line} ${e.key} ${e.meta.title} ${e.meta.year}`)).toEqual(['0 one One 2001', '2 two Two 2002']);
  });

  it('reads each entry alone when one has a syntax error, naming its line and column', () => {
    const text = lines('@string{j = "Journal"}', '@book{one, title = {One}, journal = j, year = 2001}', '@book{two,', '  title = {Two}', '  year = {2002}}', '@book{three, title = "Three", year = 2003}');
    const library = parseLibrary(text, '/lib/refs.bib');
    expect(library.entries.map((e) => `${e.line + 1} ${e.key} ${e.meta.container ?? ''}`)).toEqual(['2 one Journal', '6 three ']);
    expect(problemLines(library.problems)).toEqual([
      'refs.bib:3: The entry @book{two, … could not be read: at line 5, column 3 it expects "}" but finds a field name (is a "," missing after the field before it?); the other 2 entries are used.',
    ]);
    // Only the BibTeX plugin (and core's own) is registered: nothing that fetches DOIs or URLs.
    expect((require('@citation-js/core') as { plugins: { list(): string[] } }).plugins.list()).toEqual(['@else', '@bibtex']);
  });

  it('reads Zotero and Better BibTeX file fields', () => {
    expect(attachmentPaths('Full Text PDF:files/12/paper.pdf:application/pdf;Snapshot:files/13/page.html:text/html')).toEqual(['files/12/paper.pdf', 'files/13/page.html']);
    expect(attachmentPaths('paper.pdf')).toEqual(['paper.pdf']);
    expect(attachmentPaths('C:\\Users\\ana\\paper.pdf')).toEqual(['C:\\Users\\ana\\paper.pdf']);
    expect(attachmentPaths('PDF:C\\:\\\\Zotero\\\\a\\;b.pdf:application/pdf')).toEqual(['C:\\Zotero\\a;b.pdf']);
  });
});

describe('reading a CSL-JSON library', () => {
  it('reads items with their ids, authors, file and lines, and reports an item without an id', () => {
    const library = read('library.json');
    expect(library.entries.map((e) => `${e.line + 1} @${e.key} ${e.meta.authors.map((a) => a.family).join(', ')} ${e.meta.year}: ${e.files.map((f) => path.relative(folder, f)).join(', ')}`)).toEqual([
      '2 @sharma2020 Sharma 2020: files/sharma-2020.md',
      '13 @lee2017 Reuters 2017: ',
    ]);
    expect(problemLines(library.problems)).toEqual(['library.json:21: The item at this line has no "id" (its citation key), so it cannot be cited; the other 2 entries are used.']);
  });

  it('reads the other items when one is not valid JSON', () => {
    const text = lines('[', '  { "id": "a", "title": "A" },', '  { "id": "b", "title": "B", },', '  { "id": "c", "title": "C" }', ']');
    const library = parseLibrary(text, '/lib/refs.json');
    expect(library.entries.map((e) => `${e.line + 1} ${e.key}`)).toEqual(['2 a', '4 c']);
    expect(problemLines(library.problems)).toEqual([expect.stringMatching(/^refs\.json:3: The item at this line could not be read: .+; the other 2 entries are used\.$/)]);
  });

  it('keeps an item whose braces never close from swallowing the next', () => {
    const text = lines('[', '  {', '    "id": "a", "title": "A", "author": [{ "family": "X" ]', '  },', '  {', '    "id": "b", "title": "B"', '  }', ']');
    const library = parseLibrary(text, '/lib/refs.json');
    expect(library.entries.map((e) => `${e.line + 1} ${e.key}`)).toEqual(['5 b']);
    expect(problemLines(library.problems)).toEqual([expect.stringMatching(/^refs\.json:2: The item at this line could not be read: .+; the other entry is used\.$/)]);
  });

  it('says plainly that a .json file that is not an array is not a library', () => {
    expect(problemLines(parseLibrary('{ "name": "my-package" }', '/lib/package.json').problems)).toEqual([
      'package.json:0: This .json file is not a CSL-JSON library: a library is an array of items ([{ "id": …, "title": … }, …]), as Zotero exports it. Name only .json reference libraries in the sources setting.',
    ]);
  });
});

describe('reference libraries as sources', () => {
  it('makes each entry a source: the attachment’s text under the entry’s metadata, or a reference without text', async () => {
    const loaded = await loadSourceFiles([fixture('references.bib'), fixture('library.json')]);
    expect(loaded.sources.map((s) => `${s.meta.id} "${s.meta.title}" ${s.passages.length} passages, entry at ${path.basename(s.entry!.file)}:${s.entry!.line + 1}`)).toEqual([
      'khan2021 "The Pakistan Stream Gas Pipeline" 2 passages, entry at references.bib:4',
      'iqbal2019 "Wheat Trade between Pakistan and Russia" 2 passages, entry at references.bib:16',
      'korybko2020 "Pakistan\'s Role in Russia\'s Greater Eurasian Partnership" 0 passages, entry at references.bib:31',
      'ahmed2018 "Eurasian Corridors: [Links] and *Emphasis* in a Title" 0 passages, entry at references.bib:45',
      'sharma2020 "Energy Diplomacy in South Asia" 1 passages, entry at library.json:2',
      'lee2017 "Gwadar Port Opens" 0 passages, entry at library.json:13',
    ]);
    expect(loaded.sources[0]!.passages.map((p) => p.sourceId)).toEqual(['khan2021', 'khan2021']);
    expect(problemLines(loaded.problems)).toEqual([
      'references.bib:25: The entry @article{rashid2022, … could not be read: a brace "{" is never closed; the other 4 entries are used.',
      'references.bib:40: The entry @misc{, … could not be read: it has no citation key; the other 4 entries are used.',
      'library.json:21: The item at this line has no "id" (its citation key), so it cannot be cited; the other 2 entries are used.',
      'references.bib:31: The file attached to @korybko2020 could not be read (files/korybko-2020.pdf does not exist); the entry is used as a reference only, with no text to check against.',
    ]);
  });

  it('matches a folder’s files to entries by file field, by a DOI in the text, or by title, and keeps the rest as sources of their own', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-bib-'));
    writeFileSync(path.join(root, 'refs.bib'), lines('@article{named, title = {Named}, file = {named.md}}', '@article{bydoi, title = {By DOI}, doi = {10.1234/ABC.5}}', '@article{bytitle, title = {The Gas Pipeline: {A} Study}}'));
    writeFileSync(path.join(root, 'named.md'), 'Named text.');
    writeFileSync(path.join(root, 'paper.md'), lines('# Something else', '', 'Published as https://doi.org/10.1234/abc.5.'));
    writeFileSync(path.join(root, 'study.md'), lines('# The gas pipeline — a study', '', 'The text.'));
    writeFileSync(path.join(root, 'other.md'), lines('# Other', '', 'Other text.'));
    const loaded = await loadSourceFiles(await findSourceFiles(root, ['.']));
    expect(loaded.sources.map((s) => `${s.meta.id}: ${path.basename(s.location!)}`)).toEqual(['named: named.md', 'bydoi: paper.md', 'bytitle: study.md', 'other: other.md']);
    expect(loaded.problems).toEqual([]);
  });
});
