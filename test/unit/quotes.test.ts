import { describe, expect, it } from 'vitest';
import { extractQuotes, normaliseQuoteText } from '../../server/src/core/claims/quotes';

describe('extractQuotes', () => {
  it('finds curly and straight quotations with exact offsets', () => {
    const text = 'Putin said the project “rimes with Russia’s idea” and "it is open to others".';
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => [q.start, q.end, q.text])).toEqual([
      [23, 49, 'rimes with Russia’s idea'],
      [54, 76, 'it is open to others'],
    ]);
    expect(text.slice(quotes[0]!.innerStart, quotes[0]!.innerEnd)).toBe('rimes with Russia’s idea');
  });

  it('names the speaker before the quotation', () => {
    const [quote] = extractQuotes('Bordachev wrote in 2018 that the SCO is the “foundation of Greater Eurasia”.');
    expect(quote!.speaker).toBe('Bordachev');
  });

  it('ignores single-word scare quotes and apostrophes', () => {
    expect(extractQuotes('the so-called “orders” of Russia’s partners')).toEqual([]);
  });

  it('does not take an inch mark for a quotation', () => {
    expect(extractQuotes('a 12" record and a 7" single')).toEqual([]);
  });
});

describe('normaliseQuoteText', () => {
  it('folds quote marks, apostrophes, dashes and spacing', () => {
    expect(normaliseQuoteText('Russia’s  “open”\nproject – now')).toBe(`Russia's "open" project - now`);
  });
});
