// The names a draft sentence attributes its claim to, which may be a source's authors.
import { describe, expect, it } from 'vitest';
import { attributedNames } from '../../server/src/core/claims/attribution';
import { createVocabulary } from '../../server/src/core/claims/terms';

const vocabulary = createVocabulary();
const names = (text: string): string[] => [...attributedNames(text, { start: 0, end: text.length }, vocabulary)];

describe('attributedNames', () => {
  it('reads "according to", a verb of saying after the names, and a possessive before a piece of writing', () => {
    expect(names("According to Abbasi, Russia's delegation was the second largest.")).toEqual(['abbasi']);
    expect(names('Korybko and Morozov note that trade stood at $700 million.')).toEqual(['korybko', 'morozov']);
    expect(names("Paikin's article appeared in April 2019.")).toEqual(['paikin']);
  });

  it('takes no place or subject for a person', () => {
    expect(names('In Pakistan, trade grew by a fifth.')).toEqual([]);
    expect(names('Pakistan and India were invited to join in 2015.')).toEqual([]);
  });
});
