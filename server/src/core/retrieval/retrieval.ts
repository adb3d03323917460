// Finds the passages a piece of draft speaks about: each shared term adds its rarity (idf),
// looked up in the corpus's term index. Only the draft's rarest terms are looked up, so the
// cost stays small however common its other words are in a large corpus.
import type { Corpus } from './corpus';
import type { Variants } from './subject';

/** How many of the draft's terms are looked up, rarest first… */
const lookedUp = 8;
/** …while the passages they name stay under this many (the two rarest are always looked up). */
const postingsBudget = 40000;

export interface RankedPassage {
  passage: number;
  score: number;
}

/**
 * Passages are scored a block at a time, every list adding to the block before the next: a
 * block's scores stay in the processor's cache, where scores for the whole corpus (millions
 * of bytes, read in no useful order) would not. Scratch space, reused and reset after each block.
 */
const block = 16384;
const scores = new Float64Array(block);
const touched = new Int32Array(block);

export function rankPassages(terms: Iterable<string>, corpus: Corpus, limit: number): RankedPassage[] {
  if (limit <= 0) return [];
  const rarest = [...new Set(terms)]
    .map((term) => ({ term, weight: corpus.idf(term), count: corpus.passagesWithTerm(term).length }))
    .filter((t) => t.count > 0)
    .sort((a, b) => a.count - b.count)
    .slice(0, lookedUp);
  // In a large corpus a common word names tens of thousands of passages and adds little: stop before it.
  let postings = 0;
  const within = rarest.filter((t, i) => (postings += t.count) <= postingsBudget || i < 2);
  const lists = within.map((t) => corpus.passagesWithTerm(t.term));
  const weights = within.map((t) => t.weight);
  const next = lists.map(() => 0);
  // The best `limit`, highest score first, then earliest passage.
  const best: RankedPassage[] = [];
  for (let base = 0; base < corpus.passages.length; base += block) {
    let count = 0;
    // Each list adds its weight to the passages it names in this block, in the same order for
    // every passage (so equal sets of terms give equal scores).
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      const weight = weights[k]!;
      let i = next[k]!;
      for (; i < list.length; i++) {
        const at = list[i]! - base;
        if (at >= block) break;
        if (scores[at] === 0) touched[count++] = at;
        scores[at] += weight;
      }
      next[k] = i;
    }
    for (let i = 0; i < count; i++) {
      const at = touched[i]!;
      const score = scores[at]!;
      scores[at] = 0;
      const passage = base + at;
      const last = best[limit - 1];
      if (last && (score < last.score || (score === last.score && passage > last.passage))) continue;
      let place = best.length;
      while (place > 0 && (score > best[place - 1]!.score || (score === best[place - 1]!.score && passage < best[place - 1]!.passage))) place--;
      best.splice(place, 0, { passage, score });
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/** Whether a posting list (passages in ascending order) names this passage. */
export function listsPassage(postings: readonly number[], passage: number): boolean {
  let low = 0;
  let high = postings.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = postings[mid]!;
    if (at === passage) return true;
    if (at < passage) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * Whether subjectCeiling can reach `needed` in a passage, from the term index alone without
 * reading the passage: the weight of the draft's terms (`terms`, weightiest first) that `lists`
 * says the passage has (in the index, or as the countries of its source's title), itself or as a
 * spelling variant. Stops once the answer is known.
 */
export function mayReach(terms: readonly [string, number][], variants: Variants, lists: (term: string) => boolean, needed: number): boolean {
  let found = 0;
  let open = 0;
  for (const [, w] of terms) open += w;
  for (const [term, w] of terms) {
    open -= w;
    if (lists(term) || variants(term).some(lists)) {
      found += w;
      if (found >= needed) return true;
    } else if (found + open < needed) return false;
  }
  return found >= needed;
}
