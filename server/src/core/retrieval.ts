// Finds the passages a piece of draft speaks about: each shared term adds its rarity (idf),
// looked up in the corpus's term index. Only the draft's rarest terms are looked up, so the
// cost stays small however common its other words are in a large corpus.
import type { Corpus } from './corpus';

/** How many of the draft's terms are looked up, rarest first… */
const lookedUp = 8;
/** …while the passages they name stay under this many (the two rarest are always looked up). */
const postingsBudget = 40000;

export interface RankedPassage {
  passage: number;
  score: number;
}

/** One score per passage, reused between searches of the same corpus (reset after each). */
const scratch = new WeakMap<Corpus, Float64Array>();

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
  let scores = scratch.get(corpus);
  if (!scores || scores.length < corpus.passages.length) scratch.set(corpus, (scores = new Float64Array(corpus.passages.length)));
  const touched: number[] = [];
  for (const { term, weight } of within) {
    for (const passage of corpus.passagesWithTerm(term)) {
      if (scores[passage] === 0) touched.push(passage);
      scores[passage] += weight;
    }
  }
  // The best `limit`, kept in order as they come: highest score first, then earliest passage.
  const best: RankedPassage[] = [];
  const before = (a: RankedPassage, b: RankedPassage): boolean => a.score > b.score || (a.score === b.score && a.passage < b.passage);
  for (const passage of touched) {
    const entry = { passage, score: scores[passage]! };
    scores[passage] = 0;
    if (best.length === limit && !before(entry, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1]!)) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
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
