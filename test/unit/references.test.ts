// References in the CSL styles: Attest builds each style's engine for bibliographies only
// (the cheap part of the style), and what it writes must be what the whole style writes.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { bibliographyOnly, formatReference, toCsl, type CitationStyle } from '../../server/src/core/findings/references';
import { loadBundledSources } from '../../server/src/corpus/loader';
import type { SourceMeta } from '../../server/src/core/types';

const distDir = path.resolve(__dirname, '..', '..', 'dist');
const require = createRequire(import.meta.url);
const { Cite, plugins } = require('@citation-js/core') as {
  Cite: new (data: object[]) => { format(kind: 'bibliography', options: object): string };
  plugins: { config: { get(name: '@csl'): { styles: { get(name: string): string } } } };
};
require('@citation-js/plugin-csl');

const metas: SourceMeta[] = [
  ...loadBundledSources(distDir).map((s) => s.meta),
  { id: 'book', type: 'book', title: 'The Belt and Road', authors: [{ family: 'Chen', given: 'Li' }], container: 'Routledge', year: 2019 },
  { id: 'chapter', type: 'chapter', title: 'Energy Corridors', authors: [{ family: 'Khan', given: 'Ayesha' }, { family: 'Ivanov', given: 'Pyotr' }], container: 'Eurasian Energy', pages: '45-67', year: 2021 },
  { id: 'web', type: 'webpage', title: 'Russia Looks to Invest in Pakistan in a Big Way', authors: [{ family: 'Smith', given: 'Anna' }], container: 'RT', year: 2019, url: 'https://www.rt.com/business/475368-russia-pakistan-investments-energy/' },
  { id: 'anonymous', title: 'Trade Figures 2020', authors: [], container: 'Bulletin', issue: '4' },
  { id: 'many', title: 'A Paper with Many Authors', authors: Array.from({ length: 25 }, (_, i) => ({ family: `Author${i + 1}`, given: 'A.' })), container: 'Journal', volume: '12', issue: '3', pages: '1-9', year: 2022, doi: '10.1000/xyz123' },
];

/** The reference as citation-js writes it with the whole, unaltered style. */
function wholeStyle(meta: SourceMeta, style: string): string {
  return new Cite([toCsl(meta)]).format('bibliography', { format: 'text', template: style, lang: 'en-US' }).trim();
}

describe('formatReference in a CSL style', () => {
  const styles: CitationStyle[] = ['apa', 'vancouver', 'harvard1'];
  it.each(styles)('writes in %s exactly what the whole style writes', (style) => {
    expect(bibliographyOnly(plugins.config.get('@csl').styles.get(style))).toMatch(/<citation\b[^>]*><layout><text variable="title"\/><\/layout><\/citation>/);
    expect(metas.map((m) => formatReference(m, style))).toEqual(metas.map((m) => wholeStyle(m, style)));
  });

  it('writes APA 7th edition for the bundled paper', () => {
    expect(formatReference(metas.find((m) => m.id === 'korybko-morozov-2020')!, 'apa')).toBe(
      'Korybko, A., & Morozov, V. M. (2020). Pakistan’s Role in Russia’s Greater Eurasian Partnership. Polis. Political Studies, (3), 9–22. https://doi.org/10.17976/jpps/2020.03.02',
    );
  });
});
