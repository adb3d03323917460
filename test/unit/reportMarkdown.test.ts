// The Markdown fact-check report ("Attest: Fact-check report"): counts at the top, then each
// claim with its verdict, the source sentence, the reference and the locator.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import type { ReportClaim } from '../../server/src/report';
import { countVerdicts, draftFactCheck, factCheckMarkdown, locatorOf } from '../../server/src/reportMarkdown';
import { defaultSettings } from '../../server/src/settings';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

const corpus = bundledCorpus();
const checker = createChecker({ corpus });

const at = (line: number, from: number, to: number): ReportClaim['range'] => ({ start: { line, character: from }, end: { line, character: to } });

describe('factCheckMarkdown', () => {
  it('puts the counts by verdict at the top', () => {
    const claims: ReportClaim[] = [
      { range: at(2, 0, 5), kind: 'figure', text: '$80 billion', verdict: 'contradicted', evidence: [] },
      { range: at(3, 0, 5), kind: 'date', text: '2015', verdict: 'supported', evidence: [] },
      { range: at(4, 0, 5), kind: 'figure', text: '7,000 tonnes', verdict: 'unsourced', evidence: [] },
    ];
    const markdown = factCheckMarkdown({ name: 'brief.md', claims });
    expect(markdown.split('\n').slice(0, 7)).toEqual([
      '<!-- attest-disable -->',
      '',
      '# Fact-check report: brief.md',
      '',
      '| Claims | Supported | Contradicted | Misquoted | Unsourced |',
      '| ---: | ---: | ---: | ---: | ---: |',
      '| 3 | 1 | 1 | 0 | 1 |',
    ]);
  });

  it('gives each claim its verdict, the source sentence, the reference and the locator', () => {
    const markdown = factCheckMarkdown({
      name: 'brief.md',
      sources: ['Korybko & Morozov 2020'],
      claims: [
        {
          range: at(2, 54, 65),
          kind: 'figure',
          text: '$80 billion',
          verdict: 'contradicted',
          sentence: "CPEC's total investment is expected to reach $80 billion.",
          evidence: [{ source: 'korybko-morozov-2020', locator: 'pp. 9–10', footnote: 4, quote: 'out of an expected eventual total investment of $60 billion', reference: 'Korybko, Andrew. 2020. “Role.” Polis.' }],
        },
      ],
    });
    expect(markdown).toBe(
      lines(
        '<!-- attest-disable -->',
        '',
        '# Fact-check report: brief.md',
        '',
        'Checked by Attest against one source: Korybko & Morozov 2020.',
        '',
        '| Claims | Supported | Contradicted | Misquoted | Unsourced |',
        '| ---: | ---: | ---: | ---: | ---: |',
        '| 1 | 0 | 1 | 0 | 0 |',
        '',
        '## Claims',
        '',
        '### 1. “$80 billion” (line 3): Contradicted',
        '',
        '- **Verdict:** Contradicted: a source gives a different value for the same thing.',
        '- **Kind:** figure',
        "- **Draft:** CPEC's total investment is expected to reach $80 billion.",
        '',
        '> out of an expected eventual total investment of $60 billion',
        '',
        '- **Reference:** Korybko, Andrew. 2020. “Role.” Polis.',
        '- **Locator:** pp. 9–10, fn. 4',
        '',
      ),
    );
  });

  it('says when a claim has no source sentence, and numbers several pieces of evidence', () => {
    const evidence = { source: 's', locator: '', footnote: null, quote: 'A.', reference: 'R.' };
    const markdown = factCheckMarkdown({
      name: 'd.md',
      claims: [
        { range: at(0, 0, 1), kind: 'figure', text: '5', verdict: 'unsourced', evidence: [] },
        { range: at(1, 0, 1), kind: 'figure', text: '6', verdict: 'supported', evidence: [evidence, { ...evidence, quote: 'B.' }] },
      ],
    });
    expect(markdown).toContain('### 1. “5” (line 1): Unsourced\n\n- **Verdict:** Unsourced: no source states it.\n- **Kind:** figure\n\nNo source sentence to show.\n');
    expect(markdown).toContain('Evidence 1:\n\n> A.\n\n- **Reference:** R.\n\nEvidence 2:\n\n> B.');
    expect(markdown).not.toContain('Locator');
  });

  it('cannot be turned into links, HTML or formatting by the text it quotes', () => {
    const markdown = factCheckMarkdown({
      name: 'a_b.md',
      claims: [{ range: at(0, 0, 1), kind: 'quote', text: '“*bold* <b>x</b> [link](http://x)”', verdict: 'misquoted', evidence: [{ source: 's', locator: 'p. 1', footnote: 'n', quote: 'A `code` | pipe\nand a new line', reference: 'R.' }] }],
    });
    expect(markdown).toContain('# Fact-check report: a\\_b.md');
    expect(markdown).toContain('### 1. “\\*bold\\* \\<b\\>x\\</b\\> \\[link\\](http://x)” (line 1): Misquoted');
    expect(markdown).toContain('> A \\`code\\` \\| pipe and a new line');
  });

  it('says why a draft was not checked', () => {
    const markdown = factCheckMarkdown({ name: 'big.md', claims: [], skipped: 'It is 3.0 MB.' });
    expect(markdown).toContain('**Not checked:** It is 3.0 MB.');
    expect(markdown).toContain('| 0 | 0 | 0 | 0 | 0 |');
    expect(factCheckMarkdown({ name: 'empty.md', claims: [] })).toContain('The draft has no figures, dates or quotations to check.');
  });
});

describe('the report of a draft checked against the bundled corpus', () => {
  const text = lines(
    '# Corridor finance',
    '',
    "CPEC's eventual total investment is expected to reach $80 billion.",
    '',
    'President Putin said the Chinese-led project “rimes with Russia’s plan to establish a Greater Eurasian Partnership”.',
    '',
    "Pakistan's exports of mangoes reached 7,000 tonnes in 2031.",
  );
  const analysis = checker.analyse(text);
  const markdown = draftFactCheck('brief.md', text, analysis, corpus, defaultSettings);

  it('counts the verdicts', () => {
    expect(countVerdicts(analysis.verdicts)).toEqual({ claims: 4, supported: 0, contradicted: 1, misquoted: 1, unsourced: 2 });
    expect(markdown).toContain('| 4 | 0 | 1 | 1 | 2 |');
    expect(markdown).toContain('Checked by Attest against 2 sources: Abbasi 2025; Korybko & Morozov 2020.');
  });

  it('quotes the source and its reference for the wrong figure and the misquotation', () => {
    expect(markdown).toContain('### 1. “$80 billion” (line 3): Contradicted');
    expect(markdown).toMatch(/> Seeing as how .* out of an expected eventual total investment of \$60 billion .*form the GEP\.\n/);
    expect(markdown).toContain('- **Reference:** Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02.');
    expect(markdown).toContain('- **Locator:** pp. 9–10, fn. 4');
    expect(markdown).toContain('(line 5): Misquoted');
    expect(markdown).toContain('- **Locator:** pp. 9–10, fn. 2');
    expect(markdown).toContain('### 3. “7,000 tonnes” (line 7): Unsourced');
  });

  it('is not itself checked as a draft', () => {
    const own = checker.analyse(markdown);
    expect(own.findings.map((f) => f.code)).toEqual([]);
  });
});

describe('locatorOf', () => {
  it('joins the page and the source’s footnote', () => {
    expect(locatorOf({ locator: 'p. 10', footnote: 4 })).toBe('p. 10, fn. 4');
    expect(locatorOf({ locator: 'Introduction', footnote: null })).toBe('Introduction');
    expect(locatorOf({ locator: '', footnote: 'a' })).toBe('fn. a');
  });
});
