// Spelling variants: a long word one letter away from another ("Kashgar", "Kashghar") is taken
// for the same word. A corpus looks a term's variants up among all its terms at once, so that
// each passage need only check which of those few it has, instead of comparing the term with
// every word of the passage.

/** Terms this long may match a spelling variant one letter away. */
export const spellingVariantLength = 6;

/** The terms of `terms` within one letter of `term` (long terms only). */
export function variantsIn(terms: Iterable<string>, term: string): string[] {
  const out: string[] = [];
  if (term.length < spellingVariantLength) return out;
  for (const candidate of terms) if (isVariant(candidate, term)) out.push(candidate);
  return out;
}

/** A different term one letter away: one letter added, dropped or changed. */
function isVariant(candidate: string, term: string): boolean {
  return candidate !== term && Math.abs(candidate.length - term.length) <= 1 && withinOneEdit(candidate, term);
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}

/**
 * variantsIn over a fixed list of terms, answered from buckets made on first use. Cut a term
 * of length L into three parts: one added, dropped or changed letter falls in one part and
 * leaves the other two intact, so a variant begins with the first two parts, or ends with the
 * last two, or begins with the first and ends with the last. Each term is put in the buckets
 * of those keys for the three lengths a term it is a variant of can have, and a lookup reads
 * three buckets. Buckets are found by a hash of the key, so a bucket may hold other terms
 * too; each one found is checked.
 */
export function spellingLookup(terms: readonly string[]): (term: string) => string[] {
  let table: SpellingTable | undefined;
  return (term) => {
    if (term.length < spellingVariantLength) return [];
    const { starts, ids, mask } = (table ??= spellingTable(terms));
    return variantsFrom(term, mask, (key) => ids.subarray(starts[key]!, starts[key + 1]!), (id) => terms[id]!);
  };
}

/** The buckets of spellingLookup over `terms`: bucket k holds ids[starts[k]] to ids[starts[k + 1] - 1]; a key is a hash masked by `mask`. */
export interface SpellingTable {
  starts: Int32Array;
  ids: Int32Array;
  mask: number;
}

/** Builds spellingLookup's buckets, so that a corpus index can store them instead of building them when first asked. */
export function spellingTable(terms: readonly string[]): SpellingTable {
  let size = 1;
  while (size < 2 * terms.length) size *= 2;
  const mask = size - 1;
  // Each term's buckets (three keys for each of up to three lengths), then counted out.
  const keys = new Int32Array(perTerm * terms.length).fill(-1);
  const counts = new Int32Array(size + 1);
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id]!;
    let at = perTerm * id;
    for (let length = term.length - 1; length <= term.length + 1; length++) {
      if (length < spellingVariantLength) continue;
      for (const key of bucketsOf(term, length, mask)) if (!seen(keys, perTerm * id, at, key)) keys[at++] = key;
    }
  }
  for (const key of keys) if (key >= 0) counts[key + 1]!++;
  for (let i = 1; i <= size; i++) counts[i]! += counts[i - 1]!;
  const starts = counts.slice();
  const ids = new Int32Array(counts[size]!);
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) ids[counts[keys[i]!]!++] = Math.floor(i / perTerm);
  return { starts, ids, mask };
}

/** The variants of `term` found in the buckets of a spelling table: `bucket(k)` gives bucket k's term ids, `termAt(id)` a term. */
export function variantsFrom(term: string, mask: number, bucket: (key: number) => ArrayLike<number>, termAt: (id: number) => string): string[] {
  const out: string[] = [];
  if (term.length < spellingVariantLength) return out;
  const keys = bucketsOf(term, term.length, mask);
  keys.forEach((key, k) => {
    // A bucket another of the term's keys has too is read once.
    if (keys.indexOf(key) < k) return;
    const ids = bucket(key);
    for (let i = 0; i < ids.length; i++) {
      const candidate = termAt(ids[i]!);
      if (isVariant(candidate, term) && !out.includes(candidate)) out.push(candidate);
    }
  });
  return out;
}

function seen(keys: Int32Array, from: number, to: number, key: number): boolean {
  for (let i = from; i < to; i++) if (keys[i] === key) return true;
  return false;
}

/** Keys per term: three for each of three lengths. */
const perTerm = 9;

/**
 * The buckets of a term's keys for a lookup of a term of `length` letters (cut into three
 * parts a, b, c): its first a + b letters, its last b + c, and its first a with its last c.
 */
function bucketsOf(term: string, length: number, mask: number): [number, number, number] {
  const a = Math.floor(length / 3);
  const c = Math.floor((length - a) / 2);
  const b = length - a - c;
  const end = term.length;
  return [hashOf(term, 0, a + b, end, end, 1, mask), hashOf(term, 0, 0, end - (b + c), end, 2, mask), hashOf(term, 0, a, end - c, end, 3, mask)];
}

/** A hash of text.slice(s1, e1) + text.slice(s2, e2) and which kind of key it is, as a bucket number. */
function hashOf(text: string, s1: number, e1: number, s2: number, e2: number, kind: number, mask: number): number {
  let hash = (2166136261 ^ kind ^ ((e1 - s1) << 4) ^ ((e2 - s2) << 12)) >>> 0;
  for (let i = s1; i < e1; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  for (let i = s2; i < e2; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) & mask;
}
