// A corpus finds a term's spelling variants among all its terms from buckets (spellingLookup).
// If a variant were missed, a passage that writes "Kashgar" would not be found for a draft
// that writes "Kashghar", and the passage screen would skip evidence without a word.
import { describe, expect, it } from 'vitest';
import { spellingLookup, variantsIn } from '../../server/src/core/retrieval/spelling';
import { termsOf } from '../../server/src/core/claims/terms';
import { bundledCorpus } from './corpus';

const corpus = bundledCorpus();
const dictionary = [...new Set(corpus.passages.flatMap((_, i) => corpus.terms(i).map((t) => t.term)))];

/** Every one-letter change of a word at a few places: dropped, added, replaced. */
function misspellings(word: string): string[] {
  const out: string[] = [];
  for (const at of [0, 1, word.length >> 1, word.length - 2, word.length - 1]) {
    out.push(word.slice(0, at) + word.slice(at + 1), word.slice(0, at) + 'x' + word.slice(at), word.slice(0, at) + 'q' + word.slice(at + 1));
  }
  return out;
}

describe('spellingLookup', () => {
  const lookup = spellingLookup(dictionary);

  it('finds exactly the terms one letter away that comparing with every term finds', () => {
    const all = new Set(dictionary);
    const queries = dictionary.flatMap((word) => [word, ...misspellings(word)]);
    let withVariants = 0;
    for (const query of queries) {
      const found = lookup(query);
      expect(found.sort(), query).toEqual(variantsIn(all, query).sort());
      if (found.length) withVariants++;
    }
    expect(queries.length).toBeGreaterThan(20000);
    expect(withVariants).toBeGreaterThan(2000);
  });

  it('is what the corpus gives for a name spelt another way', () => {
    const [kashgar] = termsOf('Kashgar', corpus.vocabulary);
    expect(corpus.variants(kashgar!.term)).toContain('kashghar');
    expect(corpus.variants('kashghar')).toEqual(lookup('kashghar'));
    // Short words have no variants: "trade" is not "grade".
    expect(corpus.variants('trade')).toEqual([]);
  });
});
