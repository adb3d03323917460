// How a finding names its source: by authors and year, an unsigned report by its outlet, and
// where in the source, without repeating the title as a section or a footnote as a note.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../server/src/core/checker';
import { buildCorpus } from '../../server/src/corpus/index';
import { parseSource } from '../../server/src/corpus/parseSource';
import { bundledCorpus } from './corpus';
import { lines } from './helpers';

const messages = (corpus: ReturnType<typeof buildCorpus>, text: string): string[] => createChecker({ corpus }).analyse(text).findings.map((f) => f.message);

describe('a finding names its source', () => {
  it('for an unsigned report, by its outlet and year, and no section when its only heading is its title', () => {
    const report = parseSource({
      location: 'wire.md',
      bundled: false,
      text: lines('---', 'id: wire', 'title: Pakistan and China scale back the railway upgrade', 'container: Silk Road Wire', 'year: 2024', '---', '', '# Pakistan and China scale back the railway upgrade', '', 'The upgraded Karachi–Peshawar line is to carry 35 million tonnes of freight a year.'),
    });
    expect(messages(buildCorpus([report]), 'The upgraded Karachi–Peshawar line is to carry 53 million tonnes of freight a year [@wire].')).toEqual([
      'Draft says 53 million tonnes; Silk Road Wire 2024 says 35 million tonnes.',
    ]);
  });

  it('with the place it puts a figure at, when that is all that differs', () => {
    expect(messages(bundledCorpus(), 'A Russian company developed a project to build a 600 MW coal-fired power plant at Muzaffargarh.')).toEqual([
      'Draft and Korybko & Morozov 2020 (p. 19, fn. 21) both give 600 MW, but the source puts it at Jamshoro, not Muzaffargarh.',
    ]);
  });

  it('with a promise given as done', () => {
    expect(messages(bundledCorpus(), "Russia has already invested $14 billion in Pakistan's energy sector.")).toEqual([
      'Draft and Korybko & Morozov 2020 (p. 19, fn. 21) both give $14 billion, but one as done and the other only as promised or aimed at.',
    ]);
  });

  it('by the footnote that states the claim, once', () => {
    expect(messages(bundledCorpus(), 'According to Sputnik, the completed CPEC projects were worth $15 billion in January 2020.')).toEqual([
      'Draft says $15 billion; Korybko & Morozov 2020 (fn. 4) says $11 Billion.',
    ]);
  });
});
