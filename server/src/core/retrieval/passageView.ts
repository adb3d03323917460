// A source passage as the figure checker reads it: text, figures, sentences and subject
// terms, with the term sets it compares against. Views are kept per corpus between claims
// (a draft's claims mostly meet the same few passages), up to a bound, so that a large
// corpus that keeps its text on disk is read once per passage rather than once per claim.
import type { Corpus } from './corpus';
import { termSet } from './subject';
import { termsOf, type Term } from '../claims/terms';
import { isNotePassage, isWorkPassage, type Figure, type Span } from '../types';

export interface PassageView {
  readonly text: string;
  /** The passage describes a work the source cites: one of its footnotes or references (isWorkPassage). */
  readonly work: boolean;
  /**
   * For one of the source's footnotes: the terms of the body's sentences that cite it, what the
   * body says the work it lists reports ("… where the People's Republic has recently become its
   * top trade partner[^5]" for "China-Africa Cooperation in High Gear … – Xinhua"). Else none.
   */
  readonly citedFor: ReadonlySet<string>;
  readonly figures: readonly Figure[];
  readonly sentences: readonly Span[];
  /** In order of their start. */
  readonly terms: readonly Term[];
  /** The passage's terms as a set: the paragraph a figure stands in. */
  readonly termSet: ReadonlySet<string>;
  /** The text as quotations are compared (foldForComparison), offsets unchanged. */
  readonly folded: string;
  /** The words of the folded text, as written. */
  readonly words: ReadonlySet<string>;
  /** The terms of one of `sentences` (or any span), as a set; remembered per sentence. */
  sentenceSet(sentence: Span): ReadonlySet<string>;
  /**
   * The same with the family names of the source's authors: a draft that says "Abbasi writes
   * that…" or "according to Korybko and Morozov" names the source, not a subject its sentence lacks.
   */
  subjectSet(sentence: Span): ReadonlySet<string>;
  /** The countries its source's title names ("Pakistan, Uzbekistan sign transit trade deal"). */
  readonly titleCountries: readonly string[];
  /**
   * The same, when the draft's claim cites this source and it is a short report (a news story,
   * not a paper): such a report is about what its headline names, so a sentence of it that names
   * no country is too ("Officials put the cost of the line at $4.8 billion"). Otherwise none.
   */
  readonly headline: readonly string[];
  /**
   * The terms of the whole source when the draft's claim cites it and it is a short report (a
   * news story names the agency once, in its first paragraph, and its third paragraph's figure
   * is still that agency's); otherwise the passage's own.
   */
  readonly reportTerms: ReadonlySet<string>;
  /** Whatever a checker works out about this passage alone, worked out once. */
  remember<T>(key: string | number, make: () => T): T;
}

/** How many passages' views each corpus keeps; the oldest go first. */
const keptViews = 1024;
const views = new WeakMap<Corpus, Map<number, PassageView>>();

export function passageView(passage: number, corpus: Corpus): PassageView {
  let kept = views.get(corpus);
  if (!kept) views.set(corpus, (kept = new Map()));
  const known = kept.get(passage);
  if (known) return known;
  const view = new View(passage, corpus);
  kept.set(passage, view);
  if (kept.size > keptViews) kept.delete(kept.keys().next().value!);
  return view;
}

/** Drops the views kept for a corpus (the benchmark measures queries against passages not yet read). */
export function forgetPassageViews(corpus: Corpus): void {
  views.delete(corpus);
}

/** Each part is read or worked out on first use: a quotation needs none of the terms. */
class View implements PassageView {
  private memo = new Map<string, unknown>();
  private remembered = new Map<string | number, unknown>();
  private sets = new Map<string, ReadonlySet<string>>();
  constructor(
    private readonly passage: number,
    private readonly corpus: Corpus,
  ) {}
  private once<T>(key: string, make: () => T): T {
    let value = this.memo.get(key) as T | undefined;
    if (value === undefined) this.memo.set(key, (value = make()));
    return value;
  }
  remember<T>(key: string | number, make: () => T): T {
    let value = this.remembered.get(key) as T | undefined;
    if (value === undefined) this.remembered.set(key, (value = make()));
    return value;
  }
  get text(): string {
    return this.corpus.passages[this.passage]!.text;
  }
  get work(): boolean {
    return this.once('work', () => isWorkPassage(this.corpus.passages[this.passage]!));
  }
  get citedFor(): ReadonlySet<string> {
    return this.once('citedFor', () => citingTerms(this.passage, this.corpus));
  }
  get figures(): readonly Figure[] {
    return this.once('figures', () => this.corpus.figures(this.passage));
  }
  get sentences(): readonly Span[] {
    return this.once('sentences', () => this.corpus.sentences(this.passage));
  }
  get terms(): readonly Term[] {
    return this.once('terms', () => this.corpus.terms(this.passage));
  }
  get termSet(): ReadonlySet<string> {
    return this.once('termSet', () => termSet(this.terms));
  }
  get folded(): string {
    return this.once('folded', () => foldForComparison(this.text));
  }
  get words(): ReadonlySet<string> {
    return this.once('words', () => new Set(wordsOf(this.folded)));
  }
  sentenceSet(sentence: Span): ReadonlySet<string> {
    const key = `${sentence.start}:${sentence.end}`;
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = termSet(termsWithin(this.terms, sentence))));
    return set;
  }
  subjectSet(sentence: Span): ReadonlySet<string> {
    const authors = this.authors;
    if (!authors.length) return this.sentenceSet(sentence);
    const key = `authors:${sentence.start}:${sentence.end}`;
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set([...this.sentenceSet(sentence), ...authors])));
    return set;
  }
  get titleCountries(): readonly string[] {
    return titleCountries(this.corpus, this.corpus.passages[this.passage]!.sourceId);
  }
  get headline(): readonly string[] {
    if (!this.corpus.cited) return [];
    return this.once('headline', () => ((this.corpus.sources.get(this.corpus.passages[this.passage]!.sourceId)?.passages.length ?? Infinity) <= reportPassages ? this.titleCountries : []));
  }
  get reportTerms(): ReadonlySet<string> {
    if (!this.corpus.cited) return this.termSet;
    return this.once('reportTerms', () => {
      const sourceId = this.corpus.passages[this.passage]!.sourceId;
      const source = this.corpus.sources.get(sourceId);
      if (!source || source.passages.length > reportPassages) return this.termSet;
      // Once per report, whichever of its passages asks first.
      let known = reports.get(this.corpus);
      if (!known) reports.set(this.corpus, (known = new Map()));
      let terms = known.get(sourceId);
      if (!terms) known.set(sourceId, (terms = new Set(source.passages.flatMap((p) => [...passageView(p.index, this.corpus).termSet]))));
      return terms;
    });
  }
  private get authors(): readonly string[] {
    return this.once('authors', () => {
      const source = this.corpus.sources.get(this.corpus.passages[this.passage]!.sourceId);
      return (source?.meta.authors ?? []).flatMap((a) => termsOf(a.family, this.corpus.vocabulary).map((t) => t.term));
    });
  }
}

/** The terms of each short report, per corpus of cited sources (PassageView.reportTerms). */
const reports = new WeakMap<Corpus, Map<string, ReadonlySet<string>>>();

/** A source of at most this many passages is a report about one thing, as a news story is; a paper is longer. */
const reportPassages = 30;

const titles = new WeakMap<Corpus, Map<string, readonly string[]>>();
/** The countries a source's title names, worked out once per corpus and source (without reading any passage). */
export function titleCountries(corpus: Corpus, sourceId: string): readonly string[] {
  let known = titles.get(corpus);
  if (!known) titles.set(corpus, (known = new Map()));
  let countries = known.get(sourceId);
  if (!countries) {
    const title = corpus.sources.get(sourceId)?.meta.title ?? '';
    known.set(sourceId, (countries = [...new Set(termsOf(title, corpus.vocabulary).filter((t) => corpus.vocabulary.countries.has(t.term)).map((t) => t.term))]));
  }
  return countries;
}

/** Same length as the input, so offsets into the result are offsets into the original. */
export function foldForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s/g, ' ');
}

/** The words of folded text, as a quotation's are compared. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
}

/** The terms wholly inside a span; `terms` are in order of their start. */
export function termsWithin(terms: readonly Term[], span: Span): Term[] {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]!.start < span.start) low = mid + 1;
    else high = mid;
  }
  const out: Term[] = [];
  for (let i = low; i < terms.length && terms[i]!.start < span.end; i++) if (terms[i]!.end <= span.end) out.push(terms[i]!);
  return out;
}

/** The terms of the body's sentences that cite the footnote `passage` lists (PassageView.citedFor). */
function citingTerms(passage: number, corpus: Corpus): ReadonlySet<string> {
  const note = corpus.passages[passage]!;
  const label = isNotePassage(note) ? note.footnotes[0]?.label : undefined;
  const found = new Set<string>();
  if (label === undefined) return found;
  for (const body of corpus.sources.get(note.sourceId)?.passages ?? []) {
    if (isWorkPassage(body)) continue;
    for (const marker of body.footnotes) {
      if (marker.label !== label) continue;
      const sentence = corpus.sentences(body.index).find((s) => marker.offset > s.start && marker.offset <= s.end + 2);
      if (sentence) for (const t of corpus.terms(body.index)) if (t.start >= sentence.start && t.end <= sentence.end) found.add(t.term);
    }
  }
  return found;
}
