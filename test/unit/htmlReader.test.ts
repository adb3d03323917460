// Saved web pages as sources: the article's passages without the page around it, the page's
// metadata, its charset, its text kept literal, and a clear problem for a page that cannot be used.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceFiles } from '../../server/src/corpus/loader';
import { parseSource } from '../../server/src/corpus/parseSource';
import { readSource } from '../../server/src/corpus/readers';
import { bylineAuthors } from '../../server/src/corpus/readers/html';
import type { Source } from '../../server/src/core/types';
import { repoRoot } from '../protocol/harness';
import { bodyOf, lines } from './helpers';

const fixtures = path.join(repoRoot, 'test/fixtures/library/html');

async function read(file: string, bytes: Uint8Array = readFileSync(file)): Promise<{ text: string; source: Source }> {
  const read = await readSource(bytes, file);
  if (!('text' in read)) throw new Error(read.message);
  return { text: read.text, source: parseSource({ location: file, text: read.text, bundled: false }) };
}

const page = (head: string, ...body: string[]): string => lines('<!DOCTYPE html>', '<html><head>', head, '</head><body><article>', ...body, '</article></body></html>');
const filler = '<p>The talks in Islamabad lasted three days and covered energy, trade and the railway line from Quetta to Taftan, officials said afterwards.</p>';

describe('a saved news page', () => {
  it('reads the article’s paragraphs, heading, quote and list, and nothing of the menu, share boxes, related stories, comments or cookie banner', async () => {
    const { source } = await read(path.join(fixtures, 'dawn-gas-pipeline.html'));
    expect(source.passages.map((p) => [p.locator, p.text])).toEqual([
      ['', 'ISLAMABAD: Pakistan and Russia signed an agreement for the $2 billion North–South gas pipeline on Monday, ending four years of talks over who would build and own the line.'],
      ['', 'The 1,100-kilometre pipeline will carry imported liquefied natural gas from Karachi to Lahore, with a capacity of 12.4 billion cubic metres a year, officials of the petroleum division said.'],
      ['Financing', 'Under the revised deal, Russian companies will hold a 26 per cent stake in the project and Pakistan the remaining 74 per cent, reversing the shares agreed in 2015.'],
      ['Financing', '“This pipeline is the backbone of our energy security,” the minister for energy told reporters after the signing ceremony.'],
      // A list is read with the paragraph that introduces it.
      ['Financing', 'The two sides also reviewed the other projects on their agenda: the rehabilitation of the Pakistan Steel Mills, for which Russia has offered $1 billion; a 600-megawatt coal-fired power plant at Jamshoro.'],
      ['Financing', 'Bilateral trade, which stood at $700 million last year, is expected to grow once the pipeline is complete, the officials added.'],
    ]);
    expect(source.problems).toEqual([]);
  });

  it('takes the title and outlet from Open Graph, the author from JSON-LD, the date from article:published_time and the address from the canonical link', async () => {
    const { text, source } = await read(path.join(fixtures, 'dawn-gas-pipeline.html'));
    expect(source.meta).toMatchObject({
      id: 'dawn-gas-pipeline',
      title: 'Pakistan, Russia sign deal for $2bn North–South gas pipeline',
      authors: [{ family: 'Kiani', given: 'Khaleeq' }],
      container: 'DAWN.COM',
      year: 2019,
      url: 'https://www.dawn.com/news/1500000/pakistan-russia-sign-deal-for-north-south-gas-pipeline',
      type: 'article-newspaper',
    });
    expect(text).toContain('\ndate: 2019-12-10\n');
  });
});

describe('a page without author metadata', () => {
  it('takes the authors from the article’s byline, and the title from its first heading', async () => {
    const html = page('<meta charset="utf-8">', '<h1>Talks end in Islamabad</h1>', '<p class="byline">By Sana Baloch and Omar Khan</p>', filler);
    const { source } = await read('/sources/byline.html', Buffer.from(html));
    expect(source.meta).toMatchObject({
      title: 'Talks end in Islamabad',
      authors: [
        { family: 'Baloch', given: 'Sana' },
        { family: 'Khan', given: 'Omar' },
      ],
    });
  });
});

describe('a byline', () => {
  it.each([
    ['By Sana Baloch and Omar Khan', ['Sana Baloch', 'Omar Khan']],
    ['Recorder Report | November 28, 2024', []],
    ['Omar Khan · 5 min read', ['Omar Khan']],
    ['Staff Reporter', []],
    ['By Web Desk — Published 28 Nov 2024', []],
    ['Sana Baloch, Our Correspondent', ['Sana Baloch']],
  ])('"%s" names %j', (byline, names) => {
    expect(bylineAuthors(byline)).toEqual(names);
  });

  it('names nobody from a desk byline with the date after a bar', async () => {
    const html = page('<meta charset="utf-8">', '<h1>Barter deal sealed</h1>', '<p class="byline">Recorder Report | <time datetime="2024-11-28">November 28, 2024</time></p>', filler);
    const { source } = await read('/sources/desk.html', Buffer.from(html));
    expect(source.meta.authors).toEqual([]);
  });
});

describe('a Zotero snapshot', () => {
  it('is decoded in the windows-1252 charset it declares, with its curly quotes and dashes', async () => {
    const { source } = await read(path.join(fixtures, 'rt-energy-snapshot.html'));
    expect(source.passages.map((p) => p.text)).toEqual([
      'Moscow is ready to put “up to $14 billion” into Pakistan’s energy projects – from gas pipelines to power plants – the Russian side said after talks in Islamabad.',
      'Russia has promised a $14 billion investment in Pakistan’s energy sector, including $2.5 billion for the North–South pipeline project, according to officials who took part in the talks.',
      'A Russian company has developed a project to convert the Muzaffargarh thermal power station to coal, and the two nations aim to increase bilateral trade, which last year stood at $700 million.',
      'Pakistan’s exports to Russia reached $150 million, while imports from Russia are worth $250 million, the ministry’s figures show.',
    ]);
  });

  it('reads an XHTML page in the encoding its XML declaration gives', async () => {
    // Bytes 0x92 and 0x96: a curly apostrophe and an en dash in windows-1252.
    const xhtml = Buffer.from(lines('<?xml version="1.0" encoding="windows-1252"?>', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks</title></head><body><article>', '<p>Pakistan\x92s trade with Russia stood at $700 million \x96 officials said afterwards, after talks that lasted three days in Islamabad and Moscow.</p>', '</article></body></html>'), 'latin1');
    const { source } = await read('/sources/talks.xhtml', xhtml);
    expect(source.passages.map((p) => p.text)).toEqual(['Pakistan’s trade with Russia stood at $700 million – officials said afterwards, after talks that lasted three days in Islamabad and Moscow.']);
  });

  it('takes its metadata from the citation_* fields and its address from <base>', async () => {
    const { text, source } = await read(path.join(fixtures, 'rt-energy-snapshot.html'));
    expect(source.meta).toMatchObject({
      id: 'rt-energy-snapshot',
      title: 'Russia promises $14 billion investment in Pakistan’s energy sector',
      authors: [
        { family: 'Petrova', given: 'Anna' },
        { family: 'Ivanov', given: 'Sergei' },
      ],
      container: 'RT',
      year: 2019,
      url: 'https://www.rt.com/business/russia-pakistan-energy-investment/',
      type: 'webpage',
    });
    expect(text).toContain('\ndate: 2019-02-27\n');
  });
});

describe('the page’s own text', () => {
  it('stays literal: no links, emphasis, footnotes, headings, list items, page numbers or tags come of it', async () => {
    const html = page(
      '<meta charset="utf-8"><meta name="citation_title" content="Literal text"><meta name="citation_doi" content="https://doi.org/10.1000/xyz">',
      '<p>Click [run](command:attest.run) or *this* or _that_ or `code`, see &lt;https://example.com&gt; and note [^3] before &lt;script&gt;alert(1)&lt;/script&gt; ends.</p>',
      '<p>1. Not a list item but a sentence about the year 2019 and its trade.</p>',
      '<p># Not a heading, but a sentence with enough words to count.</p>',
      '<p>[^3]: Not a footnote definition, only text about a footnote.</p>',
      '<p>&lt;!-- page 9 --&gt;</p>',
      '<p>- Not a list item either, and a backslash \\* stays too.</p>',
      filler,
    );
    const { source } = await read('/sources/literal.html', Buffer.from(html));
    expect(source.passages.map((p) => [p.locator, p.text, p.footnotes])).toEqual([
      ['', 'Click [run](command:attest.run) or *this* or _that_ or `code`, see <https://example.com> and note [^3] before <script>alert(1)</script> ends.', []],
      ['', '1. Not a list item but a sentence about the year 2019 and its trade.', []],
      ['', '# Not a heading, but a sentence with enough words to count.', []],
      ['', '[^3]: Not a footnote definition, only text about a footnote.', []],
      ['', '<!-- page 9 -->', []],
      ['', '- Not a list item either, and a backslash \\* stays too.', []],
      ['', 'The talks in Islamabad lasted three days and covered energy, trade and the railway line from Quetta to Taftan, officials said afterwards.', []],
    ]);
    expect(source.footnotes).toEqual([]);
    expect(source.meta).toMatchObject({ title: 'Literal text', doi: '10.1000/xyz', url: 'https://doi.org/10.1000/xyz' });
  });
});

describe('the page’s own footnotes', () => {
  it('keeps Wikipedia’s references as the source’s footnotes, linked to their markers, without the links back', async () => {
    const { source } = await read(path.join(fixtures, 'wiki-gwadar-port.html'));
    expect(bodyOf(source).map((p) => [p.text.slice(-40), p.footnotes])).toEqual([
      ['verseas Port Holding Company since 2013.', [{ label: '1', offset: 151 }]],
      ['it fertiliser and wheat for Afghanistan.', [{ label: '2', offset: 109 }, { label: '1', offset: 212 }]],
      ['of the China–Pakistan Economic Corridor.', []],
    ]);
    expect(source.footnotes).toEqual([
      {
        label: '1',
        text: 'Gwadar Port Authority, Annual Report 2021, p. 4. URL: https://gwadarport.gov.pk/annual-report-2021 (accessed 3 March 2022).',
        title: 'Gwadar Port Authority, Annual Report 2021, p. 4',
        url: 'https://gwadarport.gov.pk/annual-report-2021',
        accessed: '3 March 2022',
      },
      { label: '2', text: '"Gwadar port phase one completed". Dawn. 21 March 2007.', title: 'Gwadar port phase one completed', outlet: 'Dawn. 21 March 2007' },
    ]);
    expect(source.problems).toEqual([]);
  });

  it('keeps pandoc’s endnotes and a note in an <aside>, and the note text is a passage of its own after the body', async () => {
    const html = page(
      '<meta charset="utf-8">',
      filler,
      '<p>Pakistan imported 1.2 million tonnes of wheat from Russia in 2019.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> Its share rose in 2020.<sup><a href="#note-b" id="ref-b">b</a></sup></p>',
      '<aside id="note-b"><p>Customs figures, provisional.</p></aside>',
      '<section id="footnotes" class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Ministry of National Food Security, Wheat Review 2020, p. 12.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>',
    );
    const { source } = await read('/sources/notes.html', Buffer.from(html));
    expect(source.passages.map((p) => [p.locator, p.text, p.footnotes])).toEqual([
      ['', filler.replace(/<\/?p>/g, ''), []],
      ['', 'Pakistan imported 1.2 million tonnes of wheat from Russia in 2019. Its share rose in 2020.', [{ label: '1', offset: 66 }, { label: 'b', offset: 90 }]],
      ['note 1', 'Ministry of National Food Security, Wheat Review 2020, p. 12', [{ label: '1', offset: 60 }]],
      ['note b', 'Customs figures, provisional', [{ label: 'b', offset: 28 }]],
    ]);
    expect(source.footnotes.map((f) => [f.label, f.text])).toEqual([
      ['1', 'Ministry of National Food Security, Wheat Review 2020, p. 12.'],
      ['b', 'Customs figures, provisional.'],
    ]);
  });
  it('leaves a raised link to a section of the article in place: it is no note', async () => {
    const html = page('<meta charset="utf-8">', filler, '<p>The second phase is described below.<sup><a href="#phase-two">see</a></sup></p>', '<section id="phase-two"><h2>Phase two</h2><p>Nine more berths are to raise the capacity to 13 million tonnes a year.</p></section>');
    const { source } = await read('/sources/raised.html', Buffer.from(html));
    expect(source.passages.map((p) => [p.locator, p.text])).toEqual([
      ['', filler.replace(/<\/?p>/g, '')],
      ['', 'The second phase is described below.see'],
      ['Phase two', 'Nine more berths are to raise the capacity to 13 million tonnes a year.'],
    ]);
    expect(source.footnotes).toEqual([]);
  });
});

describe('a table in the article', () => {
  it('is read a row at a time, each cell as of its row and under its column’s header', async () => {
    const html = page('<meta charset="utf-8">', filler, '<table><thead><tr><th>Year</th><th>Trade</th></tr></thead><tbody><tr><td>2018</td><td>$690 million</td></tr><tr><td>2019</td><td>$700 million</td></tr></tbody></table>');
    const { source } = await read('/sources/table.html', Buffer.from(html));
    expect(source.passages.slice(1).map((p) => p.text)).toEqual(['2018, Trade: $690 million.', '2019, Trade: $700 million.']);
  });

  it('reads a table of one column, used for layout, as paragraphs', async () => {
    const html = page('<meta charset="utf-8">', filler, '<table><tr><td>Trade stood at $690 million in 2018.</td></tr><tr><td>It reached $700 million in 2019.</td></tr></table>');
    const { source } = await read('/sources/layout.html', Buffer.from(html));
    expect(source.passages.slice(1).map((p) => p.text)).toEqual(['Trade stood at $690 million in 2018.', 'It reached $700 million in 2019.']);
  });
});

describe('a page that cannot be used', () => {
  it('is a page with no article text, a charset it does not keep to, or a charset nobody knows: one problem each, and the other sources load', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attest-html-'));
    const write = (name: string, bytes: string | Buffer): string => {
      writeFileSync(path.join(folder, name), bytes);
      return path.join(folder, name);
    };
    const files = [
      write('login.html', lines('<html><head><title>Sign in</title></head><body>', '<nav><a href="/">Home</a> <a href="/news">News</a></nav>', '<form><label>Email</label><input name="email"><button>Sign in</button></form>', '</body></html>')),
      write('mislabelled.html', Buffer.concat([Buffer.from(lines('<html><head><meta charset="utf-8"></head><body><article>', '<p>Pakistan', '')), Buffer.from([0x92]), Buffer.from('s trade stood at $700 million.</p></article></body></html>')])),
      write('unknown.html', page('<meta charset="klingon-8">', filler)),
      write('good.html', page('<meta charset="utf-8"><meta property="og:title" content="Good page">', filler)),
    ];
    const loaded = await loadSourceFiles(files);
    expect(loaded.sources.map((s) => [s.meta.title, s.passages.length])).toEqual([['Good page', 1]]);
    expect(loaded.problems.map((p) => [path.basename(p.file), p.line, p.message])).toEqual([
      ['login.html', undefined, 'Skipped: the page has no article text to read (no paragraphs outside menus, links and forms); save the page of the article itself.'],
      ['mislabelled.html', 2, 'Skipped: the page declares the charset "utf-8", but its bytes are not valid UTF-8; save the page again from the browser, or correct its <meta charset>.'],
      ['unknown.html', undefined, 'Skipped: the page declares the charset "klingon-8", which Attest does not know; save the page again as UTF-8.'],
    ]);
  });
});
