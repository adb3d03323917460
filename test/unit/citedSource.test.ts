// Which source a footnote or key cites, from the notes writers actually write.
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { citedSources, noteSource } from '../../server/src/core/retrieval/citedSource';
import type { Source, SourceMeta } from '../../server/src/core/types';
import { lines } from './helpers';

function source(meta: Omit<SourceMeta, 'authors'> & { authors?: SourceMeta['authors'] }): Source {
  return { meta: { authors: [], ...meta }, passages: [], footnotes: [], references: [], acronyms: {}, problems: [], bundled: false };
}

const library = {
  sources: new Map(
    [
      source({ id: 'korybko-morozov-2020', title: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', authors: [{ family: 'Korybko', given: 'Andrew' }, { family: 'Morozov', given: 'Vladimir M.' }], year: 2020, doi: '10.17976/jpps/2020.03.02' }),
      source({ id: 'korybko2019', title: 'Hybrid Wars in South Asia', authors: [{ family: 'Korybko', given: 'Andrew' }], year: 2019 }),
      source({ id: 'abbasi-2025', title: 'Pakistan – Russia Relations: The Chinese Link', authors: [{ family: 'Abbasi', given: 'Amna Raza' }], year: 2025 }),
      source({ id: 'iqbal2019', title: 'Wheat Trade between Pakistan and Russia', authors: [{ family: 'Iqbal', given: 'Hina' }], year: 2019, url: 'https://example.org/iqbal-2019' }),
      source({ id: 'steel', title: 'Pakistan Steel Mills Revival Plan', year: 2023 }),
      source({ id: 'dawn-pipeline', title: 'Work on the Pakistan Stream Gas Pipeline Begins in Karachi', year: 2024 }),
    ].map((s) => [s.meta.id, s]),
  ),
};

describe('the source a note cites', () => {
  it.each([
    ['a Chicago full note', 'Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/10.17976/jpps/2020.03.02.', 'korybko-morozov-2020'],
    ['a Chicago short note', 'Korybko and Morozov, “Pakistan’s Role,” 19.', 'korybko-morozov-2020'],
    ['an APA reference without the DOI', 'Korybko, A., & Morozov, V. M. (2020). Pakistan’s role in Russia’s Greater Eurasian partnership. Polis, (3), 9–22.', 'korybko-morozov-2020'],
    ['the other work of the same author, by its year', 'Korybko 2019, 44.', 'korybko2019'],
    ['a bare DOI', 'doi:10.17976/JPPS/2020.03.02', 'korybko-morozov-2020'],
    ['a bare URL', 'http://www.example.org/iqbal-2019/', 'iqbal2019'],
    ['a key inside the note', 'See [@abbasi-2025], 7.', 'abbasi-2025'],
    ['author-date with accents folded', 'Abbási 2025, p. 7.', 'abbasi-2025'],
    ['the source\'s id written out, as the note\'s whole text', 'korybko-morozov-2020.', 'korybko-morozov-2020'],
    ['the source\'s id in brackets after a reference the library cannot match', 'RT, “Russia to invest in Pakistan Steel Mills,” 9 December 2019 (iqbal2019).', 'iqbal2019'],
    ['a web page by its title', '“Work on the Pakistan Stream gas pipeline begins,” Dawn, 3 May 2024.', 'dawn-pipeline'],
  ])('%s', (_, note, id) => {
    expect(noteSource(note, library)).toBe(id);
  });

  it.each([
    ['a note naming an author the library lacks', 'Rashid, “Trade Routes,” 4.'],
    ['a surname alone, which both of his works fit', 'Korybko, 19.'],
    ['an author in another year with no title', 'Abbasi 2021, 3.'],
    ['a news report', 'RT, 9 December 2019.'],
    ['two ids written out in one work', 'korybko2019 and iqbal2019.'],
    ['a plain word that is also an id', 'On steel prices, see the ministry\'s note of 2023.'],
  ])('none for %s', (_, note) => {
    expect(noteSource(note, library)).toBeUndefined();
  });

  it('reads “Ibid.” as the note before it, in the order the text refers to them, and keys as their sources', () => {
    const draft = parseDraft(
      lines(
        'First.[^a] Second.[^b] Third [@iqbal2019]. Fourth [@nobody].',
        '',
        '[^b]: Ibid., 20.',
        '[^a]: Abbasi, “The Chinese Link,” 7.',
      ),
    );
    expect(Object.fromEntries(citedSources(draft, library))).toEqual({ a: ['abbasi-2025'], b: ['abbasi-2025'], '@iqbal2019': ['iqbal2019'] });
  });

  it('names each work of a note that cites several, and none when one of them is not in the library', () => {
    const draft = parseDraft(
      lines('First.[^1] Second.[^2]', '', '[^1]: See Abbasi 2025, 7; Korybko and Morozov, “Pakistan’s Role,” 19.', '[^2]: Abbasi 2025, 7; RT, 9 December 2019.'),
    );
    expect(Object.fromEntries(citedSources(draft, library))).toEqual({ '1': ['abbasi-2025', 'korybko-morozov-2020'] });
  });
});
