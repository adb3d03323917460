import { describe, expect, it } from 'vitest';
import { antecedentOf, splitSentences } from '../../server/src/core/claims/sentences';
import { texts } from './helpers';

const split = (text: string): string[] => texts(text, splitSentences(text));

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(split('Trade grew. Did it? Yes!')).toEqual(['Trade grew.', 'Did it?', 'Yes!']);
  });

  it('keeps a dateline with the sentence it opens', () => {
    expect(split("ISLAMABAD, September 18 [2024]. /TASS/. Russia supports Pakistan's bid. It is friendly.")).toEqual(["ISLAMABAD, September 18 [2024]. /TASS/. Russia supports Pakistan's bid.", 'It is friendly.']);
    expect(split('KAROT, June 29. The plant opened.')).toEqual(['KAROT, June 29. The plant opened.']);
  });

  it('does not split on abbreviations, initials or decimals', () => {
    expect(split('The U.S. and Dr. Khan met on p. 12 of the report. Trade was $3.5 million.')).toEqual([
      'The U.S. and Dr. Khan met on p. 12 of the report.',
      'Trade was $3.5 million.',
    ]);
    expect(split('President V. Putin spoke. Vladimir M. Morozov wrote.')).toEqual(['President V. Putin spoke.', 'Vladimir M. Morozov wrote.']);
  });

  it('ends a sentence on a unit written after its number ("$4.8bn.", "760 km.")', () => {
    expect(split('The line was costed at $4.8bn. Once open it could haul 20 million tonnes.')).toEqual(['The line was costed at $4.8bn.', 'Once open it could haul 20 million tonnes.']);
    expect(split('The route runs 760 km. It crosses the Salang.')).toEqual(['The route runs 760 km.', 'It crosses the Salang.']);
    expect(split('A subsidy of Rs. 3 billion was set. It holds.')).toEqual(['A subsidy of Rs. 3 billion was set.', 'It holds.']);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(split('He said “it stood at $700 million.” Then he left.')).toEqual(['He said “it stood at $700 million.”', 'Then he left.']);
  });

  it('keeps a quotation of several sentences in one sentence when asked (a draft), and splits it otherwise (a source)', () => {
    const text = 'He defends the swaps: "Barter is not a step backwards. It is how two economies trade." Then he left.';
    expect(texts(text, splitSentences(text, 0, text.length, true))).toEqual(['He defends the swaps: "Barter is not a step backwards. It is how two economies trade."', 'Then he left.']);
    expect(split(text)).toEqual(['He defends the swaps: "Barter is not a step backwards.', 'It is how two economies trade."', 'Then he left.']);
    // A quotation that never closes in its paragraph does not swallow the sentences after it.
    const open = 'He said “trade grew. Then it fell.\n\nA new paragraph.';
    expect(texts(open, splitSentences(open, 0, open.length, true))).toEqual(['He said “trade grew.', 'Then it fell.', 'A new paragraph.']);
  });

  it('does not split before a lower-case word', () => {
    expect(split('Trade was worth approx. five million. Later it grew.')).toEqual(['Trade was worth approx. five million.', 'Later it grew.']);
  });

  it('returns offsets into the original text, within the given range', () => {
    const text = 'xx One. Two. yy';
    expect(splitSentences(text, 3, 12)).toEqual([
      { start: 3, end: 7 },
      { start: 8, end: 12 },
    ]);
  });

  it('treats a blank line as a boundary', () => {
    expect(split('A heading\n\nA paragraph.')).toEqual(['A heading', 'A paragraph.']);
  });

  it('takes the sentence before as the subject of one that opens with a pronoun, not of a dummy "it" or "this year"', () => {
    const antecedent = (text: string): string | undefined => {
      const spans = splitSentences(text);
      const found = antecedentOf(spans, spans.length - 1, text);
      return found && text.slice(found.start, found.end);
    };
    expect(antecedent('The first phase is due in 2028. It will carry 6.2 bcm a year.')).toBe('The first phase is due in 2028.');
    expect(antecedent('The cost was $46 billion. However, it is $87 billion now.')).toBe('The cost was $46 billion.');
    expect(antecedent('Trade grew. It should be pointed out that the website claims $46 billion.')).toBeUndefined();
    expect(antecedent('Trade grew. This year it reached $1 billion.')).toBeUndefined();
    expect(antecedent('Trade grew.\n\nIt reached $1 billion.')).toBeUndefined();
    // After a short clause of time or condition.
    expect(antecedent('They signed a deal for a railway. Once open it could haul 20 million tonnes a year.')).toBe('They signed a deal for a railway.');
    expect(antecedent('The plant opened in 2017. In 2024, it produced 9 terawatt-hours.')).toBe('The plant opened in 2017.');
    expect(antecedent('The plant opened in 2017. Once again the grid failed.')).toBeUndefined();
    expect(antecedent('A framework moved the line onto a longer route. That version carried a price tag of $6.9 billion.')).toBe('A framework moved the line onto a longer route.');
    expect(antecedent('Trade grew. That said, it reached only $1 billion.')).toBeUndefined();
    expect(antecedent('Trade grew. That year it reached $1 billion.')).toBeUndefined();
  });
});
