// The bundled corpus as the import makes it: footnote markers recovered from the PDF text,
// hyphenation undone, running heads gone, pages kept as locators, and the figures of both
// papers read as a careful reader would read them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertPdfText } from '../../scripts/corpus/pdfText';
import { importSource, type ManifestEntry } from '../../scripts/corpus/importSource';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import { isNotePassage, isWorkPassage, type Source } from '../../server/src/core/types';
import { bodyOf, lines } from './helpers';

const corpusDir = path.resolve(__dirname, '..', '..', 'corpus');
const manifest = parse(readFileSync(path.join(corpusDir, 'raw', 'sources.yaml'), 'utf8')) as ManifestEntry[];
const imported = manifest.map((entry) => importSource(entry, readFileSync(path.join(corpusDir, 'raw', entry.raw), 'utf8')));
const sources = new Map<string, Source>(imported.map((i) => [i.id, parseSource({ location: `corpus/${i.id}.md`, text: i.markdown, bundled: true })]));
const korybko = sources.get('korybko-morozov-2020')!;
const abbasi = sources.get('abbasi-2025')!;
const allText = (source: Source): string => bodyOf(source).map((p) => p.text).join('\n');

/** The passage text just before footnote `label`'s marker. */
function beforeMarker(source: Source, label: string): string {
  for (const passage of source.passages) {
    const marker = passage.footnotes.find((f) => f.label === label);
    if (marker) return passage.text.slice(Math.max(0, marker.offset - 30), marker.offset);
  }
  throw new Error(`no marker ${label}`);
}

describe('corpus:import', () => {
  it('writes exactly what is committed in corpus/', () => {
    for (const { id, markdown } of imported) expect(readFileSync(path.join(corpusDir, `${id}.md`), 'utf8')).toBe(markdown);
  });

  it('recovers all 33 footnote markers in order and the 30 definitions, naming the missing ones', () => {
    const cited = bodyOf(korybko).flatMap((p) => p.footnotes.map((f) => Number(f.label)));
    expect(cited).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(korybko.footnotes.filter((f) => !f.missing).map((f) => Number(f.label))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(korybko.problems.map((p) => p.message)).toEqual(['korybko-morozov-2020: footnotes 31, 32 and 33 cited but not defined.']);
  });

  it('reads each definition: title, outlet, date, URL and access date', () => {
    for (const footnote of korybko.footnotes.filter((f) => !f.missing)) {
      expect(footnote.title, footnote.text).toBeTruthy();
      expect(footnote.outlet, footnote.text).toBeTruthy();
      expect(footnote.url, footnote.text).toMatch(/^https?:\/\/\S+[^.,]$/);
      expect(footnote.accessed, footnote.text).toBe('10.03.2020');
    }
    expect(korybko.footnotes.find((f) => f.label === '4')).toMatchObject({
      title: 'CPEC: Pakistani Government Announces Completion of 13 Projects Worth $11 Billion',
      outlet: 'Sputnik',
      date: '09.01.2020',
      url: 'https://sputniknews.com/asia/202001091077987936-cpec-pakistani-government-announces-completion-of-13-projects-worth-11-billion/',
    });
    expect(korybko.footnotes.find((f) => f.label === '22')).toMatchObject({ outlet: 'RT', date: '15.12.2019', url: 'http://www.rt.com/news/475952-russia-pakistan-boost-relations/' });
  });

  it('keeps the year or word a marker was glued to', () => {
    expect(beforeMarker(korybko, '1')).toMatch(/November 2017$/);
    expect(beforeMarker(korybko, '4')).toMatch(/\$60 billion$/);
    expect(beforeMarker(korybko, '7')).toMatch(/end of 2016$/);
    expect(beforeMarker(korybko, '23')).toMatch(/in 2016$/);
    expect(beforeMarker(korybko, '24')).toMatch(/a year$/);
    expect(beforeMarker(korybko, '26')).toMatch(/early 2019$/);
    expect(beforeMarker(korybko, '29')).toMatch(/future$/);
    expect(beforeMarker(korybko, '30')).toMatch(/in 2018$/);
    expect(beforeMarker(korybko, '31')).toMatch(/\$100 million$/);
  });

  it('reads no figure with a marker\'s digits', () => {
    const corpus = buildCorpus([korybko, abbasi]);
    const figures = corpus.passages.flatMap((p) => corpus.figures(p.index));
    for (const year of figures.filter((f) => f.kind === 'year' || f.kind === 'date')) expect(year.value).toBeGreaterThan(1900), expect(year.value).toBeLessThan(2100);
    expect(figures.map((f) => f.text).filter((t) => /\d{5}|billion\d|million\d/.test(t))).toEqual([]);
  });

  it('rejoins words split at line ends, keeping real hyphens', () => {
    const text = allText(korybko);
    expect(text).toContain('future');
    expect(text).toContain('important component');
    expect(text).toContain('North-South');
    expect(text).toContain('Pakistani-Kyrgyzstani');
    expect(text).toContain('state-owned');
    expect(text).toContain('trans-regional');
    expect(text).toContain('Re-Thinking');
    // The only hyphen left before a space is a suspended one.
    expect(text.match(/\p{L}+- \p{Ll}+/gu)).toEqual(['small- and']);
  });

  it('drops running heads, page numbers, bare URL lines and the Russian abstract, keeping pages as locators', () => {
    const text = allText(korybko);
    expect(text).not.toContain('Полис');
    expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(text).not.toContain('mailto:');
    expect(text).not.toMatch(/(^|\n)15\b/);
    const locatorOf = (words: string): string | undefined => korybko.passages.find((p) => p.text.includes(words))?.locator;
    expect(locatorOf('the SAARC bloc of which')).toBe('pp. 14–15');
    expect(locatorOf('a 64-member delegation')).toBe('p. 19');
    expect(locatorOf('expected eventual total investment of $60 billion')).toBe('pp. 9–10');
    expect(locatorOf('Connectivity is one of the key trends')).toBe('p. 9');
    expect(locatorOf('In conclusion, the research argues')).toBe('p. 21');
    expect(korybko.passages.map((p) => p.section)).toContain('The Russian Foreign Policy Concept of 2016');
  });

  it('keeps the Abbasi paper\'s words and drops its lost link targets', () => {
    const text = allText(abbasi);
    expect(text).toContain('Famously dubbed as Putin\'s Rasputin philosopher Alexander Dugin made headlines');
    expect(text).not.toContain('](#)');
    expect(abbasi.references).toHaveLength(8);
    expect(abbasi.passages[0]).toMatchObject({ locator: 'Abstract' });
    expect(abbasi.meta).toMatchObject({ id: 'abbasi-2025', year: 2025, volume: '3', issue: '1', licence: 'CC BY 4.0' });
  });

  it('reads the figures of both papers as a careful reader would', () => {
    const corpus = buildCorpus([korybko, abbasi]);
    const body = corpus.passages.filter((p) => !isWorkPassage(p));
    // The footnotes' figures: each reference's date, and the amounts, the count and the rank its title states.
    const notes = corpus.passages.filter(isNotePassage).flatMap((p) => corpus.figures(p.index).filter((f) => f.kind !== 'date').map((f) => f.text));
    expect(notes).toEqual(['25th', '13 Projects', '$11 Billion', '$10mn', '$500m', '$500m']);
    expect(corpus.passages.filter(isNotePassage).filter((p) => corpus.figures(p.index).some((f) => f.kind === 'date'))).toHaveLength(27);
    const ranks = body.flatMap((p) => corpus.figures(p.index).filter((f) => f.kind === 'rank').map((f) => `${f.text} (${f.unit})`));
    expect(ranks).toEqual(['second (ordinal:forum)', 'largest (rank:size)', 'third most populous (rank:population)', 'largest (rank:size)', 'largest (rank:size)', 'second largest (rank:size)']);
    const money = body.flatMap((p) => corpus.figures(p.index).filter((f) => f.kind !== 'year' && f.kind !== 'date' && f.kind !== 'rank').map((f) => `${f.text}${f.qualifier === 'exact' ? '' : ` (${f.qualifier})`}`));
    expect(money).toEqual([
      'five EAEU member states',
      'five EAEU member states',
      '$13 billion',
      '$60 billion',
      '$46 billion (at-least)',
      'four of the aforementioned structures',
      'four directions',
      '200 million potential customers (over)',
      '200 million people (over)',
      '$60 billion',
      '64-member',
      'four-day',
      'several billion dollars (about)',
      '$1 billion',
      '$14 billion',
      '$2.5 billion',
      '600-megawatt',
      '$700 million',
      '$150 million',
      '$250 million',
      '$3.5 million (over)',
      '$10 million',
      '$25 million (under)',
      '$250-500 million',
      '$29 million',
      '$62 million',
      '$500 million',
      '$36 million',
      '$90 million (over)',
      '$100 million (about)',
      '$300 million',
      '$1 billion (about)',
      '20%',
      'three great spaces',
      'two purposes',
      'five categories',
      'four labels',
      '3000kms',
      'seventy-five years',
      'two countries',
    ]);
  });
});

describe('convertPdfText', () => {
  const convert = (...text: string[]) => convertPdfText(lines(...text), { firstPage: 5, runningHeads: [/^Journal\. 2020\.$/], dropNonLatinPages: true });

  it('continues a sentence across a page break and a blank line, and places the page\'s footnotes after it', () => {
    const { blocks, problems } = convert(
      'Trade reached $3.5 mil-',
      'lion in 20161, which is',
      '',
      '1 Country Series. – PBC. 11.2017. URL: https://www.pbc.org.pk/re-',
      'search/ (accessed 10.03.2020).',
      '',
      'https://www.pbc.org.pk/research/',
      '6',
      'Journal. 2020.',
      'why both sides agreed.',
      '',
      'A new paragraph.',
      ' A page that starts a paragraph.',
    );
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      { kind: 'page', page: '5–6' },
      { kind: 'paragraph', text: 'Trade reached $3.5 million in 2016[^1], which is why both sides agreed.' },
      { kind: 'footnote', label: '1', text: 'Country Series. – PBC. 11.2017. URL: https://www.pbc.org.pk/research/ (accessed 10.03.2020).' },
      { kind: 'page', page: '6' },
      { kind: 'paragraph', text: 'A new paragraph.' },
      { kind: 'page', page: '7' },
      { kind: 'paragraph', text: 'A page that starts a paragraph.' },
    ]);
  });

  it('says which footnotes have no definition and which URLs were not printed', () => {
    const { problems } = convert('Cited here1 and there2.', '', '1 A. – B. URL: http://a.example/x (accessed 1.1.2020).');
    expect(problems).toEqual(['footnote 2 is cited but its definition is missing from the text', 'footnote 1: its URL http://a.example/x is not among the page\'s printed links']);
  });
});
