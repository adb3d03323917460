// The fact-check report ("Attest: Fact-check report"), as Markdown and as an HTML page: the
// counts at the top, then the problems with the source's value, then the unsourced claims,
// then the supported ones.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { escapeHtml, factCheckHtml } from '../../server/src/reportHtml';
import { factCheckMarkdown, isFactCheckReport } from '../../server/src/reportMarkdown';
import { countVerdicts, factCheck, locatorOf, type FactCheck, type ReportEntry } from '../../server/src/reportModel';
import { defaultSettings } from '../../server/src/settings';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

const corpus = bundledCorpus();
const checker = createChecker({ corpus });

const text = lines(
  '# Corridor finance', // 1
  '',
  "CPEC's eventual total investment is expected to reach $60 billion.", // 3
  '',
  "CPEC's eventual total investment is expected to reach $80 billion.", // 5
  '',
  'President Putin said the Chinese-led project “rimes with Russia’s plan to establish a Greater Eurasian Partnership”.', // 7
  '',
  "Pakistan's exports of mangoes reached 7,000 tonnes in 2031.[^9]", // 9
  '',
  'See [the ministry](#).', // 11
);
const analysis = checker.analyse(text);
const report = factCheck('brief.md', text, analysis, corpus, defaultSettings);
const markdown = factCheckMarkdown(report);

/** The report's entry titles, in order. */
const titles = (md: string): string[] => md.split('\n').filter((l) => /^##+ /.test(l));

describe('the fact-check report', () => {
  it('counts claims by verdict and the footnote and link problems at the top', () => {
    expect(countVerdicts(analysis.verdicts)).toEqual({ claims: 5, supported: 1, contradicted: 1, misquoted: 1, unsourced: 2 });
    expect(markdown.split('\n').slice(0, 12)).toEqual([
      '<!-- attest-report -->',
      '<!-- attest-disable -->',
      '',
      '# Fact-check report: brief.md',
      '',
      'Checked by Attest against 2 sources: Abbasi 2025; Korybko & Morozov 2020.',
      '',
      '**4 problems to fix: 1 contradicted, 1 misquoted, 1 footnote or citation problem, 1 link problem.**',
      '',
      '| Claims | Supported | Contradicted | Misquoted | Unsourced | Footnote and citation problems | Link problems |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| 5 | 1 | 1 | 1 | 2 | 1 | 1 |',
    ]);
  });

  it('lists the problems first, then the unsourced claims, then the supported ones', () => {
    expect(titles(markdown)).toEqual([
      '## Problems (4)',
      '### 1. “$80 billion” (line 5): Contradicted',
      '### 2. “rimes with Russia’s plan to establish a Greater Eurasian Partnership” (line 7): Misquoted',
      '### 3. \\[^9\\] (line 9): Footnote problem',
      '### 4. \\[the ministry\\](#) (line 11): Link problem',
      '## Unsourced (2)',
      '### 5. “7,000 tonnes” (line 9): Unsourced',
      '### 6. “2031” (line 9): Unsourced',
      '## Supported (1)',
      '### 7. “$60 billion” (line 3): Supported',
    ]);
  });

  it('gives a contradicted claim the draft’s words, the source’s value and sentence, and the reference', () => {
    const entry = markdown.slice(markdown.indexOf('### 1.'), markdown.indexOf('### 2.'));
    expect(entry.split('\n').filter((l) => !l.startsWith('> '))).toEqual([
      '### 1. “$80 billion” (line 5): Contradicted',
      '',
      '- **Verdict:** Contradicted: a source gives a different value for the same thing.',
      "- **Draft:** CPEC's eventual total investment is expected to reach $80 billion.",
      '- **Source says:** $60 billion',
      '',
      '',
      '- **Reference:** Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02.',
      '- **Locator:** pp. 9–10, fn. 4',
      '',
      '',
    ]);
    expect(entry).toMatch(/\n> Seeing as how .* out of an expected eventual total investment of \$60 billion .*form the GEP\.\n/);
    expect(markdown).toContain('- **Source says:** rimes with Russia’s idea to establish a Greater Eurasian Partnership');
  });

  it('says what is wrong with a footnote or a link', () => {
    expect(markdown).toContain('### 3. \\[^9\\] (line 9): Footnote problem\n\n- **Problem:** ');
    expect(markdown).toContain('### 4. \\[the ministry\\](#) (line 11): Link problem\n\n- **Problem:** Link "the ministry" has no target: replace "#" with the source\'s URL or DOI.\n- **Draft:** See \\[the ministry\\](#).\n');
  });

  it('names a citation-key problem as one, counted with the footnote problems', () => {
    const cited = lines('Trade grew.[^1] See [@nobody2020].', '', '[^1]: A note.', '', '[^1]: Again.');
    const md = factCheckMarkdown(factCheck('d.md', cited, checker.analyse(cited), corpus, defaultSettings));
    expect(titles(md)).toEqual(['## Problems (2)', '### 1. @nobody2020 (line 1): Citation problem', '### 2. \\[^1\\] (line 5): Footnote problem']);
    expect(md).toContain('**2 problems to fix: 2 footnote or citation problems.**');
    expect(md).toContain('- **Problem:** No source has the citation key "@nobody2020".');
  });

  it('is marked as a report, and its own text is not checked as a draft by other checkers', () => {
    expect(isFactCheckReport(markdown)).toBe(true);
    expect(isFactCheckReport(text)).toBe(false);
    expect(checker.analyse(markdown).findings.map((f) => f.code)).toEqual([]);
  });

  it('says why a draft was not checked, and when there is nothing to check', () => {
    const empty = factCheck('big.md', '', checker.analyse(''), corpus, defaultSettings, 'It is 3.0 MB.');
    const big = factCheckMarkdown(empty);
    expect(big).toContain('**Not checked:** It is 3.0 MB.');
    expect(big).toContain('| 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(factCheckMarkdown({ ...empty, skipped: undefined } as FactCheck)).toContain('**No problems found.**\n\n');
    expect(factCheckMarkdown({ ...empty, skipped: undefined } as FactCheck)).toContain('The draft has no figures, dates or quotations to check.');
  });
});

/** A report with one claim whose draft and source texts are hostile. */
function hostile(words: string, quote: string, reference = 'R.'): FactCheck {
  const entry: ReportEntry = { words, kind: 'quote', line: 1, label: 'Misquoted', explanation: 'Misquoted: x.', draft: words, evidence: [{ value: quote, quote, reference, locator: 'p. 1' }] };
  return { name: 'a_b<i>.md', sources: ['<script>S</script>'], counts: { claims: 1, supported: 0, contradicted: 0, misquoted: 1, unsourced: 0, footnoteProblems: 0, linkProblems: 0 }, problems: [entry], unsourced: [], supported: [] };
}

describe('the Markdown report', () => {
  it('cannot be turned into links, HTML or formatting by the text it quotes', () => {
    const md = factCheckMarkdown(hostile('“*bold* <b>x</b> [link](http://x)”', 'A `code` | pipe\nand a new line'));
    expect(md).toContain('# Fact-check report: a\\_b\\<i\\>.md');
    expect(md).toContain('### 1. “\\*bold\\* \\<b\\>x\\</b\\> \\[link\\](http://x)” (line 1): Misquoted');
    expect(md).toContain('> A \\`code\\` \\| pipe and a new line');
  });
});

describe('the HTML report', () => {
  const html = factCheckHtml(report);

  it('is one page with its styles inline and nothing to load or run', () => {
    expect(html.startsWith('<!doctype html>\n<!-- attest-report -->\n<html lang="en">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('<style>\n');
    expect(html).not.toMatch(/<script|<link |src=|href=/i);
  });

  it('has the Markdown report’s sections and entries, in the same order', () => {
    const headings = [...html.matchAll(/<h([123])>(.*?)<\/h\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' '));
    expect(headings).toEqual([
      'Fact-check report: brief.md',
      'Problems (4)',
      '1. “$80 billion” (line 5) Contradicted',
      '2. “rimes with Russia’s plan to establish a Greater Eurasian Partnership” (line 7) Misquoted',
      '3. [^9] (line 9) Footnote problem',
      '4. [the ministry](#) (line 11) Link problem',
      'Unsourced (2)',
      '5. “7,000 tonnes” (line 9) Unsourced',
      '6. “2031” (line 9) Unsourced',
      'Supported (1)',
      '7. “$60 billion” (line 3) Supported',
    ]);
    expect(html).toContain('<p class="summary">4 problems to fix: 1 contradicted, 1 misquoted, 1 footnote or citation problem, 1 link problem.</p>');
    expect(html).toContain('<dt>Source says</dt><dd>$60 billion</dd>');
  });

  it('escapes every text from the draft and the sources', () => {
    const page = factCheckHtml(hostile('“</h3><img src=x onerror=alert(1)>”', '</blockquote><script>alert("s")</script> & \'q\'', '<a href="javascript:x">R</a>'));
    expect(page).not.toMatch(/<script|<img|<a |onerror=alert\(1\)>/i);
    expect(page).toContain('<blockquote>&lt;/blockquote&gt;&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; &amp; &#39;q&#39;</blockquote>');
    expect(page).toContain('<dd>&lt;a href=&quot;javascript:x&quot;&gt;R&lt;/a&gt;</dd>');
    expect(page).toContain('<title>Fact-check report: a_b&lt;i&gt;.md</title>');
    expect(page).toContain('against one source: &lt;script&gt;S&lt;/script&gt;.');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('locatorOf', () => {
  it('joins the page and the source’s footnote', () => {
    expect(locatorOf({ locator: 'p. 10', footnote: 4 })).toBe('p. 10, fn. 4');
    expect(locatorOf({ locator: 'Introduction', footnote: null })).toBe('Introduction');
    expect(locatorOf({ locator: '', footnote: 'a' })).toBe('fn. a');
  });
});
