// The word-level difference between a quotation and its source, and the edits that keep the
// writer's line breaks and quotation marks.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/findings/footnoteEdit';
import { quoteDiff } from '../../server/src/core/findings/quoteDiff';

/** The draft with the quotation's words between the first pair of marks, made to read as `source`. */
function fixed(draft: string, source: string, sic = false): string {
  const open = draft.search(/[“"]/);
  const close = draft.slice(open + 1).search(/[”"]/) + open + 1;
  const diff = quoteDiff(draft, open + 1, close, source, open);
  return applyEdits(draft, (sic ? diff.sicEdits : diff.edits) ?? []);
}

describe('the misquote fix', () => {
  it('replaces a run of words across a line break, keeping the break', () => {
    expect(fixed('He said "the big\nold plan works".', 'the small new idea works')).toBe('He said "the small\nnew idea works".');
  });

  it('drops a word the source lacks without joining the lines', () => {
    expect(fixed('He said “it is very\nopen to others”.', 'it is open to others')).toBe('He said “it is\nopen to others”.');
  });

  it('adds the words the source has, in the writer’s straight apostrophes', () => {
    expect(fixed('He said "open to others".', 'open to Russia’s others')).toBe('He said "open to Russia\'s others".');
  });

  it('leaves words alone that differ only in apostrophes or case', () => {
    expect(quoteDiff('“The project\'s aim”', 1, 18, 'the project’s aim').edits).toEqual([]);
  });

  it('marks only a misspelling with [sic], not a different word', () => {
    expect(fixed('“rhymes with the plan”', 'rimes with the idea', true)).toBe('“rimes [sic] with the idea”');
    expect(quoteDiff('“rise in trade”', 1, 14, 'rose in trade').sicEdits).toBeUndefined();
  });
});
