import { describe, expect, it } from 'vitest';
import { maxNesting, parseDraft } from '../../server/src/core/draft/draft';
import { placeholderLinks } from '../../server/src/core/findings/links';
import { lines, texts } from './helpers';

describe('parseDraft', () => {
  it('keeps prose at the draft’s own offsets and blanks link targets, code and footnote labels', () => {
    const text = lines('Trade hit [$700 million](https://rt.com) in `2018` and more.[^1]', '', '[^1]: RT, 2019.');
    const draft = parseDraft(text);
    const block = draft.blocks[0]!;
    expect(block.start).toBe(0);
    expect(block.prose).toBe(`Trade hit  $700 million${' '.repeat(18)}in        and more.    `);
    expect(block.prose).toHaveLength(block.end - block.start);
    expect(text.slice(block.start + 11, block.start + 23)).toBe('$700 million');
    expect(draft.footnoteRefs).toEqual([{ label: '1', start: 60, end: 64 }]);
    expect(text.slice(60, 64)).toBe('[^1]');
    expect(draft.footnoteDefs.map((d) => [d.label, d.text])).toEqual([['1', 'RT, 2019.']]);
    expect(draft.blocks[1]!.inFootnote).toBe(true);
  });

  it('skips code blocks and HTML', () => {
    const draft = parseDraft(lines('```', '$60 billion', '```', '', '<div>$5</div>', '', 'Prose.'));
    expect(draft.blocks.map((b) => b.prose.trim())).toEqual(['Prose.']);
  });

  it('finds pandoc citations with their keys and groups', () => {
    const text = 'As shown [see @korybko-morozov-2020, p. 10; @abbasi-2025], and by mail a@b.com.';
    const draft = parseDraft(text);
    expect(draft.citations.map((c) => [c.key, text.slice(c.start, c.end), text.slice(c.groupStart, c.groupEnd)])).toEqual([
      ['korybko-morozov-2020', 'korybko-morozov-2020', '[see @korybko-morozov-2020, p. 10; @abbasi-2025]'],
      ['abbasi-2025', 'abbasi-2025', '[see @korybko-morozov-2020, p. 10; @abbasi-2025]'],
    ]);
  });

  it('finds placeholder links with the offsets of their targets', () => {
    const text = 'See [Alexander Dugin](#), [Eurasian Mission]() and [a real one](https://example.org).';
    const links = placeholderLinks(parseDraft(text));
    expect(links.map((l) => [l.text, text.slice(l.start, l.end), text.slice(l.urlStart, l.urlEnd)])).toEqual([
      ['Alexander Dugin', '[Alexander Dugin](#)', '#'],
      ['Eurasian Mission', '[Eurasian Mission]()', ''],
    ]);
  });

  it('reads GitHub tables, strikethrough and task lists, and leaves a bare URL as text', () => {
    const text = lines(
      '| Country | Trade |',
      '| --- | --- |',
      '| Tajikistan | $62 million |',
      '',
      '- [x] Trade ~~fell~~ rose to $700 million, per www.rt.com/business/475368 and https://tass.com/economy.',
    );
    const draft = parseDraft(text);
    expect(draft.blocks.map((b) => b.prose.trim())).toEqual([
      'Country',
      'Trade',
      'Tajikistan',
      '$62 million',
      // The task box and the strikethrough marks are not prose; the URLs' words are.
      'Trade   fell   rose to $700 million, per www.rt.com/business/475368 and https://tass.com/economy.',
    ]);
    expect(draft.links).toEqual([]);
  });

  it('keeps the draft’s offsets after a byte order mark, which the Markdown parser skips', () => {
    const text = lines('\uFEFFTrade stood at $700 million.[^1]', '', '[^1]: RT, 2019.');
    const draft = parseDraft(text);
    expect(draft.blocks.map((b) => b.key)).toEqual(['Trade stood at $700 million.[^1]', 'RT, 2019.']);
    expect(texts(text, draft.footnoteRefs)).toEqual(['[^1]']);
    expect(texts(text, draft.footnoteDefs)).toEqual(['[^1]: RT, 2019.']);
    expect(text.slice(draft.footnoteDefs[0]!.labelStart, draft.footnoteDefs[0]!.labelEnd)).toBe('1');
  });

  it('reads ignore directives', () => {
    const draft = parseDraft(lines('<!-- attest-disable figure.mismatch date.mismatch -->', '', 'x', '', '<!-- attest-enable -->'));
    expect(draft.directives.map((d) => [d.kind, d.codes])).toEqual([
      ['disable', ['figure.mismatch', 'date.mismatch']],
      ['enable', []],
    ]);
  });
});

describe('parseDraft on hostile input', () => {
  it('reads 5,800 nested block quotes, and says where it stopped reading', () => {
    const text = lines(`${'>'.repeat(5800)} Trade stood at $700 million.`, '', 'Body.');
    const draft = parseDraft(text);
    expect(draft.blocks.map((b) => b.key)).toEqual(['Body.']);
    expect(draft.tooDeep).toEqual([{ start: maxNesting, end: 5800 + ' Trade stood at $700 million.'.length }]);
  });

  it('reads a list nested 150 deep by indentation up to the depth it reads', () => {
    const text = Array.from({ length: 150 }, (_, i) => `${' '.repeat(2 * i)}- Item ${i}`).join('\n');
    const draft = parseDraft(text);
    expect(draft.blocks.map((b) => b.key)).toEqual(Array.from({ length: maxNesting }, (_, i) => `Item ${i}`));
    expect(texts(text, draft.tooDeep)[0]).toBe(`- Item ${maxNesting}`);
    expect(draft.tooDeep).toHaveLength(150 - maxNesting);
  });

  it('treats a first line --- that nothing closes as text, so footnote definitions still count', () => {
    const draft = parseDraft(lines('---', 'title: x', '', 'Text with a note.[^1]', '', '[^1]: The note.'));
    expect(draft.footnoteDefs.map((d) => d.label)).toEqual(['1']);
    expect(draft.footnoteRefs.map((r) => r.label)).toEqual(['1']);
  });
});
