// The writer's-world vocabulary shared by every part of Attest: figures, quotes,
// sources, passages, claims and verdicts. Offsets are UTF-16 indexes into the text
// they were found in; conversion to lines and characters happens at the edges.

/** How a figure is hedged in the text; it widens the interval the figure asserts. */
export type Qualifier =
  | 'exact'
  | 'over' // over, more than, above, exceeding
  | 'under' // under, less than, below
  | 'about' // about, around, roughly, approximately, some, nearly-ish
  | 'at-least'
  | 'at-most'
  | 'nearly'; // nearly, almost, close to (just under)

export type FigureKind =
  | 'money' // "$60 billion", "US$13bn", "60 billion dollars"
  | 'percent' // "20%", "20 percent"
  | 'quantity' // a measured amount with a unit: "600-megawatt", "3,000 km"
  | 'count' // a number of things: "64-member delegation", "200 million people"
  | 'duration' // "seventy-five years", "four-day"
  | 'rank' // a place in a ranking or a series: "the third most populous", "the 11th session"
  | 'year' // "in 2016"
  | 'date'; // "November 2017", "30 November 2016"

export interface CalendarDate {
  year: number;
  /** 1–12 when given. */
  month?: number;
  /** 1–31 when given. */
  day?: number;
  /** A year's part, for a date with no month: "early 2019", "mid-2020", "the end of 2018", "the third quarter of 2026", "the first half of 2024". */
  part?: YearPart;
  /** A year written with the next ("2023-24", "fiscal year 2016-17"): that next year. The date spans both. */
  through?: number;
}

export type YearPart = 'early' | 'mid' | 'late' | 'q1' | 'q2' | 'q3' | 'q4' | 'h1' | 'h2';

export interface Figure {
  kind: FigureKind;
  /** Offsets of the figure as written, qualifier excluded. */
  start: number;
  end: number;
  /** The figure as written, e.g. "$60 billion" or "600-megawatt". */
  text: string;
  /** Normalised value: money in currency units (60e9), percent points (20), MW (600), km (3000), a count (64), a year (2016). For ranges, the low end. */
  value: number;
  /** Upper end for a range ("$250-500 million" → value 250e6, high 500e6). */
  high?: number;
  /**
   * Canonical unit: a currency code for money ("USD", "PKR", "EUR", "RUB", "CNY"),
   * "%" for percent, an SI-style symbol for quantities ("MW", "km", "t", "m3", "bcm"),
   * the singular noun for counts ("member", "person", "customer", "job"),
   * "year"/"month"/"day" for durations, and "year" or "date" for dates.
   */
  unit: string;
  qualifier: Qualifier;
  /** Offset where the qualifier word starts, when there is one. */
  qualifierStart?: number;
  /** The closed interval of values the text is compatible with, after the qualifier and rounding. */
  low: number;
  highBound: number;
  /** "a year", "per year", "annually" follow the figure. */
  perYear?: boolean;
  /** Written without a number ("billions of dollars"): it can be supported, not contradicted, and says nothing of a figure written with one. */
  vague?: boolean;
  /** For kind "year" and "date". */
  date?: CalendarDate;
  /** A date written relative to another ("last year", "a year later", "in November"): `date` is what it stands for. */
  relative?: true;
}

export interface Quote {
  /** Offsets including the quotation marks. */
  start: number;
  end: number;
  /** Offsets of the quoted words, marks excluded. */
  innerStart: number;
  innerEnd: number;
  /** The quoted words as written. */
  text: string;
  /** A person or outlet named just before or after the quotation ("Putin said …"), if any. */
  speaker?: string;
}

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Sources

export interface Author {
  family: string;
  given?: string;
}

export interface SourceMeta {
  id: string;
  title: string;
  authors: Author[];
  /** Journal, book or site the source appeared in. */
  container?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  url?: string;
  issn?: string;
  licence?: string;
  language?: string;
  /** CSL item type: "article-journal" by default. */
  type?: string;
}

/** A footnote the source itself carries (its own citation of something else). */
export interface SourceFootnote {
  /** The footnote's label in the source: "4", or a name for Markdown sources. */
  label: string;
  /** The definition as printed. */
  text: string;
  title?: string;
  outlet?: string;
  /** Publication date as printed ("09.01.2020") and parsed. */
  date?: string;
  url?: string;
  accessed?: string;
  /** True when the source cites this footnote but its definition is missing. */
  missing?: boolean;
}

/** A paragraph-sized piece of a source, the unit that evidence points at. */
export interface Passage {
  /** Index in Corpus.passages. */
  index: number;
  sourceId: string;
  /** Human locator: "p. 10" for paginated sources, the section heading otherwise; "note 4" for the source's own footnote 4, "reference 3" for the third entry of its reference list. */
  locator: string;
  /** Clean paragraph text: markers removed, hyphenation undone, single spaces. */
  text: string;
  /** 0-based line in the corpus file where the paragraph starts (for "open the source"). */
  line: number;
  /** Footnote markers: label and the offset in `text` just after the word they followed. */
  footnotes: { label: string; offset: number }[];
  /** Heading of the section the passage is in, if any. */
  section?: string;
}

/** A source's own footnote, read as a passage after the body's (see parseSource). */
export function isNotePassage(passage: Passage): boolean {
  return passage.locator.startsWith('note ');
}

/** An entry of a source's reference list, read as a passage after its notes (see parseSource). */
export function isReferencePassage(passage: Passage): boolean {
  return passage.locator.startsWith('reference ');
}

/** A passage that describes a work the source cites (a footnote or a reference): its leading date is when that work appeared. */
export function isWorkPassage(passage: Passage): boolean {
  return isNotePassage(passage) || isReferencePassage(passage);
}

export interface SourceProblem {
  /** Path or id of the source file. */
  file: string;
  /** 0-based line, when known. */
  line?: number;
  message: string;
}

export interface Source {
  meta: SourceMeta;
  /** Where the source was loaded from: a file path or URI; used to open the passage. */
  location?: string;
  passages: Passage[];
  footnotes: SourceFootnote[];
  /** Entries of the source's own reference list, as printed. */
  references: string[];
  /** Acronyms the source defines: "EAEU" → "Eurasian Economic Union". */
  acronyms: Record<string, string>;
  problems: SourceProblem[];
  /** False for sources from the writer's folders. */
  bundled: boolean;
  /** The reference-library entry (.bib or CSL-JSON) the source comes from: the file and its 0-based line. */
  entry?: { file: string; line: number };
}

// ---------------------------------------------------------------------------
// Claims and verdicts

export type ClaimKind = 'figure' | 'date' | 'quote';
export type VerdictKind = 'supported' | 'contradicted' | 'misquoted' | 'unsourced';

export interface Evidence {
  sourceId: string;
  passageIndex: number;
  locator: string;
  /** The source's own footnote label cited in (or nearest to) the matched sentence. */
  footnote?: string;
  /** The exact source sentence. */
  quote: string;
  /** Offsets of the matched figure or words inside `quote`. */
  highlight?: Span;
  /** The source's figure or words as written ("$60 billion"). */
  sourceValue?: string;
  /** The source's figure, for figure and date claims. */
  sourceFigure?: Figure;
  /** For a source figure with no time of its own: the time of an amount of its kind in the sentence before, which it may hold for as well (Fact.alsoAt). */
  alsoAt?: Figure;
  /** A short description of what the figure measures, from the source ("CPEC's expected total investment"). */
  subject?: string;
  /** How strongly the subject matched (0–1). */
  score: number;
  /** The source gives the same figure for a change in the other direction (a fall, not a rise). */
  opposite?: boolean;
  /** The source gives the same figure for the same thing at another place: "at Jamshoro", not "at Muzaffargarh". */
  place?: { draft: string; source: string };
  /** The source gives the same figure as a promise where the draft says it was done ("promised", not "has invested"), or the reverse. */
  promise?: boolean;
  /**
   * Draft and source both give the figure as a goal, or both as a promise: a thing said once. The
   * date of the source's sentence is the goal's deadline ("by 2031"), or the year it was promised.
   */
  once?: 'goal' | 'promise';
  /** The parts of the fact that draft and source share: ["goods from Pakistan to Russia", "2018"]. */
  matched?: string[];
  /** For a contradiction: where the source puts the draft's value instead ("$250 million for goods going from Russia to Pakistan"). */
  elsewhere?: string;
}

export interface Claim {
  kind: ClaimKind;
  /** Offsets in the draft of the figure, date or quotation. */
  start: number;
  end: number;
  text: string;
  /** The sentence the claim sits in. */
  sentence: Span;
  /** The paragraph the claim sits in; it can carry the subject. */
  paragraph: Span;
  figure?: Figure;
  /** The year or date the figure is attached to ("$36 million in 2017"). */
  period?: Figure;
  /** For a date that is a figure's period: that figure's offsets. It is judged with the figure's fact. */
  timeOf?: Span;
  /** For a figure: the last date its paragraph gave before its sentence ("In December 2019 … At the time …"). */
  context?: Figure;
  /**
   * For a figure: the sentence before, when its own opens with a pronoun or speaks of "the two
   * countries" ("It forms part of a $14 billion package…"): whose figure it is, when its clause names no one.
   */
  antecedent?: Span;
  /**
   * For a figure (or date) of a sentence that speaks of "the two countries" or "bilateral trade":
   * the two countries the draft's opening names ("… Russian executives … talks with Pakistani
   * ministers"), if it names exactly two. They are the pair when neither the sentence nor the one
   * before it names a country.
   */
  pagePair?: readonly string[];
  quote?: Quote;
  /** Footnote labels or citation keys attached to the sentence in the draft. */
  citedBy: string[];
}

export interface Verdict {
  claim: Claim;
  verdict: VerdictKind;
  evidence: Evidence[];
  /** The sources the sentence cites, when none of them states the claim and the evidence is another source's. */
  notStatedBy?: string[];
}
