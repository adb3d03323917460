// Judges a quotation: verbatim in a source (supported), near-verbatim (misquoted, with the
// source's exact words), or nowhere (unsourced). Marks, apostrophes, dashes, case and spacing
// are normalised first so that only the words are compared.
import search from 'approx-string-match';
import type { Corpus } from '../retrieval/corpus';
import { footnoteFor } from './sourceFootnote';
import { foldForComparison, passageView, wordsOf } from '../retrieval/passageView';
import { rankPassages } from '../retrieval/retrieval';
import { termsOf } from '../claims/terms';
import type { Claim, Evidence, Span, Verdict } from '../types';

/** At most this share of the quotation's characters may differ for it to count as a misquote. */
const maxErrorShare = 0.35;
/** And at least this share of its words must appear, in the source span, as written. */
const minWordShare = 0.5;
/** A short quotation (up to `shortQuote` words) is a misquote of a passage only with this share: "a milestone in Pakistan-Russia relations" is not "the trajectory of Pakistan–Russia relations". */
const shortQuote = 8;
const minShortWordShare = 0.6;
const candidatePassages = 6;
const fewWordCandidates = 60;

export function judgeQuote(claim: Claim, corpus: Corpus): Verdict {
  // "[sic]" is the writer's mark that the source has it so: it is not among the source's words.
  // A comma or full stop at either end inside the marks is the writer's punctuation ("… howl like a wolf," captures …).
  const words = foldForComparison(claim.quote!.text.replace(/\s*\[sic\]/gi, '')).replace(/\s+/g, ' ').trim().replace(/^[,;:.]+\s*|\s*[,;:.]+$/g, '');
  // "…" splits a quotation into pieces that must each be found.
  const pieces = words.split(/\s*(?:\.\.\.|\u2026)\s*/).filter((p) => p.split(' ').length >= 2);
  if (!pieces.length) return { claim, verdict: 'unsourced', evidence: [] };
  const found = pieces.map((piece) => findPiece(piece, corpus));
  const worst = found.reduce((a, b) => (b === undefined || (a !== undefined && b.errors > a.errors) ? b : a));
  if (!worst || found.some((f) => f === undefined)) return { claim, verdict: 'unsourced', evidence: [] };
  const verdict = worst.errors === 0 ? 'supported' : 'misquoted';
  return { claim, verdict, evidence: [toEvidence(found[0]!, corpus)] };
}

interface PieceMatch {
  passage: number;
  start: number;
  end: number;
  errors: number;
  hasFootnote: boolean;
}

function findPiece(piece: string, corpus: Corpus): PieceMatch | undefined {
  const passages = candidates(piece, corpus);
  // Verbatim first: an exact match beats every near one, so then no alignment is needed.
  let best: PieceMatch | undefined;
  for (const passage of passages) {
    const start = passageView(passage, corpus).folded.indexOf(piece);
    if (start < 0) continue;
    best = pieceMatch(corpus, passage, { start, end: start + piece.length, errors: 0 });
    if (best.hasFootnote) return best;
  }
  for (const passage of best ? [] : passages) {
    const view = passageView(passage, corpus);
    // A near match needs enough of the quotation's words in the source (wordsAgree): a passage without them is not aligned.
    if (!wordsAgree(piece, view.words)) continue;
    const text = view.folded;
    const match = search(text, piece, Math.floor(piece.length * maxErrorShare)).sort((a, b) => a.errors - b.errors)[0];
    if (!match) continue;
    // An alignment can start or end inside a word ("dation of Greater Eurasia"); the writer needs whole words.
    Object.assign(match, wholeWords(text, match.start, match.end));
    if (!wordsAgree(piece, new Set(wordsOf(text.slice(match.start, match.end))))) continue;
    const candidate = pieceMatch(corpus, passage, match);
    if (!best || match.errors < best.errors || (match.errors === best.errors && candidate.hasFootnote && !best.hasFootnote)) best = candidate;
  }
  return best;
}

function pieceMatch(corpus: Corpus, passage: number, match: { start: number; end: number; errors: number }): PieceMatch {
  const p = corpus.passages[passage]!;
  const hasFootnote = footnoteFor(p.footnotes, sentenceAround(corpus, passage, match.start, match.end), match.end, p.text) !== undefined;
  return { passage, start: match.start, end: match.end, errors: match.errors, hasFootnote };
}

/**
 * Passages that share the quotation's rarest words, most shared first. A quotation of one or two
 * distinct words ("Orders Within Orders", a title) shares them with many passages equally, so
 * more of those are looked through for its words as written.
 */
function candidates(piece: string, corpus: Corpus): number[] {
  const terms = [...new Set(termsOf(piece, corpus.vocabulary).map((t) => t.term))];
  return rankPassages(terms, corpus, terms.length < 3 ? fewWordCandidates : candidatePassages).map((r) => r.passage);
}

function wholeWords(text: string, start: number, end: number): { start: number; end: number } {
  const word = /[\p{L}\p{N}'’-]/u;
  while (start > 0 && word.test(text[start - 1]!) && word.test(text[start]!)) start--;
  while (end < text.length && word.test(text[end]!) && word.test(text[end - 1]!)) end++;
  return { start, end };
}

/** At least two of the quotation's words, and at least minWordShare of them, appear in the source as written. */
function wordsAgree(piece: string, sourceWords: ReadonlySet<string>): boolean {
  const quoteWords = wordsOf(piece);
  const shared = quoteWords.filter((w) => sourceWords.has(w)).length;
  if (shared < 2) return false;
  if (quoteWords.length > shortQuote) return shared / quoteWords.length >= minWordShare;
  // In a short quotation a word spelt another way ("modernized harbor" for "modernised harbour") still agrees.
  const stems = new Set([...sourceWords].filter((w) => w.length >= 5).map((w) => w.slice(0, 5)));
  const alike = quoteWords.filter((w) => sourceWords.has(w) || (w.length >= 5 && stems.has(w.slice(0, 5)))).length;
  return alike / quoteWords.length >= minShortWordShare;
}

/** The source sentences a match spans, as one span. */
function sentenceAround(corpus: Corpus, passage: number, start: number, end: number): Span {
  const spans = corpus.sentences(passage);
  const first = spans.find((s) => s.end > start) ?? { start: 0, end };
  const last = [...spans].reverse().find((s) => s.start < end) ?? first;
  return { start: Math.min(first.start, start), end: Math.max(last.end, end) };
}

function toEvidence(match: PieceMatch, corpus: Corpus): Evidence {
  const passage = corpus.passages[match.passage]!;
  const sentence = sentenceAround(corpus, match.passage, match.start, match.end);
  const quote = passage.text.slice(sentence.start, sentence.end);
  return {
    sourceId: passage.sourceId,
    passageIndex: passage.index,
    locator: passage.locator,
    footnote: footnoteFor(passage.footnotes, sentence, match.end, passage.text),
    quote,
    highlight: { start: match.start - sentence.start, end: match.end - sentence.start },
    sourceValue: passage.text.slice(match.start, match.end),
    score: 1 - match.errors / Math.max(1, match.end - match.start),
  };
}
