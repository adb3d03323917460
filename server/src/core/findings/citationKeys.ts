// Pandoc citation keys (`[@key]`) as the writer meets them: the keys offered after "@", with
// author, year and title, those whose text fits the sentence first; and the hover over a key,
// the entry's formatted reference. Everything from a library or source is escaped.
import type { Corpus } from '../retrieval/corpus';
import type { Citation, Draft } from '../draft/draft';
import { bestSourcesFor } from '../retrieval/relevance';
import type { Source } from '../types';
import { shortLabel } from './citation';
import { escapeMarkdown } from './markdownText';
import { formatReference, type CitationStyle } from './references';
import type { Suggestion } from './suggestions';

/**
 * Every citable key, ranked: sources whose passages fit the sentence, then titles sharing its
 * words, then by key. Without documentation: formatting thousands of references in a CSL
 * style takes seconds, so each item's reference is made when the editor shows it (citationReference).
 */
export function citationSuggestions(corpus: Corpus, sentence: string): Suggestion[] {
  const sources = [...corpus.sources.values()];
  const rank = new Map<string, number>();
  if (sentence.trim()) {
    bestSourcesFor(sentence, corpus, 5).forEach(({ source }, i) => rank.set(source.meta.id, i));
    const words = wordsOf(sentence);
    const byTitle = sources
      .filter((s) => !rank.has(s.meta.id))
      .map((s) => ({ id: s.meta.id, shared: [...wordsOf(s.meta.title)].filter((w) => words.has(w)).length }))
      .filter((s) => s.shared > 0)
      .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : 1));
    for (const { id } of byTitle) rank.set(id, rank.size);
  }
  return sources.map((source) => {
    const at = rank.get(source.meta.id);
    return {
      label: source.meta.id,
      detail: shortLabel(source.meta),
      insert: source.meta.id,
      sortText: at === undefined ? `1${source.meta.id}` : `0${String(at).padStart(4, '0')}`,
    };
  });
}

/** The citation key at `offset` (on its "@" or in it), if any. */
export function citationAt(draft: Draft, offset: number): Citation | undefined {
  return draft.citations.find((c) => offset >= c.start - 1 && offset <= c.end);
}

/** A key's formatted reference, as Markdown (escaped), saying when no text of the source is loaded; undefined for an unknown key. */
export function citationReference(key: string, corpus: Corpus, style: CitationStyle = 'chicago-author-date'): string | undefined {
  const source = corpus.sources.get(key);
  return source ? referenceMarkdown(source, style) : undefined;
}

function referenceMarkdown(source: Source, style: CitationStyle): string {
  const parts = [escapeMarkdown(formatReference(source.meta, style))];
  if (!source.passages.length) parts.push('_No text of this source is loaded (no readable attached file), so claims citing it cannot be checked._');
  return parts.join('\n\n');
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}
