// Placeholder links: `[text](#)` or `[text]()`, whose target was never filled in, and the
// sources or cited works the link text names, which could fill it.
import type { Draft, DraftLink } from '../draft/draft';
import { termsOf } from '../claims/terms';
import type { Corpus } from '../retrieval/corpus';
import { foldForComparison, passageView, wordsOf } from '../retrieval/passageView';
import { rankPassages } from '../retrieval/retrieval';
import { httpUrl } from './sourceLinks';
import type { Source, SourceFootnote } from '../types';

export function isPlaceholderLink(link: DraftLink): boolean {
  const url = link.url.trim();
  return url === '' || url === '#';
}

export function placeholderLinks(draft: Draft): DraftLink[] {
  return draft.links.filter(isPlaceholderLink);
}

export function placeholderMessage(linkText: string, url = '#'): string {
  const what = url.trim() === '' ? "add the source's URL or DOI" : `replace "${url.trim()}" with the source's URL or DOI`;
  // On one line: a link's text may wrap.
  return `Link "${linkText.replace(/\s+/g, ' ').trim()}" has no target: ${what}.`;
}

/** What a placeholder link may point at: a source, or a work a source's footnote cites (with its URL). */
export type LinkTarget = { kind: 'source'; source: Source } | { kind: 'footnote'; source: Source; footnote: SourceFootnote; url: string };

const minorWords = new Set('a an and at by for from in into of on or the to with'.split(' '));

/**
 * Targets whose title has every word of the link text ("Greater Eurasian Partnership" in
 * "Pakistan’s Role in Russia’s Greater Eurasian Partnership"), or a source whose text has the
 * link text as written. None for text no source or cited work is named by ("Valdai Club
 * programme"): a link to the sentence's best source would send the reader somewhere else.
 */
export function linkTargets(linkText: string, corpus: Corpus, limit = 2): LinkTarget[] {
  const words = wordsOf(foldForComparison(linkText)).filter((w) => !minorWords.has(w));
  if (!words.length) return [];
  const phrase = foldForComparison(linkText).replace(/\s+/g, ' ').trim();
  const named = (title: string | undefined): boolean => {
    if (!title) return false;
    const have = new Set(wordsOf(foldForComparison(title)).map(stem));
    return words.every((w) => have.has(stem(w)));
  };
  const targets: LinkTarget[] = [];
  const seen = new Set<string>();
  for (const { passage: index } of rankPassages(termsOf(linkText, corpus.vocabulary).map((t) => t.term), corpus, 40)) {
    const passage = corpus.passages[index]!;
    const source = corpus.sources.get(passage.sourceId);
    if (!source) continue;
    if (!seen.has(source.meta.id) && (named(source.meta.title) || passageView(index, corpus).folded.replace(/\s+/g, ' ').includes(phrase))) {
      seen.add(source.meta.id);
      targets.push({ kind: 'source', source });
    }
    for (const footnote of source.footnotes) {
      const url = httpUrl(footnote.url);
      const key = `${source.meta.id}\u0000${footnote.label}`;
      if (!url || seen.has(key) || !named(footnote.title)) continue;
      seen.add(key);
      targets.push({ kind: 'footnote', source, footnote, url });
    }
  }
  return targets.slice(0, limit);
}

/** "programmes" and "programme", "Russia’s" and "Russia" count as one word. */
function stem(word: string): string {
  return word.replace(/'s$/, '').replace(/(?<=\w{3})s$/, '');
}
