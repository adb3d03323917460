// The piecewise parser must give exactly what a parse of the whole draft gives, for drafts
// with every construct that can carry a block across a blank line, and after edits.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft';
import { createDraftParser, pieces } from '../../server/src/core/draftParser';
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
