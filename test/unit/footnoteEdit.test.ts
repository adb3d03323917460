// Planning a new footnote: its label, where its reference and definition go, and the
// draft's line ending.
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { addFootnote, applyEdits, lineEndingOf, nextFootnoteLabel } from '../../server/src/core/findings/footnoteEdit';
import { lines } from './helpers';

/** The draft with the footnote added at the `$$CURSOR$$` marker, or the reason there is none. */
function cite(draft: string, definition = 'A note.'): string {
  const at = draft.indexOf('$$CURSOR$$');
  const text = draft.replace('$$CURSOR$$', '');
  const planned = addFootnote(parseDraft(text), at, definition);
  return 'problem' in planned ? planned.problem : applyEdits(text, [planned.reference, planned.definition]);
}

describe('nextFootnoteLabel', () => {
  const next = (text: string) => nextFootnoteLabel(parseDraft(text));

  it('counts past labels too large for a number', () => {
    expect(next(lines('Text.[^9007199254740993]', '', '[^9007199254740993]: Note.'))).toBe('9007199254740994');
    expect(next(lines('Text.[^99999999999999999999999]', '', '[^99999999999999999999999]: Note.'))).toBe('100000000000000000000000');
  });

  it('ignores labels that are not all digits', () => {
    expect(next(lines('Text.[^1e21] More.[^0x10] And.[^note]', '', '[^1e21]: A.', '[^0x10]: B.', '[^note]: C.'))).toBe('1');
    expect(next(lines('Text.[^1e21] More.[^3]', '', '[^1e21]: A.', '[^3]: B.'))).toBe('4');
  });
});

describe('addFootnote', () => {
  it('writes the definition in the draft’s own line ending', () => {
    expect(lineEndingOf('a\r\nb\nc')).toBe('\r\n');
    expect(lineEndingOf('a\rb')).toBe('\r');
    expect(lineEndingOf('one line')).toBe('\n');
    expect(cite('Text.$$CURSOR$$\r\n\r\n[^1]: Old.\r\n')).toBe('Text.[^2]\r\n\r\n[^1]: Old.\r\n[^2]: A note.\r\n');
    expect(cite('Text.$$CURSOR$$')).toBe('Text.[^1]\n\n[^1]: A note.\n');
    expect(cite('Text.$$CURSOR$$\r')).toBe('Text.[^1]\r\r[^1]: A note.\r');
    expect(cite('Text.$$CURSOR$$\r\n\r\n')).toBe('Text.[^1]\r\n\r\n[^1]: A note.\r\n');
  });

  it('keeps a definition on one line, whatever its text', () => {
    expect(cite('Text.$$CURSOR$$', 'A\nnote.\r\n\r\nMore.')).toBe('Text.[^1]\n\n[^1]: A note. More.\n');
  });

  it('refuses the start of a definition, where a reference would break it', () => {
    const refusal = 'A footnote reference can’t go at the start of the definition of [^1]: that would break it. Put the cursor in the sentence to cite.';
    expect(cite(lines('Text.[^1]', '', '$$CURSOR$$[^1]: Old.'))).toBe(refusal);
    expect(cite(lines('Text.[^1]', '', '[^1$$CURSOR$$]: Old.'))).toBe(refusal);
    // In the definition's own text a reference is fine: a footnote may cite another.
    expect(cite(lines('Text.[^1]', '', '[^1]: $$CURSOR$$Old.'))).toBe(lines('Text.[^1]', '', '[^1]: [^2]Old.', '[^2]: A note.'));
  });

  it('refuses a spot where the reference would not be one, or would break a link or a reference', () => {
    const refusal = /^A footnote reference can’t go here without breaking the Markdown around it/;
    expect(cite('See [the report](https://example.org/$$CURSOR$$a).')).toMatch(refusal);
    expect(cite('Run `make $$CURSOR$$all` first.')).toMatch(refusal);
    expect(cite(lines('Text.[^$$CURSOR$$1]', '', '[^1]: Old.'))).toMatch(refusal);
  });

  it('refuses a spot outside the text, where a reference would join paragraphs or land in a footnote', () => {
    const refusal = /^A footnote reference goes in the text it cites, and the cursor is not in a sentence/;
    expect(cite(lines('One.', '$$CURSOR$$', 'Two.'))).toMatch(refusal);
    expect(cite(lines('$$CURSOR$$## Heading', '', 'Text.'))).toMatch(refusal);
    expect(cite(lines('Text.[^1]', '', '[^1]: Old.', '$$CURSOR$$'))).toMatch(refusal);
    expect(cite(lines('```', 'code$$CURSOR$$', '```'))).toMatch(refusal);
    // The edges of a paragraph's or heading's text are in it.
    expect(cite(lines('## $$CURSOR$$Heading', '', 'Text.'))).toBe(lines('## [^1]Heading', '', 'Text.', '', '[^1]: A note.', ''));
    expect(cite(lines('$$CURSOR$$One.', '', 'Two.'))).toBe(lines('[^1]One.', '', 'Two.', '', '[^1]: A note.', ''));
  });

  it('puts the definition at the end rather than after one inside a quote, which it would split', () => {
    expect(cite(lines('Text.[^1]', '', '> [^1]: A quoted note.', '>', '> More quote.', '', 'More.$$CURSOR$$'))).toBe(lines('Text.[^1]', '', '> [^1]: A quoted note.', '>', '> More quote.', '', 'More.[^2]', '', '[^2]: A note.', ''));
  });
});
