// The piecewise parser must give exactly what a parse of the whole draft gives, for drafts
// with every construct that can carry a block across a blank line, and after edits.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { createDraftParser, groups, pieces } from '../../server/src/core/draft/draftParser';
import { lines, texts } from './helpers';

const repo = path.resolve(__dirname, '..', '..');

const tricky = lines(
  '---',
  'title: A brief',
  '',
  'tags: [trade]',
  '---',
  '',
  'Trade stood at $700 million.[^rt] See [the report][rep] and [@korybko-morozov-2020, p. 19].',
  '',
  '1. First point, at $150 million.',
  '',
  '2. Second point.',
  '',
  '    A second paragraph of the second point, worth $250 million.',
  '',
  '```text',
  'Code with $5 billion',
  '',
  'Unindented line inside the fence.',
  '```',
  '',
  '<!--',
  '',
  'A comment across a blank line.',
  '',
  '-->',
  '<!-- attest-disable link.placeholder -->',
  '',
  'A [placeholder](#) while disabled.',
  '',
  '<!-- attest-enable -->',
  '',
  '> Quoted: “foundation of Greater Eurasia”.',
  '',
  '> Still quoted, in 2015, as [REP] shows.',
  '',
  '| Country | Trade |',
  '| --- | --- |',
  '| Tajikistan | $62 million |',
  '',
  '[^rt]: RT, 9 December 2019.',
  '',
  '    A second paragraph of the footnote, citing $1 billion.',
  '',
  '[rep]: https://www.rt.com/business/475368/',
  '',
);

const drafts: Record<string, string> = {
  'the example brief': readFileSync(path.join(repo, 'examples', 'brief.md'), 'utf8'),
  'the Abbasi paper': readFileSync(path.join(repo, 'corpus', 'raw', 'abbasi-2025.md'), 'utf8'),
  'front matter, lists, fences, comments, quotes, tables and footnotes': tricky,
  'Windows line endings': tricky.replace(/\n/g, '\r\n'),
};

describe('createDraftParser', () => {
  for (const [name, text] of Object.entries(drafts)) {
    it(`parses ${name} exactly as the whole-draft parser does`, () => {
      expect(createDraftParser().parse(text)).toEqual(parseDraft(text));
    });
  }

  it('stays exact after edits that add, remove and change pieces', () => {
    const parser = createDraftParser();
    let text = tricky;
    parser.parse(text);
    const edits: [string, string][] = [
      ['$150 million', '$160 million'],
      ['2. Second point.', '2. Second point.\n\nA new paragraph in 2016.'],
      ['[^rt]: RT, 9 December 2019.', '[^rt]: RT, 9 December 2019.\n\n[^new]: Added later.'],
      ['Trade stood', 'Trade[^new] stood'],
      ['```text', 'text'],
      ['<!--\n\nA comment', 'A comment'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      expect(parser.parse(text)).toEqual(parseDraft(text));
    }
  });
});

describe('createDraftParser after an edit', () => {
  it('reads a link reference in a paragraph that also cites a footnote, both defined elsewhere', () => {
    const parser = createDraftParser();
    const filler = (from: number): string[] => Array.from({ length: 40 }, (_, i) => [`Paragraph ${from + i}.`, '']).flat();
    // Stand-ins after an indented block (the heading ends the group there) once read as one
    // paragraph, which hid the link's definition.
    const before = lines(...filler(0), 'Trade stood at $700 million.[^rt] See [the report][rep].', '', '    An indented line.', '', '# Next', '', ...filler(40), '[^rt]: RT, 2019.', '', '[rep]: https://www.rt.com/');
    parser.parse(before);
    // The edited paragraph's group is parsed on its own, with stand-ins for both definitions after it.
    const after = before.replace('$700 million', '$710 million');
    const draft = parser.parse(after);
    expect(draft).toEqual(parseDraft(after));
    expect(draft.blocks.find((b) => b.key.startsWith('Trade stood'))!.prose).toMatch(/ See {2}the report {6}\.$/);
  });
});

describe('createDraftParser on a footnote whose text opens with an HTML block', () => {
  it('ends the footnote where the whole-draft parser does, after an edit to it (fuzz seed 808, draft 47926)', () => {
    const parser = createDraftParser();
    // "<style>" on the definition's line opens an HTML block inside the footnote, which ends with the footnote.
    const body = ['', 'China’s investment in CPEC fell to $62 million in 2011. See [note][9007199254740993].', '', '', 'The Eurasian Economic Union fell to three-quarters of a century.[^x y] The Eurasian Economic Union fell to $1 billion. See [2][9007199254740993]. It called this “the foundation of Greater Eurasia”. Russia’s exports to Pakistan reached 9 December 2019 in 2008. See [the source](#).'];
    parser.parse(lines('[^A]: The Eurasian Economic Union rose by around $150 million in 2012.[^rt] See [the source](#).', ...body));
    const after = lines('[^A]:<style> The Eurasian Economic Union rose by around $150 million in 2012.[^rt] See [the source](#).', ...body);
    expect(parser.parse(after)).toEqual(parseDraft(after));
  });
});

describe('createDraftParser on a footnote call inside a bracket that does not close', () => {
  it('reads `[^no[^rt]` as a call of [^rt], defined elsewhere, as the whole-draft parser does, after an edit', () => {
    const parser = createDraftParser();
    const filler = Array.from({ length: 40 }, (_, i) => [`Paragraph ${i}.`, '']).flat();
    const before = lines(...filler, 'Trade stood at $700 million.[^rt]', '', ...filler, '[^rt]: RT, 2019.');
    parser.parse(before);
    // A `[` ends a label, so the call is [^rt]; the edited piece needs [^rt]'s stand-in to read it.
    const after = before.replace('million.[^rt]', 'million.[^no[^rt]');
    const draft = parser.parse(after);
    expect(draft.footnoteRefs.map((r) => r.label)).toEqual(['rt']);
    expect(draft).toEqual(parseDraft(after));
  });
});

describe('groups', () => {
  it('end where the text says, so that an edit leaves the other groups as they were', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} says that trade stood at $${i} million.`);
    const text = paragraphs.join('\n\n');
    const edited = [...paragraphs.slice(0, 100), 'A new paragraph.', ...paragraphs.slice(100)].join('\n\n');
    const of = (t: string): string[] => texts(t, groups(t, pieces(t)));
    const was = of(text);
    const now = of(edited);
    expect(was.length).toBeGreaterThan(10);
    expect(was.length).toBeLessThan(60);
    // Every group but the one that took the new paragraph is still there, and is re-used.
    expect(was.filter((g) => !now.includes(g))).toHaveLength(1);
    const fresh = now.filter((g) => !was.includes(g));
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(fresh.join('')).toContain('A new paragraph.');
  });
});

describe('pieces', () => {
  it('cuts at blank lines before unindented text, never inside front matter, a fence or a comment', () => {
    const text = lines('---', 'a: 1', '', 'b: 2', '---', '', 'One.', '', '    indented', '', '```', 'x', '', 'y', '```', '', '<!--', '', '-->', '', 'Two.');
    expect(texts(text, pieces(text)).map((p) => p.split('\n')[0])).toEqual(['---', 'One.', '```', '<!--', 'Two.']);
  });
});

describe('front matter', () => {
  it('is not prose', () => {
    const draft = parseDraft(lines('---', 'title: Trade stood at $700 million', '---', '', 'Body.'));
    expect(draft.blocks.map((b) => b.key)).toEqual(['Body.']);
  });
});

describe('createDraftParser across drafts', () => {
  // A piece inside a block that a blank line does not end parses as something else alone, so
  // it is never a piece of its own: what a checker reports must not depend on what it saw before.
  const body = lines('', '', '# Notes', '', 'A [placeholder](#) link and a note.[^gone]', '', 'Trade stood at $700 million.', '', '</pre>', '');
  for (const [name, opener] of [
    ['<pre>', '<pre>'],
    ['<script>', '<script>'],
    ['<style>', '<style>'],
    ['<textarea>', '<textarea>'],
    ['<?', '<?php'],
    ['<![CDATA[', '<![CDATA['],
  ]) {
    it(`reads a draft after ${name} is deleted above its body as a fresh parser does`, () => {
      const parser = createDraftParser();
      const before = opener + body.replace('</pre>', { '<?': '?>', '<![CDATA[': ']]>' }[name] ?? `</${name.slice(1)}`);
      expect(parser.parse(before)).toEqual(parseDraft(before));
      const after = before.slice(opener.length + 2);
      expect(parser.parse(after)).toEqual(parseDraft(after));
      expect(parser.parse(after).links.map((l) => l.text)).toEqual(['placeholder']);
    });
  }

  it('keeps TOML front matter, blank lines and all, out of the pieces', () => {
    const parser = createDraftParser();
    const before = lines('+++', 'title = "x"', '', '# Notes', '', 'A [placeholder](#) link.', '', '+++', '', 'Body.');
    expect(parser.parse(before)).toEqual(parseDraft(before));
    const after = before.slice(before.indexOf('# Notes'));
    expect(parser.parse(after)).toEqual(parseDraft(after));
    expect(parser.parse(after).links.map((l) => l.text)).toEqual(['placeholder']);
  });

  it('holds its pieces within the bytes it is given', () => {
    const budget = 256 * 1024;
    const parser = createDraftParser(budget);
    for (let i = 0; i < 200; i++) parser.parse(Array.from({ length: 40 }, (_, p) => `Draft ${i}, paragraph ${p}: trade stood at $${i * p} million.`).join('\n\n'));
    expect(parser.cachedBytes).toBeGreaterThan(budget / 2);
    expect(parser.cachedBytes).toBeLessThanOrEqual(budget);
  });
});

describe('createDraftParser with a block left open at the end of the draft', () => {
  // An unclosed fence or HTML block runs to the end of the text it is parsed in: stand-in
  // definitions after the last piece would be read as part of it.
  const filler = (from: number): string[] => Array.from({ length: 12 }, (_, i) => [`Paragraph ${from + i}.`, '']).flat();
  for (const [name, opener] of [
    ['a fence', '```text'],
    ['a <script> block', '<script>'],
    ['a comment', '<!--'],
  ]) {
    it(`reads a reference in the last piece before ${name} that nothing closes, after an edit`, () => {
      const parser = createDraftParser();
      const before = lines('[^A]: RT, 2019.', '', '# Trade', '', ...filler(0), '# Exports', '', 'Exports reached $150 million.[^a]', '', opener, 'Trade stood at $700 million.', '');
      parser.parse(before);
      const after = before.replace('$150 million', '$160 million');
      const draft = parser.parse(after);
      expect(draft).toEqual(parseDraft(after));
      expect(texts(after, draft.footnoteRefs)).toEqual(['[^a]']);
    });
  }

  it('ends a footnote definition where the draft does when it holds an HTML block that nothing closes', () => {
    const text = lines('[^a]:<textarea> Trade stood at $700 million.[^a]', '');
    const draft = createDraftParser().parse(text);
    expect(draft).toEqual(parseDraft(text));
    expect(draft.footnoteDefs.map((d) => d.end)).toEqual([text.length]);
  });
});

describe('createDraftParser on a draft that starts with a byte order mark', () => {
  it('gives the offsets a whole-draft parse gives, in the first piece and after it', () => {
    const parser = createDraftParser();
    const filler = Array.from({ length: 30 }, (_, i) => [`Paragraph ${i}.`, '']).flat();
    const before = lines('\uFEFFTrade stood at $700 million.[^1]', '', '# Exports', '', ...filler, '[^1]: RT, 2019.', '');
    parser.parse(before);
    const after = before.replace('Paragraph 3.', 'Paragraph three.');
    const draft = parser.parse(after);
    expect(draft).toEqual(parseDraft(after));
    expect(texts(after, draft.footnoteRefs)).toEqual(['[^1]']);
  });
});

describe('createDraftParser after indented code', () => {
  // Markdown reads the line after indented code and a blank line as if it interrupted the
  // code: a list that starts at another number than 1, or with an empty item, is text there.
  const end = Array.from({ length: 20 }, (_, i) => `Sentence ${i} of the closing paragraph.`).join(' ');

  it('reads an ordered list item after it as the whole draft does, after the code is added above', () => {
    const parser = createDraftParser();
    const before = lines('Intro.', '', '2) Trade stood at $109 million.', '', end, '');
    expect(parser.parse(before)).toEqual(parseDraft(before));
    const after = before.replace('Intro.', 'Intro.\n\n    An indented line.');
    const draft = parser.parse(after);
    expect(draft).toEqual(parseDraft(after));
    expect(draft.blocks.map((b) => b.key)).toContain('2) Trade stood at $109 million.');
  });

  it('makes no cut before a list item that would read otherwise alone', () => {
    for (const item of ['2) Trade.', '10. Trade.', '-', '1.', '+']) {
      const text = lines('    An indented line.', '', item, '', 'Next.');
      expect(texts(text, pieces(text)).map((p) => p.split('\n')[0])).toEqual(['    An indented line.', 'Next.']);
    }
    const text = lines('    An indented line.', '', '1. Trade.', '', '- Trade.');
    expect(texts(text, pieces(text)).map((p) => p.split('\n')[0])).toEqual(['    An indented line.', '1. Trade.', '- Trade.']);
  });
});

describe('createDraftParser on lines that JavaScript and Markdown break differently', () => {
  it('reads a fence whose info string holds a line separator (U+2028) as opening a fence, after an edit', () => {
    const parser = createDraftParser();
    const filler = Array.from({ length: 12 }, (_, i) => [`Paragraph ${i}.`, '']).flat();
    const before = lines('Intro.', '', '# Trade', '', ...filler, 'Trade stood at $700 million.', '');
    parser.parse(before);
    // Markdown's only line endings are CR and LF: the fence runs on to the end of the draft.
    const after = before.replace('Intro.', 'Intro.\n```text\u2028x');
    const draft = parser.parse(after);
    expect(draft).toEqual(parseDraft(after));
    expect(draft.blocks.map((b) => b.key)).toEqual(['Intro.']);
  });
});

describe('createDraftParser on a line nested too deep', () => {
  it('does not end a comment at a `-->` in the part of the line it did not read, after an edit', () => {
    const parser = createDraftParser();
    const before = lines('<!--', '', `${'>'.repeat(101)} -->`, '', '# Notes', '', 'Trade stood at $700 million.', '');
    parser.parse(before);
    // The `-->` is past the 100th block quote, so the comment runs on to the end of the draft.
    const after = before.replace('$700 million', '$710 million');
    const draft = parser.parse(after);
    expect(draft).toEqual(parseDraft(after));
    expect(draft.blocks).toEqual([]);
  });
});
