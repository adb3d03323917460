import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { footnoteFindings } from '../../server/src/core/findings/footnoteChecks';
import { lines } from './helpers';

const render = (text: string): string[] =>
  footnoteFindings(parseDraft(text), new Set(['korybko-morozov-2020'])).map((f) => `${text.slice(f.start, f.end)} ${f.code}: ${f.message}`);

describe('footnoteFindings', () => {
  it('reports undefined, unused and duplicate footnotes', () => {
    const text = lines('Trade grew.[^1] Exports fell.[^9]', '', '[^1]: RT.', '[^1]: Dawn.', '[^2]: Unused.');
    expect(render(text)).toEqual([
      '[^1] footnote.duplicate: Footnote [^1] is defined more than once; only the first definition is used.',
      '[^9] footnote.undefined: Footnote [^9] is referenced here but never defined.',
      '[^2] footnote.unused: Footnote [^2] is defined but never referenced.',
    ]);
  });

  it('names the label Markdown reads when a `[` comes before the call', () => {
    expect(render(lines('Trade grew.[^see[^9]'))).toEqual(['[^9] footnote.undefined: Footnote [^9] is referenced here but never defined.']);
  });

  it('reports citation keys no source has', () => {
    expect(render('As shown [@korybko-morozov-2020; @smith-2021].')).toEqual(['@smith-2021 citation.unknown-key: No source has the citation key "@smith-2021".']);
  });

  it('names the reference libraries an unknown key is not in', () => {
    const text = 'As shown [@smith-2021].';
    const found = footnoteFindings(parseDraft(text), new Set<string>(), ['references.bib', 'library.json']);
    expect(found.map((f) => `${text.slice(f.start, f.end)}: ${f.message}`)).toEqual(['@smith-2021: No entry has the key @smith-2021 in references.bib or library.json.']);
  });
});
