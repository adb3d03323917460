// PDF sources as the writer sees them: passages in reading order with their pages, no running
// heads or page numbers, words broken at line ends whole again, footnotes tied to their
// markers, the title and DOI; and one clear problem for each PDF that cannot be read.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceFiles } from '../../server/src/corpus/loader';
import { parseSource } from '../../server/src/corpus/parseSource';
import { readSource } from '../../server/src/corpus/readers';
import { readPdf } from '../../server/src/corpus/readers/pdf';
import { layOut, pageLines } from '../../server/src/corpus/readers/pdfLayout';
import { joinLine, pageFoot, pageText, withoutHeadsAndFeet } from '../../server/src/corpus/readers/pdfText';
import type { Source } from '../../server/src/core/types';
import { pdfFixtures } from '../../scripts/fixtures/pdf';
import { bodyOf } from './helpers';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'library', 'pdf');

/** A run of text at the left margin unless told, about half its size wide per character. */
const run = (text: string, y: number, size = 10, x = 72) => ({ text, x, y, width: 0.5 * size * text.length, size });

async function read(name: string): Promise<Source> {
  const file = path.join(fixtures, name);
  const result = await readSource(readFileSync(file), file);
  if (!('text' in result)) throw new Error(result.message);
  return parseSource({ location: file, text: result.text, bundled: false });
}

/** Each passage as "locator: text", markers shown where they stand. */
function passages(source: Source): string[] {
  return bodyOf(source).map((p) => {
    let text = p.text;
    for (const f of [...p.footnotes].reverse()) text = `${text.slice(0, f.offset)}[^${f.label}]${text.slice(f.offset)}`;
    return `${p.locator}: ${text}`;
  });
}

describe('the PDF reader', () => {
  it('reads a two-column paper column by column, page by page, without its running heads and page numbers, a paragraph over a page break whole', async () => {
    const source = await read('two-column.pdf');
    expect(passages(source)).toEqual([
      'p. 9: Amna Raza Abbasi and Andrew Korybko',
      'p. 9: DOI: 10.5555/attest.2020.0309',
      'p. 9: Pakistan and Russia signed an agreement for the $2 billion North–South gas pipeline in 2015.[^1] The pipeline was to run from Karachi to Lahore and carry liquefied natural gas imported at the southern ports.',
      'p. 9: The project was renamed the Pakistan Stream Gas Pipeline in 2021, when the two governments agreed on a new share for each side.',
      'p. 9: Trade between the two countries stood at $700 million in 2019, a fraction of the Pakistan-Russia potential that both sides describe in their statements.[^2]',
      'p. 9: Russia supplied four Mi-35 helicopters to Pakistan in 2017 under the defence cooperation agreement of 2014.',
      'p. 10: China’s investment in the China–Pakistan Economic Corridor is expected to reach $62 billion, and Russia has offered to join several of its energy projects.[^3] Gwadar port handled 1.2 million tonnes of cargo in 2021.',
      'pp. 10–11: The Turkmenistan–Afghanistan–Pakistan–India pipeline, known as TAPI, would carry 33 billion cubic metres of gas a year, and its Pakistani section was to be built by 2019.',
      'p. 11: The two navies held their first joint exercise, Arabian Monsoon, in 2014, and Pakistan has taken part in every Army Games held in Russia since 2017.',
    ]);
    expect(bodyOf(source).map((p) => p.section)).toEqual([...Array(6).fill('Pakistan–Russia Energy Cooperation'), ...Array(3).fill('Energy and the Chinese Link')]);
    expect(source.footnotes.map((f) => `${f.label}: ${f.text}`)).toEqual([
      '1: The agreement was signed in Moscow on 16 October 2015.',
      '2: Figures from the State Bank of Pakistan.',
      '3: Statement of the Russian Ministry of Energy, 2019.',
    ]);
    expect(source.problems).toEqual([]);
  });

  it('takes the title and authors from the document info and the DOI from the first page', async () => {
    const { meta } = await read('two-column.pdf');
    expect([meta.id, meta.title, meta.authors, meta.doi, meta.url]).toEqual([
      'two-column',
      'Pakistan–Russia Energy Cooperation',
      [
        { family: 'Abbasi', given: 'Amna Raza' },
        { family: 'Korybko', given: 'Andrew' },
      ],
      '10.5555/attest.2020.0309',
      'https://doi.org/10.5555/attest.2020.0309',
    ]);
  });

  it('reads in reading order a page drawn in another order, titled by its large first lines, without a mark no footnote has', async () => {
    const source = await read('drawing-order.pdf');
    expect(passages(source)).toEqual([
      'p. 1: Amna Raza Abbasi, Independent Scholar',
      'p. 1: See https://doi.org/10.5555/attest.2025.0042.',
      'p. 1: Pakistan and Russia signed the agreement for the North–South gas pipeline in 2015, with a planned length of 1,100 kilometres.[^1]',
      'p. 1: The two states held their first joint military exercise, Druzhba, in 2016, and have held it every year since.',
    ]);
    expect(source.footnotes.map((f) => `${f.label}: ${f.text}`)).toEqual(['1: Later renamed the Pakistan Stream Gas Pipeline.']);
    expect([source.meta.title, source.meta.authors, source.meta.doi]).toEqual(['Pakistan–Russia Relations and the Chinese Link', [], '10.5555/attest.2025.0042']);
  });

  it('gives one clear problem for a PDF it cannot read, and reads the sources beside it', async () => {
    const names = ['damaged.pdf', 'drawing-order.pdf', 'encrypted.pdf', 'no-text.pdf', 'two-column.pdf'];
    const loaded = await loadSourceFiles(names.map((n) => path.join(fixtures, n)));
    expect(loaded.sources.map((s) => s.meta.id)).toEqual(['drawing-order', 'two-column']);
    expect(loaded.problems.map((p) => `${path.basename(p.file)}: ${p.message}`)).toEqual([
      'damaged.pdf: Skipped: the file is not a readable PDF (it is damaged or cut short).',
      'encrypted.pdf: Skipped: the PDF is encrypted with a password; Attest reads only PDFs that open without one.',
      'no-text.pdf: Skipped: the PDF has no text layer (a scan?); Attest reads only PDFs with text.',
    ]);
  });

  it('says a PDF cut short is damaged', async () => {
    const whole = readFileSync(path.join(fixtures, 'two-column.pdf'));
    expect(await readPdf(whole.subarray(0, whole.length >> 1), 'two-column.pdf')).toEqual({ message: 'Skipped: the file is not a readable PDF (it is damaged or cut short).' });
  });

  it('reads no more than its page limit, and says so', async () => {
    const result = await readPdf(readFileSync(path.join(fixtures, 'two-column.pdf')), 'two-column.pdf', 2);
    expect('text' in result && [result.text.match(/<!-- page \d+ -->/g), result.problems]).toEqual([
      ['<!-- page 9 -->', '<!-- page 10 -->'],
      [{ message: "Only the first 2 of the PDF's 3 pages are read; the rest is not checked." }],
    ]);
  });

  it('reads the lines of a paragraph set right of its heading as one paragraph', () => {
    const lines = pageLines([run('1. Introduction', 540, 14), run('Many programs use the MIME system to', 500, 10, 120), run('represent the types of files.', 487, 10, 120), run('It is also useful to store more.', 455, 10, 120)]);
    expect(pageText(layOut(lines, 10), 10, new Set(), () => undefined)).toEqual(['## 1. Introduction', 'Many programs use the MIME system to represent the types of files.', 'It is also useful to store more.']);
  });

  it('reads a listing in small type at the page foot as text, not as footnotes, when its numbers do not go up', () => {
    const lines = pageLines([run('The header holds these fields.', 500), run('2 CARD16 MAJOR_VERSION', 100, 8), run('2 CARD16 MINOR_VERSION', 90, 8)]);
    expect(pageFoot(layOut(lines, 10).foot, new Set())).toEqual({ notes: [], rest: ['2 CARD16 MAJOR_VERSION', '2 CARD16 MINOR_VERSION'] });
  });

  it('drops running heads that alternate between even and odd pages', () => {
    const pages = Array.from({ length: 11 }, (_, i) => ({ height: 792, lines: pageLines([run(i % 2 ? 'Korybko & Morozov' : 'Pakistan’s Role in the Partnership', 750), run(`Body text of page ${i + 1}.`, 400)]) }));
    expect(withoutHeadsAndFeet(pages).map((p) => p.lines.map((l) => l.runs.map((r) => r.text).join(' ')))).toEqual(pages.map((_, i) => [`Body text of page ${i + 1}.`]));
  });

  it('drops a roman page number at the foot, and keeps a one-word line of the body', () => {
    const [page] = withoutHeadsAndFeet([{ height: 792, lines: pageLines([run('The plan was', 400), run('vivid', 388), run('xiv', 40)]) }]);
    expect(page!.lines.map((l) => l.runs.map((r) => r.text).join(' '))).toEqual(['The plan was', 'vivid']);
  });

  it('keeps the hyphen of a word broken at a line end when the text writes it with one elsewhere', () => {
    expect(joinLine('a two-', 'year plan', new Set(['two-year']))).toBe('a two-year plan');
    expect(joinLine('a two-', 'year plan', new Set())).toBe('a twoyear plan');
    expect(joinLine('the Pakistan-', 'Russia talks', new Set())).toBe('the Pakistan-Russia talks');
  });

  it('runs a line on after a dash between words or a web address broken at a slash, not after a spaced dash', () => {
    expect(joinLine('the North–', 'South pipeline', new Set())).toBe('the North–South pipeline');
    expect(joinLine('President of Russia. –', 'The Ministry', new Set())).toBe('President of Russia. – The Ministry');
    expect(joinLine('URL: https://www.pbc.org.pk/research/', 'country-series/', new Set())).toBe('URL: https://www.pbc.org.pk/research/country-series/');
    expect(joinLine('URL: https://www.pbc.org.pk/research/', '(accessed 10.03.2020).', new Set())).toBe('URL: https://www.pbc.org.pk/research/ (accessed 10.03.2020).');
    expect(joinLine('national currencies/', 'payment systems', new Set())).toBe('national currencies/ payment systems');
  });

  it('has fixtures that the script makes again byte for byte', async () => {
    for (const [name, bytes] of await pdfFixtures()) expect([name, Buffer.from(bytes).equals(readFileSync(path.join(fixtures, name)))]).toEqual([name, true]);
  });
});
