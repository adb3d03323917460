// Builds the searchable index over sources: sentences, figures and subject terms per
// passage, figures by unit, passages by term. Pure: loading files happens in loader.ts.
import type { Corpus } from '../core/retrieval/corpus';
import { extractFigures } from '../core/claims/figures';
import { splitSentences } from '../core/claims/sentences';
import { spellingLookup } from '../core/retrieval/spelling';
import { createVocabulary, termsOf, type Term, type Vocabulary } from '../core/claims/terms';
import type { Figure, Passage, Source, Span } from '../core/types';

/** What the index knows of one passage; serialize.ts stores exactly this. */
export interface PassageAnalysis {
  sentences: Span[];
  figures: Figure[];
  terms: Term[];
}

/** Sentences, figures and subject terms of a passage's text. */
export function analysePassage(text: string, vocabulary: Vocabulary): PassageAnalysis {
  return { sentences: splitSentences(text), figures: extractFigures(text), terms: termsOf(text, vocabulary) };
}


const lowerCase = /\p{Ll}/u;

/** A term written with a lower-case first letter somewhere is a common word, not a name. */
export function startsLowerCase(text: string, term: Term): boolean {
  return lowerCase.test(text[term.start] ?? '');
}

export function buildCorpus(input: readonly Source[]): Corpus {
  const sources = new Map<string, Source>();
  for (const source of input) if (!sources.has(source.meta.id)) sources.set(source.meta.id, source);
  const acronyms: Record<string, string> = {};
  for (const source of sources.values()) Object.assign(acronyms, source.acronyms);
  const vocabulary = createVocabulary(acronyms);

  const passages: Passage[] = [];
  for (const source of sources.values()) {
    for (const passage of source.passages) {
      passage.index = passages.length;
      passages.push(passage);
    }
  }

  const sentences: Span[][] = [];
  const figures: Figure[][] = [];
  const terms: Term[][] = [];
  const byTerm = new Map<string, number[]>();
  const common = new Set<string>();
  for (const passage of passages) {
    const { sentences: spans, figures: found, terms: words } = analysePassage(passage.text, vocabulary);
    sentences.push(spans);
    figures.push(found);
    terms.push(words);
    for (const word of words) if (!common.has(word.term) && startsLowerCase(passage.text, word)) common.add(word.term);
    for (const term of new Set(words.map((w) => w.term))) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(passage.index);
    }
  }
  const total = Math.max(passages.length, 1);

  return Object.freeze({
    sources,
    passages,
    vocabulary,
    sentences: (p: number) => sentences[p] ?? [],
    figures: (p: number) => figures[p] ?? [],
    terms: (p: number) => terms[p] ?? [],
    passagesWithTerm: (term: string) => byTerm.get(term) ?? [],
    variants: spellingLookup([...byTerm.keys()]),
    idf: (term: string) => Math.log(1 + total / (1 + (byTerm.get(term)?.length ?? 0))),
    isName: (term: string) => byTerm.has(term) && !common.has(term),
  });
}
