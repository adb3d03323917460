// What the checker needs from a corpus. The index that implements it is built outside
// the core (server/src/corpus/), from bundled data or the writer's files.
import type { Figure, Passage, Source, Span } from '../types';
import type { Term, Vocabulary } from '../claims/terms';

/** A figure stated in a source, with the sentence it sits in. */
export interface SourceFigure {
  passage: number;
  sentence: Span;
  figure: Figure;
}

export interface Corpus {
  readonly sources: ReadonlyMap<string, Source>;
  readonly passages: readonly Passage[];
  readonly vocabulary: Vocabulary;
  /** Sentences of a passage, as offsets into its text. */
  sentences(passage: number): readonly Span[];
  /** Figures, years and dates of a passage, as offsets into its text. */
  figures(passage: number): readonly Figure[];
  /** Subject terms of a passage. */
  terms(passage: number): readonly Term[];
  /** Passages containing a term, in ascending order. */
  passagesWithTerm(term: string): readonly number[];
  /** The corpus's terms one letter away from a long term ("kashgar" for "kashghar"): its spelling variants (see spelling.ts). */
  variants(term: string): readonly string[];
  /** Inverse document frequency of a term over passages; rare terms weigh more. */
  idf(term: string): number;
  /** The sources write this term only with a capital: a name ("Gulf", "Jamshoro"), not a common word. */
  isName(term: string): boolean;
  /** Only the sources a draft's claim cites (onlySources): a short report among them is about what its headline names (PassageView.headline). */
  readonly cited?: boolean;
}
