// The two countries a draft's opening names: a report that begins "… Russian executives … talks
// with Pakistani ministers" and later says "two-way trade was about $700 million" speaks of
// their trade, though no sentence of that paragraph names them.
import type { Draft } from '../draft/draft';
import { termsOf, type Vocabulary } from './terms';

/** How many blocks at the top of a draft (its headline, stamp and lead) name its pair. */
const openingBlocks = 3;

/** The two countries the first blocks of the draft outside footnotes name, if they name exactly two. */
export function draftPair(draft: Draft, vocabulary: Vocabulary): readonly string[] | undefined {
  const named = new Set<string>();
  let seen = 0;
  for (const block of draft.blocks) {
    if (seen >= openingBlocks) break;
    if (block.inFootnote) continue;
    seen++;
    for (const term of termsOf(block.prose, vocabulary)) if (vocabulary.countries.has(term.term)) named.add(term.term);
  }
  return named.size === 2 ? [...named].sort() : undefined;
}
