// Turns verdicts into findings a writer can act on, with specific messages and the data
// each quick fix needs. A message is one short line (what the draft says, what the source
// says, which source): the source's sentence and the full reference are in the hover, and an
// editor sends every message again after each keystroke.
import { citedAs, shortLabel } from './citation';
import type { Corpus } from '../retrieval/corpus';
import { formatFigure } from '../claims/figureFormat';
import type { Finding } from './findings';
import type { Evidence, Verdict } from '../types';

const quoteChars = 60;

export function verdictFindings(verdicts: readonly Verdict[], corpus: Corpus, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const verdict of verdicts) {
    const finding = toFinding(verdict, corpus, text);
    if (finding) findings.push({ ...finding, fingerprint: fingerprint(finding.code, text.slice(verdict.claim.sentence.start, verdict.claim.sentence.end), verdict.claim.text) });
  }
  return findings;
}

/** FNV-1a over the code, the claim and its sentence with spacing normalised. */
export function fingerprint(code: string, sentence: string, claim: string): string {
  const input = `${code}\u0000${claim}\u0000${sentence.replace(/\s+/g, ' ').trim()}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function toFinding(verdict: Verdict, corpus: Corpus, text: string): Finding | undefined {
  const { claim } = verdict;
  // A figure's time speaks through its figure's finding ("No source states $36 million for 2017").
  if (claim.timeOf) return undefined;
  const evidence = verdict.evidence[0];
  const source = evidence && corpus.sources.get(evidence.sourceId);
  const who = source ? citedAs(source.meta, evidence) : '';
  const related = evidence ? [{ sourceId: evidence.sourceId, passageIndex: evidence.passageIndex, message: who }] : undefined;
  const said = inline(claim.text);
  switch (verdict.verdict) {
    case 'contradicted': {
      if (evidence!.opposite) {
        return {
          code: 'figure.mismatch',
          start: claim.start,
          end: claim.end,
          message: `Draft and ${who} both give ${said}, but for a change in opposite directions (a rise against a fall).`,
          related,
        };
      }
      const replacement = replacementFigure(claim.text, evidence!);
      return {
        code: claim.kind === 'date' ? 'date.mismatch' : 'figure.mismatch',
        start: claim.start,
        end: claim.end,
        message: `Draft says ${said}; ${who} says ${inline(evidence!.sourceValue ?? '')}${evidence!.elsewhere ? `, and gives ${inline(evidence!.elsewhere)}` : ''}.`,
        related,
        fix: { kind: 'replace', start: claim.start, end: claim.end, newText: replacement, title: `Change to ${replacement} (${shortLabel(source!.meta)})` },
      };
    }
    case 'misquoted': {
      const quote = claim.quote!;
      return {
        code: 'quote.misquoted',
        start: quote.start,
        end: quote.end,
        message: `Quotation differs from ${who}, which reads “${shortQuote(evidence!.sourceValue ?? '')}”.`,
        related,
        fix: { kind: 'replace', start: quote.innerStart, end: quote.innerEnd, newText: evidence!.sourceValue!, title: `Use the exact words of ${shortLabel(source!.meta)}` },
      };
    }
    case 'unsourced':
      return {
        code: claim.kind === 'quote' ? 'quote.not-found' : 'claim.unsourced',
        start: claim.start,
        end: claim.end,
        message:
          claim.kind === 'quote'
            ? 'No source contains this quotation: check the wording, or add its source.'
            : `No source states ${said}${claim.period ? ` for ${inline(claim.period.text)}` : ''} about this subject: add its source, or a footnote.`,
      };
    case 'supported':
      if (claim.citedBy.length > 0 || !source) return undefined;
      return {
        code: 'claim.uncited',
        start: claim.start,
        end: claim.end,
        message: `${who} supports ${claim.kind === 'quote' ? 'this quotation' : said}, but the sentence cites no source.`,
        fix: { kind: 'cite', sourceId: evidence!.sourceId, passageIndex: evidence!.passageIndex, footnote: evidence!.footnote, at: sentenceEnd(text, claim.sentence.end) },
      };
  }
}

/** Text from the draft or a source on one line: a line break inside a claim is a space. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A quotation's words for a one-line message: the start of a long one, the quick fix has them all. */
function shortQuote(words: string): string {
  const line = inline(words);
  if (line.length <= quoteChars) return line;
  const cut = line.lastIndexOf(' ', quoteChars);
  return `${line.slice(0, cut > quoteChars / 2 ? cut : quoteChars)}…`;
}

/** Keep the draft's way of writing the figure when the source writes it the same way ("46-member" → "64-member"). */
function replacementFigure(draftText: string, evidence: Evidence): string {
  const shape = (s: string): string => s.replace(/[\d.,]+/g, '#').toLowerCase();
  const source = evidence.sourceValue ?? '';
  if (shape(draftText) === shape(source)) return source;
  return evidence.sourceFigure ? formatFigure(evidence.sourceFigure) : source;
}

/** Footnotes go after the sentence's closing punctuation and quotation marks. */
function sentenceEnd(text: string, end: number): number {
  let at = end;
  while (at < text.length && /[”"’)\]]/.test(text[at]!)) at++;
  return at;
}
