// A sentence's claims are checked against the source it cites first.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

function source(id: string, family: string, year: number, title: string, body: string) {
  const text = lines('---', `id: ${id}`, `title: ${title}`, 'authors:', `  - family: ${family}`, `year: ${year}`, '---', '', '<!-- page 4 -->', '', body, '');
  return parseSource({ location: `${id}.md`, text, bundled: false });
}

const corpus = buildCorpus([
  source('khan2021', 'Khan', 2021, 'The Pakistan Stream Gas Pipeline', 'The Pakistan Stream gas pipeline will run 1,100 km from Karachi to Lahore, Khan writes.'),
  source('iqbal2019', 'Iqbal', 2019, 'Pipelines of Pakistan', 'The Pakistan Stream gas pipeline will run 1,300 km from Karachi to Lahore.'),
  source('ahmed2018', 'Ahmed', 2018, 'Wheat and Grain Trade', 'Pakistan imported wheat from Russia for the first time in a decade.'),
  source('sharma2020', 'Sharma', 2020, 'Ports of the Arabian Sea', 'Gwadar port handled 1.2 million tonnes of cargo.'),
]);

function findings(text: string): string[] {
  const analysis = createChecker({ corpus }).analyse(text);
  return analysis.findings.map((f) => `${text.slice(f.start, f.end)} ${f.code}: ${f.message}`);
}

const sentence = 'The Pakistan Stream gas pipeline will run 1,100 km from Karachi to Lahore.';

describe('the cited source', () => {
  it('is where a contradiction comes from, even when another source agrees', () => {
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Iqbal, “Pipelines of Pakistan,” 4.'))).toEqual([
      '1,100 km figure.mismatch: Draft says 1,100 km; Iqbal 2019 (p. 4) says 1,300 km.',
    ]);
    expect(findings(`${sentence} [@iqbal2019]`)).toEqual([
      '1,100 km figure.mismatch: Draft says 1,100 km; Iqbal 2019 (p. 4) says 1,300 km.',
    ]);
  });

  it('not stating the claim, while another source does, is citation.unsupported', () => {
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Ahmed 2018, 4.'))).toEqual(['1,100 km citation.unsupported: The cited source (Ahmed 2018) does not state 1,100 km; Khan 2021, p. 4 does.']);
    expect(findings(`${sentence} [@ahmed2018; @iqbal2019]`)).toEqual([
      '1,100 km figure.mismatch: Draft says 1,100 km; Iqbal 2019 (p. 4) says 1,300 km.',
    ]);
  });

  it('not stating it, when a note cites several and none states it, is citation.unsupported naming them all', () => {
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Ahmed 2018, 4; Sharma 2020, 4.'))).toEqual([
      '1,100 km citation.unsupported: None of the cited sources (Ahmed 2018; Sharma 2020) states 1,100 km; Khan 2021, p. 4 does.',
    ]);
  });

  it('is any of the works a note cites', () => {
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Khan 2021, 4; Ahmed, “Wheat and Grain Trade,” 2018, 4.'))).toEqual([]);
  });

  it('stating it is all that is asked, and a note naming no source leaves every source to speak', () => {
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Khan, “Pakistan Stream,” 4.'))).toEqual([]);
    expect(findings(lines(`${sentence}[^1]`, '', '[^1]: Dawn, 3 May 2024.'))).toEqual([]);
  });

  it('not stating a quotation another source has is citation.unsupported too', () => {
    expect(findings(lines('Pakistan “imported wheat from Russia for the first time in a decade”.[^1]', '', '[^1]: Khan 2021, 4.'))).toEqual([
      '“imported wheat from Russia for the first time in a decade” citation.unsupported: The cited source (Khan 2021) does not contain this quotation; Ahmed 2018, p. 4 does.',
    ]);
  });
});

describe('a figure the cited source gives another value', () => {
  const wire = parseSource({
    location: 'wire.md',
    bundled: false,
    text: lines('---', 'id: wire', 'title: Rail upgrade', '---', '', 'Pakistan and China have cut the estimated cost of upgrading the Main Line-1 railway. The 1,726-km line runs from Karachi to Peshawar. Its freight capacity is to rise from 8 million to 35 million tonnes a year.'),
  });
  const checker = createChecker({ corpus: buildCorpus([...bundledCorpus().sources.values(), wire]) });
  const codes = (text: string): string[] => checker.analyse(text).findings.map((f) => `${text.slice(f.start, f.end)} ${f.code}`);
  const sentence = 'After the upgrade the line is to carry 53 million tonnes of freight a year';

  it('is a contradiction on fewer shared words than any source needs: the writer says it states the fact', () => {
    expect(codes(`${sentence} [@wire].`)).toEqual(['53 million tonnes figure.mismatch']);
    // Uncited, the same words are too few for a contradiction.
    expect(codes(`${sentence}.`)).toEqual(['53 million tonnes claim.unsourced']);
  });
});
