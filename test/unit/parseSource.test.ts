import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFootnote } from '../../server/src/corpus/footnotes';
import { decode } from '../../server/src/corpus/readers/text';
import { parseSource } from '../../server/src/corpus/parseSource';
import { corpusDir } from './corpus';
import { lines } from './helpers';

const file = (text: string) => parseSource({ location: '/sources/report.md', text, bundled: false });

describe('parseSource', () => {
  it('reads front matter, page locators, sections, footnotes and acronyms', () => {
    const source = file(
      lines(
        '---',
        'id: rt-2019',
        'title: Russia Looks to Invest',
        'authors: [{ family: Smith, given: Anna }]',
        'year: 2019',
        '---',
        '',
        '## Trade',
        '',
        '<!-- page 4 -->',
        'The Eurasian Economic Union (EAEU) grew. Trade stood at $700 million[^1] last year.',
        '',
        '[^1]: Russia Looks to Invest in Pakistan in a Big Way. – RT. 09.12.2019. URL: <https://www.rt.com/business/475368/> (accessed 10.03.2020).',
      ),
    );
    expect(source.meta).toMatchObject({ id: 'rt-2019', title: 'Russia Looks to Invest', year: 2019, authors: [{ family: 'Smith', given: 'Anna' }] });
    expect(source.passages).toHaveLength(2);
    const [passage, note] = source.passages;
    expect(passage).toMatchObject({ locator: 'p. 4', section: 'Trade', line: 10, text: 'The Eurasian Economic Union (EAEU) grew. Trade stood at $700 million last year.' });
    expect(passage!.text.slice(0, passage!.footnotes[0]!.offset).endsWith('$700 million')).toBe(true);
    expect(source.footnotes[0]).toMatchObject({ label: '1', title: 'Russia Looks to Invest in Pakistan in a Big Way', outlet: 'RT', date: '09.12.2019', url: 'https://www.rt.com/business/475368/', accessed: '10.03.2020' });
    expect(source.acronyms).toEqual({ EAEU: 'Eurasian Economic Union' });
    // The footnote is a passage too, its date first, as a report's dateline; it cites itself.
    expect(note).toMatchObject({ locator: 'note 1', line: 12, text: '09.12.2019: Russia Looks to Invest in Pakistan in a Big Way – RT', footnotes: [{ label: '1', offset: note!.text.length }] });
  });

  it("adds the report's year to its dateline, in brackets, so that the paragraph's facts hold for that date", () => {
    const report = (year: string, body: string) => file(lines('---', 'id: karot', ...(year ? [`year: ${year}`] : []), '---', '', body, '', 'KAROT, June 29: a later paragraph.'));
    expect(report('2022', 'KAROT, June 29: The plant entered commercial operation.').passages.map((p) => p.text)).toEqual(['KAROT, June 29 [2022]: The plant entered commercial operation.', 'KAROT, June 29 [2022]: a later paragraph.']);
    expect(report('2025', 'ISLAMABAD (Monitor), 3 March – Trade grew.').passages[0]!.text).toBe('ISLAMABAD (Monitor), 3 March [2025] – Trade grew.');
    expect(report('2025', 'TASHKENT, March 14 (CATM): A roadmap was signed.').passages[0]!.text).toBe('TASHKENT, March 14 [2025] (CATM): A roadmap was signed.');
    expect(report('2024', 'ISLAMABAD, September 18. /TASS/. Russia supports the bid.').passages[0]!.text).toBe('ISLAMABAD, September 18 [2024]. /TASS/. Russia supports the bid.');
    // Without the report's year, or without a dateline, the text is as written.
    expect(report('', 'KAROT, June 29: The plant entered commercial operation.').passages[0]!.text).toBe('KAROT, June 29: The plant entered commercial operation.');
    expect(report('2022', 'In June the plant, at Karot, entered commercial operation.').passages[0]!.text).toBe('In June the plant, at Karot, entered commercial operation.');
  });

  it("adds the year nearest the report's own day to every day it writes without one", () => {
    const report = (...body: string[]) => file(lines('---', 'id: r', 'year: 2020', '---', '', ...body.flatMap((p) => [p, '']))).passages.map((p) => p.text);
    // The day from the dateline, with the country after the town.
    expect(report('SAHIWAL, Pakistan, July 4 (Reuters) - The plant entered operation on Monday, July 3, its operator said.')).toEqual(['SAHIWAL, Pakistan, July 4 [2020] (Reuters) - The plant entered operation on Monday, July 3 [2020], its operator said.']);
    // The day from a line of its own; "December 20" in a report of 9 January is the year before, "2 February" the same year.
    expect(report('Published: January 9, 2020', 'The deal signed on December 20 takes effect on 2 February, and the talks of 14–15 March 2019 came first.')).toEqual([
      'Published: January 9, 2020',
      'The deal signed on December 20 [2019] takes effect on 2 February [2020], and the talks of 14–15 March 2019 came first.',
    ]);
    // With only the year of its record, the report's own day is not known: other days are left as written.
    expect(report('The deal was signed on December 20.')).toEqual(['The deal was signed on December 20.']);
  });

  it("dates a day of the week by the report's own day: the latest such day, or the next for what is still to come", () => {
    const report = (...body: string[]) => file(lines('---', 'id: r', 'year: 2023', '---', '', ...body.flatMap((p) => [p, '']))).passages.map((p) => p.text);
    expect(report('ASTANA, 6 November 2023 – The satellite reached orbit on Saturday after a test last Monday. Engineers will check it on Friday.')).toEqual([
      'ASTANA, 6 November 2023 – The satellite reached orbit on Saturday [4 November 2023] after a test last Monday [30 October 2023]. Engineers will check it on Friday [10 November 2023].',
    ]);
    // The report's own weekday is its day; a weekday its date follows, and one in a report of no known day, are as written.
    expect(report('CAIRO, May 22 (NEW) – The plant began production on Monday.')).toEqual(['CAIRO, May 22 [2023] (NEW) – The plant began production on Monday [22 May 2023].']);
    expect(report('CAIRO, May 22 (NEW) – It opened on Sunday, May 21.')).toEqual(['CAIRO, May 22 [2023] (NEW) – It opened on Sunday, May 21 [2023].']);
    expect(report('The plant began production on Sunday.')).toEqual(['The plant began production on Sunday.']);
    // What was done just before the day is past, though the sentence speaks of what will be; what will be done is still to come.
    expect(report('HANOI, Jan. 23 — Vietnam will supply rice under an agreement signed in Hanoi on Monday.')).toEqual(['HANOI, Jan. 23 [2023] — Vietnam will supply rice under an agreement signed in Hanoi on Monday [23 January 2023].']);
    expect(report('HANOI, Jan. 23 — The agreement will be signed in Hanoi on Friday.')).toEqual(['HANOI, Jan. 23 [2023] — The agreement will be signed in Hanoi on Friday [27 January 2023].']);
    expect(report('HANOI, Jan. 23 — A ruling is expected on Friday.')).toEqual(['HANOI, Jan. 23 [2023] — A ruling is expected on Friday [27 January 2023].']);
  });

  it('keeps a list in the passage of the paragraph that introduces it with a colon', () => {
    const source = file(lines('Dugin sorts Muslim countries into five categories:', '', '- Wahabism (Saudi Arabia)', '- Enlightened Islam (Pakistan and Turkey)', '', 'He then turns to India.', '', '- A list of its own'));
    expect(source.passages.map((p) => p.text)).toEqual([
      'Dugin sorts Muslim countries into five categories: Wahabism (Saudi Arabia); Enlightened Islam (Pakistan and Turkey)',
      'He then turns to India.',
      'A list of its own',
    ]);
  });

  it('reads a footnote without a date or a link as a passage of its words alone', () => {
    const source = file(lines('Trade grew.[^1]', '', '[^1]: FAQS. – CPEC. URL: http://cpec.gov.pk/faqs (accessed 10.03.2020).', '[^2]: <https://example.org/>'));
    expect(source.passages.map((p) => [p.locator, p.text])).toEqual([
      ['', 'Trade grew.'],
      ['note 1', 'FAQS – CPEC'],
    ]);
  });

  it('falls back to the file name and first heading without front matter', () => {
    const source = file(lines('# Notes on Gwadar', '', 'Gwadar handled cargo.'));
    expect(source.meta.id).toBe('report');
    expect(source.meta.title).toBe('Notes on Gwadar');
    expect(source.passages.map((p) => [p.locator, p.text])).toEqual([['Notes on Gwadar', 'Gwadar handled cargo.']]);
  });

  it('reports bad YAML with its line and keeps the body', () => {
    const source = file(lines('---', 'id: x', 'title: [unclosed', '---', 'Body text here.'));
    expect(source.problems).toEqual([{ file: '/sources/report.md', line: expect.any(Number), message: expect.stringMatching(/^The front matter is not valid YAML/) }]);
    expect(source.passages.map((p) => p.text)).toEqual(['Body text here.']);
  });

  it('reports footnotes cited but never defined', () => {
    const source = file(lines('A[^31] and B[^32] and C[^33].'));
    expect(source.problems.map((p) => p.message)).toEqual(['report: footnotes 31, 32 and 33 cited but not defined.']);
    expect(source.footnotes.map((f) => [f.label, f.missing])).toEqual([
      ['31', true],
      ['32', true],
      ['33', true],
    ]);
  });

  it('reads a backslash before punctuation as the punctuation itself, never as syntax', () => {
    const source = file(lines('## C\\# and F\\#', '', '\\- Trade stood at \\*about\\* $700 million \\[^1] in \\[2019\\](https://rt.com), a path C:\\new.', '', '\\[^1]: not a footnote'));
    expect(source.passages.map((p) => [p.section, p.text, p.footnotes])).toEqual([
      ['C# and F#', '- Trade stood at *about* $700 million [^1] in [2019](https://rt.com), a path C:\\new.', []],
      ['C# and F#', '[^1]: not a footnote', []],
    ]);
    expect(source.footnotes).toEqual([]);
  });

  it('reads the reference list', () => {
    const source = file(lines('## References', '', '- Blank, Stephen. *Russia and the Future of Eurasia*. 2019.', '- Lo, Bobo. *Russia and the New World Disorder*. 2015.'));
    expect(source.references).toEqual(['Blank, Stephen. Russia and the Future of Eurasia. 2019.', 'Lo, Bobo. Russia and the New World Disorder. 2015.']);
    // Each entry is a passage after the body's, led by its year: the date a draft's "Lo's book came out in 2016" is checked against.
    expect(source.passages.map((p) => [p.locator, p.text])).toEqual([
      ['reference 1', '2019: Blank, Stephen – Russia and the Future of Eurasia'],
      ['reference 2', '2015: Lo, Bobo – Russia and the New World Disorder'],
    ]);
  });
});

describe('parseSource on long and unusual text', () => {
  it('reads the acronyms of the bundled sources, hyphenated runs of names as several words', () => {
    const fixture = (name: string) => parseSource({ location: path.join(corpusDir, name), text: readFileSync(path.join(corpusDir, name), 'utf8'), bundled: true });
    const abbasi = fixture('abbasi-2025.md');
    const korybko = fixture('korybko-morozov-2020.md');
    // Korybko and Morozov's 30 footnotes are passages after the body's 30.
    // Abbasi's lists are read with the paragraphs that introduce them; its 8 references are passages after the body's 23.
    expect([abbasi.passages.length, korybko.passages.length]).toEqual([31, 60]);
    expect(abbasi.acronyms).toEqual({ BRI: 'Belt and Road Initiative' });
    expect(korybko.acronyms).toEqual({
      GEP: 'Greater Eurasian Partnership',
      EAEU: 'Eurasian Economic Union',
      BRI: 'Belt & Road Initiative',
      CPEC: 'China Pakistan Economic Corridor',
      SAARC: 'South Asian Association for Regional Cooperation',
      GCC: 'Gulf Cooperation Council',
      SADC: 'South African Development Community',
      SOC: 'Shanghai Organization for Cooperation',
      PSM: 'Pakistan Steel Mills',
      IMEMO: 'Institute of World Economy and International Relations',
      TAPI: 'Turkmenistan Afghanistan Pakistani India',
    });
  });

  it('finds an acronym after a long run of hyphenated capitals, and none where no parenthesis follows', () => {
    const hyphens = 'A-B-C-D-E '.repeat(20_000);
    expect(file(hyphens).acronyms).toEqual({});
    expect(file(`${hyphens}and the Russian-led Eurasian Economic Union (EAEU) grew.`).acronyms).toEqual({ EAEU: 'Eurasian Economic Union' });
  });

  it('reads brackets, links and autolinks that are never closed as text, in one pass', () => {
    const open = 'x [a ![b <https: '.repeat(50_000);
    const source = file(`[Closed](https://example.org) and <https://example.org/x>. ${open}`);
    expect(source.passages[0]!.text).toBe(`Closed and https://example.org/x. ${open.trim()}`);
  });

  it('reads a heading with a long run of spaces before its closing hashes', () => {
    const source = file(lines(`## Trade${' '.repeat(200_000)}x ##`, '', 'Gwadar handled cargo.'));
    expect(source.passages.map((p) => p.section)).toEqual([`Trade${' '.repeat(200_000)}x`]);
  });
});

describe('parseFootnote', () => {
  it('reads a footnote without a dash before the outlet', () => {
    expect(parseFootnote('12', 'Paikin Z. Orders Within Orders: A New Paradigm for Greater Eurasia. Russian International Affairs Council, 24.04.2019. URL: https://russiancouncil.ru/en/x/ (accessed 10.03.2020).')).toMatchObject({
      title: 'Orders Within Orders: A New Paradigm for Greater Eurasia',
      outlet: 'Russian International Affairs Council',
      date: '24.04.2019',
      url: 'https://russiancouncil.ru/en/x/',
    });
  });
});

describe('decode', () => {
  it('refuses binary and invalid UTF-8 with the line of the first bad byte', () => {
    expect(decode(new Uint8Array([0x61, 0x0a, 0x62, 0x00]))).toEqual({ line: 1, message: expect.stringMatching(/looks binary/) });
    expect(decode(new Uint8Array([0x61, 0x0a, 0x0a, 0xff, 0xfe]))).toEqual({ line: 2, message: expect.stringMatching(/not valid UTF-8/) });
    expect(decode(new TextEncoder().encode('\uFEFFhello'))).toBe('hello');
  });

  it('finds the line of a bad byte far into a large file, past a character cut between chunks', () => {
    const text = new TextEncoder().encode(`${'a'.repeat(65_535)}é\n${'line\n'.repeat(100_000)}`);
    const bytes = new Uint8Array([...text, 0xe2, 0x28, 0xa1]);
    expect(decode(bytes)).toEqual({ line: 100_001, message: 'Skipped: the file is not valid UTF-8 text; save it as UTF-8.' });
  });
});
