// What the VS Code client shows and decides without VS Code: the status bar text, the
// citation picker's items, the Sources view's footnote labels, the report's file name, the
// workspace check's summary and its exclude glob.
import { describe, expect, it } from 'vitest';
import { excludeGlob, expandBraces, isReport } from '../../client/src/excludes';
import { checkedMessage, footnoteLabel, sourcesInUse, sourcesOfferQuestion, reportFileName, reportPageName, shorten, citationPick, statusText, statusTooltip, workspaceSummary } from '../../client/src/labels';
import type { CitationSource, SourceInfo } from '../../server/src/protocol';
import { sourceFileExtensions, sourceFilePattern } from '../../client/src/sourceFiles';
import { sourceExtensions } from '../../server/src/corpus/readers';

describe('the status bar', () => {
  const status = { uri: 'file:///d.md', version: 3, counts: { claims: 12, supported: 9, contradicted: 1, misquoted: 1, unsourced: 1 }, disagree: 2, accepted: 0 };

  it('counts the claims, with a warning icon when some disagree with a source', () => {
    expect(statusText(status)).toBe('$(warning) Attest: 12 claims, 2 disagree, 1 without a source');
    expect(statusText({ ...status, counts: { ...status.counts, unsourced: 0 } })).toBe('$(warning) Attest: 12 claims, 2 disagree');
  });

  it('shows a check only when nothing disagrees and every claim has a source, and information when some lack one', () => {
    const none = { claims: 0, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 };
    expect(statusText({ ...status, counts: { ...none, claims: 1, supported: 1 }, disagree: 0 })).toBe('$(check) Attest: 1 claim');
    expect(statusText({ ...status, counts: { ...none, claims: 3, supported: 2, unsourced: 1 }, disagree: 0 })).toBe('$(info) Attest: 3 claims, 1 without a source');
    expect(statusText({ ...status, counts: none, disagree: 0 })).toBe('$(check) Attest: 0 claims');
  });

  it('says a source file is a source, with its title and passages', () => {
    const source = { ...status, counts: { claims: 0, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 }, disagree: 0, source: { title: 'Gwadar Port Annual Report', passages: 1 } };
    expect(statusText(source)).toBe('$(book) Attest: Source: Gwadar Port Annual Report (1 passage)');
    expect(statusTooltip(source)).toBe('Gwadar Port Annual Report\n\nThis file is one of your sources (attest.sources): drafts are checked against it; it is not checked as a draft.');
  });

  it('says in the tooltip which sources are in use, and where attest.sources comes from', () => {
    const source = (id: string, bundled: boolean): SourceInfo => ({ id, label: id, title: id, authors: [], reference: '', bundled, passages: 1, footnotes: [], problems: [] });
    const bundled = [source('abbasi-2025', true), source('korybko-morozov-2020', true)];
    expect(sourcesInUse({ sources: bundled, problems: [] })).toBe('Checked against 2 bundled papers. To add yours, set attest.sources or run "Attest: Use the sources in this workspace…".');
    expect(sourcesInUse({ sources: [...bundled, source('gwadar', false)], problems: [], sourcesSetting: { origin: '/ws/.attestrc.json' } })).toBe('Checked against 2 bundled papers and 1 of your sources (attest.sources in .attestrc.json).');
    expect(sourcesInUse({ sources: [source('gwadar', false)], problems: [], sourcesSetting: { origin: 'VS Code settings', overrides: '/ws/.attestrc.json' } })).toBe('Checked against 1 of your sources (attest.sources in VS Code settings).');
    expect(sourcesInUse({ sources: [], problems: [] })).toBe('No sources in use: set attest.sources, or turn attest.bundledCorpus on.');
  });

  it('says what Check document found', () => {
    expect(checkedMessage('brief.md', status)).toBe('Checked brief.md: 2 disagree, 9 supported, 1 without a source.');
    expect(checkedMessage('empty.md', { ...status, counts: { claims: 0, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 }, disagree: 0 })).toBe('Checked empty.md: no figures, dates or quotations to check.');
    expect(checkedMessage('gwadar.md', { ...status, source: { title: 'Gwadar Port Annual Report', passages: 2 } })).toBe('gwadar.md is one of your sources (Gwadar Port Annual Report, 2 passages): drafts are checked against it; it is not checked as a draft.');
    expect(checkedMessage('huge.md', { ...status, skipped: 'It is 3.0 MB, over the attest.maxFileSize setting (2.0 MB).' })).toBe('Attest did not check huge.md: It is 3.0 MB, over the attest.maxFileSize setting (2.0 MB).');
  });

  it('counts the claims marked as checked apart from those that disagree', () => {
    const accepted = { ...status, disagree: 1, accepted: 2 };
    expect(statusText(accepted)).toBe('$(warning) Attest: 12 claims, 1 disagree, 1 without a source, 2 accepted');
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
  const korybko: CitationSource = { id: 'korybko-morozov-2020', label: 'Korybko & Morozov 2020', title: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', authors: 'Korybko, Andrew; Morozov, Vladimir M.', fits: true, passage: { locator: 'pp. 20–21', excerpt: '… trade with Tajikistan …' } };

  it('shows the short label, the title, and the passage that fits the sentence', () => {
    expect(citationPick(korybko, false)).toEqual({ label: 'Korybko & Morozov 2020', description: 'Pakistan’s Role in Russia’s Greater Eurasian Partnership', detail: 'Fits this sentence at pp. 20–21: … trade with Tajikistan …', id: 'korybko-morozov-2020', alwaysShow: false });
  });

  it('shows the passage found by a search, always (VS Code cannot search the text itself)', () => {
    expect(citationPick(korybko, true)).toMatchObject({ detail: 'Found at pp. 20–21: … trade with Tajikistan …', alwaysShow: true });
  });

  it('shows the authors and key of a source without a passage to show', () => {
    const { passage: _, ...bare } = korybko;
    expect(citationPick({ ...bare, fits: false }, false).detail).toBe('Korybko, Andrew; Morozov, Vladimir M. · korybko-morozov-2020');
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
    expect(reportPageName('brief.md')).toBe('brief.attest-report.html');
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
    const totals = { files: 5, checked: 4, open: 1, skipped: 1, sources: 2, claims: 20, disagree: 3, problems: 7, withProblems: 2, cancelled: false };
    expect(workspaceSummary(totals)).toBe('Attest checked 4 drafts (1 open in an editor): 20 claims, 3 disagree with a source; 7 problems in 2 files; 1 file not checked (too large or not UTF-8 text); 2 source files left out (they are what drafts are checked against).');
    expect(workspaceSummary({ ...totals, checked: 1, open: 0, skipped: 0, sources: 0 })).toBe('Attest checked 1 draft: 20 claims, 3 disagree with a source; 7 problems in 2 files.');
    expect(workspaceSummary({ ...totals, checked: 1, skipped: 0, cancelled: true })).toMatch(/^Attest: check cancelled after 1 of 5 drafts: /);
  });
});

describe('the offer of the sources found in the workspace', () => {
  it('names the files in sources/ and the reference files at the top', () => {
    expect(sourcesOfferQuestion(12, [])).toBe("Use the 12 files in sources/ as Attest's sources?");
    expect(sourcesOfferQuestion(1, ['references.bib'])).toBe("Use the 1 file in sources/ and references.bib as Attest's sources?");
    expect(sourcesOfferQuestion(0, ['references.bib', 'zotero.json'])).toBe("Use references.bib and zotero.json as Attest's sources?");
  });
});

describe('the files the client watches', () => {
  it('are every kind the source readers read, and the reference libraries', () => {
    expect([...sourceFileExtensions].sort()).toEqual([...sourceExtensions, 'bib', 'json'].sort());
    expect(sourceFilePattern).toBe('**/*.{md,markdown,txt,pdf,html,htm,xhtml,docx,bib,json}');
  });
});
