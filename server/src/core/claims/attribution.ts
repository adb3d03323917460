// The people a draft sentence attributes its claim to: "According to Abbasi, …", "Korybko and
// Morozov note that …", "Paikin's article …". Their names may be a source's authors rather
// than words the source's sentence should hold.
import { termsOf, type Vocabulary } from './terms';
import type { Span } from '../types';

const name = String.raw`\p{Lu}[\p{L}'’-]+`;
const names = String.raw`(${name}(?:\s+(?:and|&)\s+${name})?)`;
const attributions = [
  new RegExp(String.raw`\b(?:[Aa]ccording\s+to|[Aa]s\s+(?:noted|argued|shown)\s+by)\s+${names}`, 'gu'),
  new RegExp(String.raw`${names}\s+(?:(?:also|then)\s+)?(?:writes?|wrote|notes?|noted|argues?|argued|says?|said|observes?|observed|states?|stated|claims?|claimed|reports?|reported|finds?|found|points?\s+out|pointed\s+out|describes?|described)\b`, 'gu'),
  new RegExp(String.raw`${names}['’]s?\s+(?:paper|article|study|report|essay|book|analysis)\b`, 'gu'),
];

/** A word every attribution needs: a sentence without one is not scanned further. */
const attributionWord = /ccording|noted|argued|shown|write|wrote|note|argue|say|said|observe|state|claim|report|find|found|point|describe|paper|article|study|essay|book|analysis/;

/** The terms of the names a sentence attributes its claim to. */
export function attributedNames(text: string, sentence: Span, vocabulary: Vocabulary): Set<string> {
  const found = new Set<string>();
  const slice = text.slice(sentence.start, sentence.end);
  if (!attributionWord.test(slice)) return found;
  for (const pattern of attributions) for (const m of slice.matchAll(pattern)) for (const t of termsOf(m[1]!, vocabulary)) found.add(t.term);
  return found;
}
