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

/** One score per passage, and the passages scored, reused between searches of the same corpus (reset after each). */
const scratch = new WeakMap<Corpus, { scores: Float64Array; touched: Int32Array }>();

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
  let space = scratch.get(corpus);
  if (!space || space.scores.length < corpus.passages.length) scratch.set(corpus, (space = { scores: new Float64Array(corpus.passages.length), touched: new Int32Array(corpus.passages.length) }));
  const { scores, touched } = space;
  let count = 0;
  let remaining = 0;
  for (const { weight } of within) remaining += weight;
  for (const { term, weight } of within) {
    const list = corpus.passagesWithTerm(term);
    // Once the passages found so far hold `limit` scores above all that the terms still to
    // look up could add, no other passage can join them: the rest of the terms only add to
    // these, found by search in their (longer) lists rather than by reading the lists whole.
    if (count >= limit && list.length > 4 * count && limitScore(scores, touched, count, limit) > remaining) {
      for (let i = 0; i < count; i++) if (listsPassage(list, touched[i]!)) scores[touched[i]!] += weight;
    } else {
      for (let i = 0; i < list.length; i++) {
        const passage = list[i]!;
        if (scores[passage] === 0) touched[count++] = passage;
        scores[passage] += weight;
      }
    }
    remaining -= weight;
  }
  // The best `limit`, highest score first, then earliest passage; every score is reset on the way.
  const best: RankedPassage[] = [];
  for (let i = 0; i < count; i++) {
    const passage = touched[i]!;
    const score = scores[passage]!;
    scores[passage] = 0;
    const last = best[limit - 1];
    if (last && (score < last.score || (score === last.score && passage > last.passage))) continue;
    let at = best.length;
    while (at > 0 && (score > best[at - 1]!.score || (score === best[at - 1]!.score && passage < best[at - 1]!.passage))) at--;
    best.splice(at, 0, { passage, score });
    if (best.length > limit) best.pop();
  }
  return best;
}

/** The `limit`-th highest score among the first `count` touched passages. */
function limitScore(scores: Float64Array, touched: Int32Array, count: number, limit: number): number {
  // The highest `limit` so far, lowest first.
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    const score = scores[touched[i]!]!;
    if (top.length === limit && score <= top[0]!) continue;
    let at = 0;
    while (at < top.length && top[at]! < score) at++;
    top.splice(at, 0, score);
    if (top.length > limit) top.shift();
  }
  return top.length === limit ? top[0]! : 0;
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
