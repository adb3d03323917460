// What "Insert citation…" needs besides the edit: the sources ranked by how well they fit the
// sentence at the cursor, found by their title, authors, year, key or text; and whether the
// chosen source, on its own, gives another figure than the sentence does.
import { createChecker } from './core/checker';
import { splitSentences } from './core/claims/sentences';
import { termsOf } from './core/claims/terms';
import { shortLabel } from './core/findings/citation';
import type { Corpus } from './core/retrieval/corpus';
import { foldForComparison } from './core/retrieval/passageView';
import { bestSourcesFor } from './core/retrieval/relevance';
import type { Draft } from './core/draft/draft';
import type { Passage, Source, Span, Verdict } from './core/types';
import type { CitationSource } from './protocol';

/** How many sources that fit the sentence are ranked by it; the rest follow by label. */
const rankedSources = 50;
/** Characters of a passage shown on each side of the words it was found by. */
const excerptContext = 60;

/** The sentence the cursor is in, or ends (a citation goes after its full stop): a claim's sentence when there is one. */
export function sentenceAt(draft: Draft, at: number, verdicts: readonly Verdict[] = []): Span | undefined {
  const claim = verdicts.find((v) => at >= v.claim.sentence.start && at <= v.claim.sentence.end);
  if (claim) return claim.claim.sentence;
  const { text } = draft;
  const block = draft.blocks.find((b) => at >= b.start && at <= b.end);
  if (!block) return undefined;
  const sentences = splitSentences(text, block.start, block.end);
  return sentences.find((s) => at >= s.start && at <= s.end) ?? sentences.filter((s) => s.end <= at).at(-1);
}

/**
 * The sources to offer: without a query, every source, those with a passage that fits the
 * sentence first (best first), then by label; with one, only the sources whose title, authors,
 * year, key or container has every word of it, then those whose text has them, each group in
 * the same order.
 */
export function citationSources(corpus: Corpus, sentence: string, query = ''): CitationSource[] {
  const fitting = sentence.trim() ? bestSourcesFor(sentence, corpus, rankedSources) : [];
  const fitOf = new Map(fitting.map((f, i) => [f.source.meta.id, { rank: i, passage: f.passage }]));
  const sources = [...corpus.sources.values()].sort((a, b) => {
    const ra = fitOf.get(a.meta.id)?.rank ?? Infinity;
    const rb = fitOf.get(b.meta.id)?.rank ?? Infinity;
    return ra - rb || shortLabel(a.meta).localeCompare(shortLabel(b.meta)) || a.meta.id.localeCompare(b.meta.id);
  });
  const words = foldForComparison(query).split(/[\s,;:.]+/).filter(Boolean);
  // The fitting passage is shown around the rarest of the sentence's words it has.
  const sentenceWords = [...new Map(termsOf(sentence, corpus.vocabulary).map((t) => [t.term, { word: foldForComparison(sentence.slice(t.start, t.end)), weight: corpus.idf(t.term) }])).values()]
    .filter((w) => w.word.length > 2)
    .sort((a, b) => b.weight - a.weight)
    .map((w) => w.word);
  const offer = (source: Source, passage: Passage | undefined, excerpt?: string): CitationSource => ({
    id: source.meta.id,
    label: shortLabel(source.meta),
    title: source.meta.title,
    authors: authorsOf(source),
    fits: fitOf.has(source.meta.id),
    ...(passage ? { passage: { locator: passage.locator, excerpt: excerpt ?? fittingExcerpt(passage, sentenceWords) } } : {}),
  });
  if (!words.length) return sources.map((s) => offer(s, fitOf.get(s.meta.id)?.passage));
  const byMeta: CitationSource[] = [];
  const byText: CitationSource[] = [];
  for (const source of sources) {
    const meta = foldForComparison([source.meta.title, authorsOf(source), source.meta.year ?? '', source.meta.id, source.meta.container ?? '', shortLabel(source.meta)].join(' '));
    if (words.every((w) => meta.includes(w))) {
      byMeta.push(offer(source, fitOf.get(source.meta.id)?.passage));
      continue;
    }
    const found = passageWithWords(source, words, fitOf.get(source.meta.id)?.passage);
    if (found) byText.push(offer(source, found.passage, found.excerpt));
  }
  return [...byMeta, ...byText];
}

/** "Korybko, Andrew; Morozov, Vladimir M." */
function authorsOf(source: Source): string {
  return source.meta.authors.map((a) => (a.given ? `${a.family}, ${a.given}` : a.family)).join('; ');
}

/** The source's passage that has every word (the one that fits the sentence, if it does), with the words around the first. */
function passageWithWords(source: Source, words: readonly string[], preferred: Passage | undefined): { passage: Passage; excerpt: string } | undefined {
  const candidates = preferred ? [preferred, ...source.passages] : source.passages;
  for (const passage of candidates) {
    const folded = foldedText(passage);
    if (!words.every((w) => folded.includes(w))) continue;
    const at = folded.indexOf(words[0]!);
    return { passage, excerpt: excerptOf(passage.text, at, at + words[0]!.length) };
  }
  return undefined;
}

const foldedTexts = new WeakMap<Passage, string>();

/** A passage's text folded for search, worked out once per passage. */
function foldedText(passage: Passage): string {
  let text = foldedTexts.get(passage);
  if (text === undefined) foldedTexts.set(passage, (text = foldForComparison(passage.text)));
  return text;
}

/** The passage's words around the first of `words` (rarest first) it has, or its opening. */
function fittingExcerpt(passage: Passage, words: readonly string[]): string {
  const text = foldedText(passage);
  for (const word of words) {
    const at = text.indexOf(word);
    if (at >= 0) return excerptOf(passage.text, at, at + word.length);
  }
  return excerptOf(passage.text, 0, 0);
}

/** The passage's words around start–end, cut at words: "… trade with Tajikistan is more than …". */
function excerptOf(text: string, start: number, end: number): string {
  const from = start <= excerptContext ? 0 : text.lastIndexOf(' ', start - excerptContext) + 1;
  const cut = text.indexOf(' ', end + excerptContext);
  const to = cut < 0 ? text.length : cut;
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

/**
 * What to warn the writer of before citing `sourceId` for the sentence: its claims judged
 * against that source alone, the first it contradicts or misquotes; undefined when it does
 * not disagree (it agrees, or does not speak to them).
 */
export function disagreementWith(corpus: Corpus, sourceId: string, text: string, sentence: Span): string | undefined {
  const source = corpus.sources.get(sourceId);
  if (!source) return undefined;
  const verdicts = createChecker({ corpus: oneSource(corpus, source) }).judgeText(text.slice(sentence.start, sentence.end));
  const label = shortLabel(source.meta);
  for (const v of verdicts) {
    const evidence = v.evidence.find((e) => e.sourceId === sourceId);
    if (!evidence?.sourceValue) continue;
    if (v.verdict === 'contradicted') return `${label} gives ${evidence.sourceValue} for this, not ${v.claim.text}.`;
    if (v.verdict === 'misquoted') return `${label} reads “${evidence.sourceValue}”, not “${v.claim.quote?.text ?? v.claim.text}”.`;
  }
  return undefined;
}

/** The corpus as if `source` were its only source: the same index, other sources' passages left out. */
function oneSource(corpus: Corpus, source: Source): Corpus {
  const id = source.meta.id;
  const own = (passages: readonly number[]): number[] => passages.filter((p) => corpus.passages[p]!.sourceId === id);
  return {
    sources: new Map([[id, source]]),
    passages: corpus.passages,
    vocabulary: corpus.vocabulary,
    sentences: (p) => corpus.sentences(p),
    figures: (p) => corpus.figures(p),
    terms: (p) => corpus.terms(p),
    passagesWithTerm: (term) => own(corpus.passagesWithTerm(term)),
    variants: (term) => corpus.variants(term),
    idf: (term) => corpus.idf(term),
    isName: (term) => corpus.isName(term),
  };
}
