// What the VS Code client shows and decides without VS Code: the status bar text, the
// citation picker's items, the Sources view's footnote labels, the report's file name, the
// workspace check's summary and its exclude glob.
import { describe, expect, it } from 'vitest';
import { excludeGlob, expandBraces, isReport } from '../../client/src/excludes';
import { footnoteLabel, reportFileName, shorten, sourcePicks, statusText, statusTooltip, workspaceSummary } from '../../client/src/labels';
import type { SourceInfo } from '../../server/src/protocol';

describe('the status bar', () => {
  const status = { uri: 'file:///d.md', version: 3, counts: { claims: 12, supported: 9, contradicted: 1, misquoted: 1, unsourced: 1 }, disagree: 2, accepted: 0 };

  it('counts the claims and those that disagree with a source', () => {
    expect(statusText(status)).toBe('$(check) Attest: 12 claims, 2 disagree');
    expect(statusText({ ...status, counts: { ...status.counts, claims: 1 }, disagree: 0 })).toBe('$(check) Attest: 1 claim, 0 disagree');
  });

  it('counts the claims marked as checked apart from those that disagree', () => {
    const accepted = { ...status, disagree: 1, accepted: 2 };
    expect(statusText(accepted)).toBe('$(check) Attest: 12 claims, 1 disagree, 2 accepted');
    expect(statusTooltip(accepted)).toBe('Attest: claims in this draft by verdict\n\nSupported: 9\nContradicted: 1\nMisquoted: 1\nUnsourced: 1\nMarked as checked by you: 2 (listed in the Accepted view)\n\nClick to open the Problems panel.');
  });

  it('gives the counts by verdict in the tooltip', () => {
    expect(statusTooltip(status)).toBe('Attest: claims in this draft by verdict\n\nSupported: 9\nContradicted: 1\nMisquoted: 1\nUnsourced: 1\n\nClick to open the Problems panel.');
  });

  it('says when the draft was not checked', () => {
    const skipped = { ...status, skipped: 'Too large.' };
    expect(statusText(skipped)).toBe('$(circle-slash) Attest: not checked');
    expect(statusTooltip(skipped)).toMatch(/^Too large\./);
  });
});

describe('the citation picker', () => {
  const source = (id: string, label: string, title: string, container?: string): SourceInfo => ({ id, label, title, authors: [], reference: '', bundled: true, passages: 1, footnotes: [], problems: [], ...(container ? { container } : {}) });

  it('shows the short label, the title, and the key with the container, sorted by label', () => {
    const picks = sourcePicks([
      source('korybko-morozov-2020', 'Korybko & Morozov 2020', 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', 'Polis. Political Studies'),
      source('abbasi-2025', 'Abbasi 2025', 'Pakistan – Russia Relations: The Chinese Link'),
    ]);
    expect(picks).toEqual([
      { label: 'Abbasi 2025', description: 'Pakistan – Russia Relations: The Chinese Link', detail: 'abbasi-2025', id: 'abbasi-2025' },
      { label: 'Korybko & Morozov 2020', description: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', detail: 'korybko-morozov-2020 · Polis. Political Studies', id: 'korybko-morozov-2020' },
    ]);
  });
});

describe('the Sources view', () => {
  it('labels a footnote with its number and a shortened title', () => {
    expect(footnoteLabel({ label: '4', title: 'CPEC: Pakistani Government Announces Completion of 13 Projects Worth $11 Billion' })).toBe('fn 4: CPEC: Pakistani Government Announces …');
    expect(footnoteLabel({ label: '31', title: 'cited but not defined', missing: true })).toBe('fn 31: cited but not defined');
  });

  it('shortens at a word, or mid-word when a word is too long', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four', 10)).toBe('one two …');
    expect(shorten('abcdefghijklmnop', 5)).toBe('abcde …');
  });
});

describe('the fact-check report', () => {
  it('is written next to the draft as <name>.attest-report.md', () => {
    expect(reportFileName('brief.md')).toBe('brief.attest-report.md');
    expect(reportFileName('notes.markdown')).toBe('notes.attest-report.md');
    expect(reportFileName('README')).toBe('README.attest-report.md');
    expect(isReport('/x/brief.attest-report.md')).toBe(true);
    expect(isReport('/x/brief.md')).toBe(false);
  });
});

describe('Check workspace', () => {
  it('excludes what files.exclude and search.exclude switch on, as one glob', () => {
    expect(excludeGlob({ '**/.git': true, '**/tmp': false }, { '**/node_modules': true, '**/*.code-search': true, '**/.git': true })).toBe('{**/.git,**/node_modules,**/*.code-search}');
    expect(excludeGlob({ '**/.git': true }, undefined)).toBe('**/.git');
    expect(excludeGlob({}, { '**/x': false })).toBeUndefined();
  });

  it('leaves out conditional excludes, and expands braces, which VS Code globs do not nest', () => {
    expect(excludeGlob({ '**/*.js': { when: '$(basename).ts' }, '**/{dist,out}/**': true })).toBe('{**/dist/**,**/out/**}');
    expect(expandBraces('a/{b,c{d,e}}/f{1,2}')).toEqual(['a/b/f1', 'a/b/f2', 'a/cd/f1', 'a/cd/f2', 'a/ce/f1', 'a/ce/f2']);
    expect(expandBraces('broken{a,b')).toEqual(['broken{a,b']);
  });

  it('sums up what it checked', () => {
    const totals = { files: 5, checked: 4, skipped: 1, claims: 20, disagree: 3, problems: 7, withProblems: 2, cancelled: false };
    expect(workspaceSummary(totals)).toBe('Attest checked 4 drafts: 20 claims, 3 disagree with a source; 7 problems in 2 files; 1 file not checked (too large or not UTF-8 text). Drafts open in an editor are checked as you work.');
    expect(workspaceSummary({ ...totals, checked: 1, skipped: 0, cancelled: true })).toMatch(/^Attest: check cancelled after 1 of 5 drafts: /);
  });
});
