// The Markdown of a footnote citing a source, when the source's metadata is hostile: its
// text shows as written and makes no HTML, link or formatting; only checked links are links.
import { describe, expect, it } from 'vitest';
import { footnoteText } from '../../server/src/core/findings/citation';
import { citationStyles, formatReference } from '../../server/src/core/findings/references';
import { httpUrl, sourceLink, validDoi, withCheckedLinks } from '../../server/src/core/findings/sourceLinks';
import type { SourceMeta } from '../../server/src/core/types';
import { lines } from './helpers';
import { markdownTree } from './markdownTree';

describe('footnoteText', () => {
  const title = '<script>alert(1)</script> Port <img src=x onerror=alert(1)> [x](command:workbench.action.files.delete) Report';
  const hostile: SourceMeta = {
    id: 'hostile',
    title,
    authors: [{ family: '*Evil*_[x', given: '[y](javascript:alert(1))' }],
    container: '<b>Review</b> [c](command:pwn)',
    year: 2022,
    volume: '1 <i>',
    doi: '10.1/x) [pwn](command:workbench.action.files.delete)',
    url: 'command:workbench.action.files.delete',
  };

  for (const style of citationStyles) {
    it(`in ${style} style, shows a hostile source’s title as written and makes nothing of it`, () => {
      const tree = markdownTree(lines('Text.[^1]', '', `[^1]: ${footnoteText(hostile, { locator: 'p. 3 <b>' }, { label: '4', text: '', title: '<script>x</script>', url: 'javascript:alert(1)' }, formatReference(hostile, style))}`));
      expect(tree.html).toEqual([]);
      expect(tree.links).toEqual([]);
      expect(tree.shown('1')).toContain(title);
      expect(tree.shown('1')).toContain('Citing: <script>x</script>.');
    });
  }

  it('keeps a valid link working, in angle brackets when it has characters Markdown reads', () => {
    const meta: SourceMeta = { id: 'a', title: 'Ships_and *cargo*', authors: [{ family: "O'Neil [Jr]" }], year: 2021, url: 'https://example.org/report_(2021)' };
    const text = footnoteText(meta, { locator: 'p. 2' });
    expect(text).toBe("O'Neil \\[Jr\\]. 2021. “Ships\\_and \\*cargo\\*.” <https://example.org/report_(2021)>, p. 2.");
    expect(markdownTree(`[^1]: ${text}`).links).toEqual(['https://example.org/report_(2021)']);
    expect(footnoteText({ ...meta, url: undefined, doi: '10.5555/gw_2021' }, { locator: '' })).toBe("O'Neil \\[Jr\\]. 2021. “Ships\\_and \\*cargo\\*.” <https://doi.org/10.5555/gw_2021>.");
    expect(footnoteText({ ...meta, url: 'https://example.org/report', title: '# Ports' }, { locator: '' }, undefined, '# Ports. https://example.org/report.')).toBe('\\# Ports. https://example.org/report.');
  });
});

describe('source links', () => {
  it('accepts only real DOIs and http(s) URLs', () => {
    expect(validDoi('10.17976/jpps/2020.03.02')).toBe('10.17976/jpps/2020.03.02');
    expect(validDoi('https://doi.org/10.17976/jpps/2020.03.02')).toBe('10.17976/jpps/2020.03.02');
    expect(validDoi('10.1/x) [pwn](command:x)')).toBeUndefined();
    expect(validDoi('10.1234/a b')).toBeUndefined();
    expect(validDoi('10.1234/a)[pwn](command:x)')).toBeUndefined();
    expect(httpUrl('https://example.org/report_(2021)')).toBe('https://example.org/report_(2021)');
    expect(httpUrl('command:workbench.action.files.delete')).toBeUndefined();
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('https://example.org/a b')).toBeUndefined();
    expect(httpUrl('https://example.org/<script>')).toBeUndefined();
    // The loader makes a doi.org URL from any DOI: a broken DOI does not become a link that way.
    expect(httpUrl('https://doi.org/10.1/x)[pwn](command:x)')).toBeUndefined();
    expect(sourceLink({ doi: '10.1/x) [pwn](command:x)', url: 'https://doi.org/10.1/x) [pwn](command:x)' })).toBeUndefined();
    expect(sourceLink({ doi: 'nonsense', url: 'https://example.org/r' })).toBe('https://example.org/r');
  });

  it('drops from a source’s metadata the links that fail the checks, for the loader', () => {
    const meta: SourceMeta = { id: 'a', title: 'T', authors: [], doi: '10.1/x) [pwn](command:x)', url: 'command:x' };
    expect(withCheckedLinks(meta)).toEqual({ id: 'a', title: 'T', authors: [] });
    expect(withCheckedLinks({ ...meta, doi: 'doi:10.5555/gw_2021', url: 'https://example.org/r' })).toEqual({ id: 'a', title: 'T', authors: [], doi: '10.5555/gw_2021', url: 'https://example.org/r' });
  });
});
