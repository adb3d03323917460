// Word files as sources: paragraphs, headings and list items as passages, footnotes kept with
// their markers, title and author from the core properties, and a clear problem for a file
// that is not a Word document.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadSourceFiles } from '../../server/src/corpus/loader';
import { parseSource } from '../../server/src/corpus/parseSource';
import { readSource } from '../../server/src/corpus/readers';
import type { Source } from '../../server/src/core/types';
import { briefingDocx, briefingFile } from '../../scripts/fixtures/docxParts';
import { repoRoot } from '../protocol/harness';
import { bodyOf } from './helpers';

const fixture = path.join(repoRoot, briefingFile);

async function read(file: string, bytes: Uint8Array = readFileSync(file)): Promise<{ text: string; source: Source }> {
  const read = await readSource(bytes, file);
  if (!('text' in read)) throw new Error(read.message);
  return { text: read.text, source: parseSource({ location: file, text: read.text, bundled: false }) };
}

describe('a Word briefing', () => {
  it('is the file its script writes, byte for byte', async () => {
    expect((await briefingDocx()).equals(readFileSync(fixture))).toBe(true);
  });

  it('reads its paragraphs and list items as passages under their headings, with the footnote markers where they stand', async () => {
    const { source } = await read(fixture);
    expect(bodyOf(source).map((p) => [p.locator, p.text, p.footnotes])).toEqual([
      ['Gas', 'The North–South gas pipeline will run 1,100 kilometres from Karachi to Lahore and cost $2 billion.', [{ label: '1', offset: 98 }]],
      ['Gas', 'Russian companies are to hold 26 per cent of the project, Pakistan the rest.', []],
      ['Ports', 'The port of Gwadar handled 1.2 million tonnes of cargo in 2021. Its berths are to double by 2025.', [{ label: '2', offset: 63 }]],
      ['Ports', 'a second container terminal;', []],
      ['Ports', 'a desalination plant.', []],
    ]);
    expect(source.problems).toEqual([]);
  });

  it('keeps its two footnotes, read like a source’s own footnotes', async () => {
    const { source } = await read(fixture);
    expect(source.footnotes).toEqual([
      {
        label: '1',
        text: 'Pakistan, Russia sign deal for North–South gas pipeline. – Dawn. 10.12.2019. URL: <https://www.dawn.com/news/1500000> (accessed 15.03.2021).',
        title: 'Pakistan, Russia sign deal for North–South gas pipeline',
        outlet: 'Dawn',
        date: '10.12.2019',
        url: 'https://www.dawn.com/news/1500000',
        accessed: '15.03.2021',
      },
      { label: '2', text: 'Gwadar Port Authority, Annual Report 2021, p. 4.', title: 'Gwadar Port Authority, Annual Report 2021, p. 4' },
    ]);
  });

  it('keeps an endnote too, numbered after the footnotes as Word shows it', async () => {
    const zip = await JSZip.loadAsync(await briefingDocx());
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const document = (await zip.file('word/document.xml')!.async('string')).replace('a desalination plant.</w:t></w:r>', 'a desalination plant.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>');
    zip.file('word/document.xml', document);
    zip.file('word/endnotes.xml', `<w:endnotes ${w}><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Planning Commission, 2020.</w:t></w:r></w:p></w:endnote></w:endnotes>`);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>'));
    const { source } = await read('/sources/with-endnote.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(bodyOf(source).at(-1)).toMatchObject({ text: 'a desalination plant.', footnotes: [{ label: '3', offset: 21 }] });
    expect(source.footnotes.map((f) => [f.label, f.text])).toEqual([
      ['1', 'Pakistan, Russia sign deal for North–South gas pipeline. – Dawn. 10.12.2019. URL: <https://www.dawn.com/news/1500000> (accessed 15.03.2021).'],
      ['2', 'Gwadar Port Authority, Annual Report 2021, p. 4.'],
      ['3', 'Planning Commission, 2020.'],
    ]);
  });

  it('takes its title, author and date from the document’s properties', async () => {
    const { text, source } = await read(fixture);
    expect(source.meta).toMatchObject({ id: 'briefing-energy', title: 'Briefing: Pakistan–Russia energy & ports', authors: [{ family: 'Lopez', given: 'Maria' }], year: 2021, type: 'report' });
    expect(text).toContain('\ndate: 2021-03-15\n');
  });
});

describe('a file that is not a Word document', () => {
  it('is one problem each, not a zip, a zip without a document, a damaged document or one without text, and the other sources load', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attest-docx-'));
    const write = (name: string, bytes: string | Buffer): string => {
      writeFileSync(path.join(folder, name), bytes);
      return path.join(folder, name);
    };
    const notWord = new JSZip();
    notWord.file('notes.txt', 'not a Word document');
    const blank = await JSZip.loadAsync(await briefingDocx());
    blank.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>');
    const cut = await JSZip.loadAsync(await briefingDocx());
    cut.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The port');
    const files = [
      write('blank.docx', await blank.generateAsync({ type: 'nodebuffer' })),
      write('cut.docx', await cut.generateAsync({ type: 'nodebuffer' })),
      write('corrupt.docx', 'PK\u0003\u0004 this was cut off in the e-mail'),
      write('good.docx', readFileSync(fixture)),
      write('other.docx', await notWord.generateAsync({ type: 'nodebuffer' })),
    ];
    const loaded = await loadSourceFiles(files);
    expect(loaded.sources.map((s) => [s.meta.id, bodyOf(s).length])).toEqual([['good', 5]]);
    expect(loaded.problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ['blank.docx', 'Skipped: the Word document has no text to read.'],
      ['cut.docx', 'Skipped: the Word document is damaged (its text is not well-formed XML); open it in Word and save it again.'],
      ['corrupt.docx', 'Skipped: the file is not a Word document (a .docx file is a zip archive, and this one is not); open it in Word and save it as .docx again.'],
      ['other.docx', 'Skipped: the file is a zip archive but not a Word document (it has no word/document.xml); open it in Word and save it as .docx again.'],
    ]);
  });
});
