// Footnotes in the writer's notes style: Chicago notes and bibliography (a full note first,
// a short note after), and a CSL style file with the page where the style puts it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../server/src/core/draft/draft';
import { citedBefore, noteText, shortTitle } from '../../server/src/core/findings/notes';
import { formatReference, registerCslStyle } from '../../server/src/core/findings/references';
import type { SourceMeta } from '../../server/src/core/types';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';
import { defaultSettings, validateSettings } from '../../server/src/settings';
import { markdownTree } from './markdownTree';

const korybko: SourceMeta = {
  id: 'korybko-morozov-2020',
  title: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership',
  authors: [{ family: 'Korybko', given: 'Andrew' }, { family: 'Morozov', given: 'Vladimir M.' }],
  container: 'Polis. Political Studies',
  year: 2020,
  issue: '3',
  pages: '9–22',
  doi: '10.17976/jpps/2020.03.02',
};
const abbasi: SourceMeta = { id: 'abbasi-2025', title: 'Pakistan – Russia Relations: The Chinese Link', authors: [{ family: 'Abbasi', given: 'Amna Raza' }], container: 'International Research Journal of Arts, Humanities and Social Sciences', year: 2025, volume: '3', issue: '1' };
const citing = { label: '21', text: '', title: 'Russia Looks to Invest in Pakistan in a Big Way', outlet: 'RT', date: '09.12.2019', url: 'https://www.rt.com/business/475368-russia-pakistan-investments-energy/' };

describe('Chicago notes and bibliography', () => {
  it('writes a full note the first time, with the page before the DOI', () => {
    expect(noteText(korybko, { locator: 'p. 19' }, undefined, { style: 'chicago-notes' })).toBe(
      'Andrew Korybko and Vladimir M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, no. 3 (2020): 19, https://doi.org/10.17976/jpps/2020.03.02.',
    );
    expect(noteText(abbasi, { locator: 'pp. 7–8' }, undefined, { style: 'chicago-notes' })).toBe(
      'Amna Raza Abbasi, “Pakistan – Russia Relations: The Chinese Link,” International Research Journal of Arts, Humanities and Social Sciences 3, no. 1 (2025): 7–8.',
    );
  });

  it('writes a short note after, with the source’s own footnote cited', () => {
    expect(noteText(korybko, { locator: 'p. 19' }, undefined, { style: 'chicago-notes', citedBefore: true })).toBe('Korybko and Morozov, “Pakistan’s Role,” 19.');
    expect(noteText(korybko, { locator: 'p. 19' }, citing, { style: 'chicago-notes', citedBefore: true })).toBe(
      'Korybko and Morozov, “Pakistan’s Role,” 19. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
    );
    expect(noteText(abbasi, { locator: 'Introduction' }, undefined, { style: 'chicago-notes', citedBefore: true })).toBe('Abbasi, “Pakistan – Russia Relations.”');
  });

  it.each([
    ['Pakistan’s Role in Russia’s Greater Eurasian Partnership', 'Pakistan’s Role'],
    ['Pakistan – Russia Relations: The Chinese Link', 'Pakistan – Russia Relations'],
    ['The Pakistan Stream Gas Pipeline', 'Pakistan Stream Gas Pipeline'],
    ['Wheat Trade between Pakistan and Russia', 'Wheat Trade'],
  ])('shortens “%s” to “%s”', (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });

  it('gives the bibliography entry in hovers and reports', () => {
    expect(formatReference(korybko, 'chicago-notes')).toBe(
      'Korybko, Andrew, and Vladimir M. Morozov. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3 (2020): 9–22. https://doi.org/10.17976/jpps/2020.03.02.',
    );
  });

  it('knows a source is cited before when an earlier footnote names it', () => {
    const text = lines('One.[^1] Two. Three.[^2]', '', '[^1]: Korybko and Morozov, “Pakistan’s Role,” 19.', '[^2]: RT, 9 December 2019.');
    const draft = parseDraft(text);
    const corpus = bundledCorpus();
    expect(citedBefore(draft, corpus, 'korybko-morozov-2020', text.indexOf('Two'))).toBe(true);
    expect(citedBefore(draft, corpus, 'korybko-morozov-2020', 0)).toBe(false);
    expect(citedBefore(draft, corpus, 'abbasi-2025', text.length)).toBe(false);
  });

  it('makes nothing of a hostile source’s metadata', () => {
    const hostile: SourceMeta = { id: 'h', title: '[x](command:pwn) <b>Port</b>', authors: [{ family: '*Evil*', given: '<i>' }], container: '_c_', year: 2022, url: 'javascript:alert(1)' };
    for (const citedBefore of [false, true]) {
      const tree = markdownTree(lines('Text.[^1]', '', `[^1]: ${noteText(hostile, { locator: 'p. 3' }, undefined, { style: 'chicago-notes', citedBefore })}`));
      expect(tree.html).toEqual([]);
      expect(tree.links).toEqual([]);
      expect(tree.shown('1')).toContain('[x](command:pwn) <b>Port</b>');
    }
  });
});

describe('a CSL style file', () => {
  const xml = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'styles', 'brief-notes.csl'), 'utf8');

  it('writes the style’s citation as the note, the page where the style puts it', () => {
    const registered = registerCslStyle('brief-notes.csl', xml);
    expect(registered).toEqual({ style: 'csl:brief-notes.csl' });
    const style = (registered as { style: 'csl:brief-notes.csl' }).style;
    expect(noteText(korybko, { locator: 'p. 19' }, undefined, { style })).toBe(
      'A. Korybko and V. M. Morozov, “Pakistan’s Role in Russia’s Greater Eurasian Partnership,” Polis. Political Studies, 2020, p. 19, doi:10.17976/jpps/2020.03.02.',
    );
    expect(formatReference(korybko, style)).toBe('Korybko, Andrew and Vladimir M. Morozov. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies. 2020.');
  });

  it('is refused, saying why, when it is not a CSL style', () => {
    expect(registerCslStyle('notes.csl', '<html><body>Not a style</body></html>')).toEqual({ problem: 'it is not a CSL style (no <style> element in the CSL namespace)' });
    expect(registerCslStyle('bib.csl', xml.replace(/<citation>[\s\S]*<\/citation>/, ''))).toEqual({ problem: 'the style has no <citation> layout, which is what a footnote is written with' });
  });
});

describe('the citationStyle setting naming a .csl file', () => {
  const fixtures = path.resolve(__dirname, '..', 'fixtures');

  it('loads the style from the workspace folder', () => {
    const { settings, problems } = validateSettings({ citationStyle: './styles/brief-notes.csl' }, defaultSettings, 'settings', fixtures);
    expect([settings.citationStyle, problems]).toEqual([`csl:${path.join(fixtures, 'styles', 'brief-notes.csl')}`, []]);
  });

  it('says plainly when the file is missing or not a CSL style, and keeps the default', () => {
    const missing = validateSettings({ citationStyle: 'styles/none.csl' }, defaultSettings, 'settings', fixtures);
    expect([missing.settings.citationStyle, missing.problems]).toEqual([
      'chicago-author-date',
      [`settings: "citationStyle" names styles/none.csl, but there is no file ${path.join(fixtures, 'styles', 'none.csl')}; using the default ("chicago-author-date").`],
    ]);
    const notStyle = validateSettings({ citationStyle: 'styles/not-a-style.csl' }, defaultSettings, 'settings', fixtures);
    expect([notStyle.settings.citationStyle, notStyle.problems]).toEqual([
      'chicago-author-date',
      ['settings: "citationStyle" names styles/not-a-style.csl, but it is not a CSL style (no <style> element in the CSL namespace); using the default ("chicago-author-date").'],
    ]);
  });
});
