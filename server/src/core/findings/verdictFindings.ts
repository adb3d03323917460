// Turns verdicts into findings a writer can act on, with specific messages and the data
// each quick fix needs.
import { chicagoReference, citedAs, locatorLabel, shortLabel } from './citation';
import type { Corpus } from '../retrieval/corpus';
import { formatFigure } from '../claims/figureFormat';
import type { Finding } from './findings';
import { quoteDiff, type WordChange } from './quoteDiff';
import type { Evidence, SourceMeta, Verdict } from '../types';

const snippetChars = 70;

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
  switch (verdict.verdict) {
    case 'contradicted': {
      if (evidence!.opposite) {
        return {
          code: 'figure.mismatch',
          start: claim.start,
          end: claim.end,
          message: `Draft and ${who} both give ${claim.text}, but for a change in opposite directions (a rise against a fall): “${snippet(evidence!)}”`,
          };
      }
      const replacement = replacementFigure(claim.text, evidence!);
      return {
        code: claim.kind === 'date' ? 'date.mismatch' : 'figure.mismatch',
        start: claim.start,
        end: claim.end,
        message: `Draft says ${claim.text}; ${who} says ${evidence!.sourceValue}${evidence!.elsewhere ? `, and gives ${evidence!.elsewhere}` : ''}: “${snippet(evidence!)}”`,
        fix: { kind: 'replace', start: claim.start, end: claim.end, newText: replacement, title: `Change to ${replacement} (${shortLabel(source!.meta)})` },
      };
    }
    case 'misquoted': {
      const quote = claim.quote!;
      const diff = quoteDiff(text, quote.innerStart, quote.innerEnd, evidence!.sourceValue!, quote.start);
      const label = shortLabel(source!.meta);
      const choices = [{ title: `Use the words of ${label}: ${diff.changes.map(changeLabel).join('; ')}`, edits: diff.edits }];
      if (diff.sicEdits) {
        const misspelt = diff.changes.filter((c) => c.misspelt).map((c) => `“${c.source} [sic]”`).join(', ');
        choices.push({ title: `Keep the source’s spelling, marked ${misspelt}`, edits: diff.sicEdits });
      }
      return {
        code: 'quote.misquoted',
        start: quote.start,
        end: quote.end,
        message: `Quotation differs from ${who}, which reads “${evidence!.sourceValue}”.`,
        fix: { kind: 'words', choices },
      };
    }
    case 'unsourced':
      return {
        code: claim.kind === 'quote' ? 'quote.not-found' : 'claim.unsourced',
        start: claim.start,
        end: claim.end,
        message:
          claim.kind === 'quote'
            ? 'No source contains this quotation: check the wording, or add the source it comes from to your sources.'
            : `No source states ${claim.text}${claim.period ? ` for ${claim.period.text}` : ''} about this subject: add the source it comes from, or a footnote.`,
      };
    case 'supported':
      if (verdict.notStatedBy && source) return unsupported(verdict, corpus, source.meta, evidence!);
      if (claim.citedBy.length > 0 || !source) return undefined;
      return {
        code: 'claim.uncited',
        start: claim.start,
        end: claim.end,
        message: `${who} supports ${claim.kind === 'quote' ? 'this quotation' : claim.text}, but the sentence cites no source. Reference: ${chicagoReference(source.meta)}`,
        fix: { kind: 'cite', sourceId: evidence!.sourceId, passageIndex: evidence!.passageIndex, footnote: evidence!.footnote, at: sentenceEnd(text, claim.sentence.end) },
      };
  }
}

/** "The cited source (Abbasi 2025) does not state $150 million; Korybko & Morozov 2020, p. 19 does", with the fix citing that one instead. */
function unsupported(verdict: Verdict, corpus: Corpus, meta: SourceMeta, evidence: Evidence): Finding {
  const { claim } = verdict;
  const cited = verdict.notStatedBy!.map((id) => corpus.sources.get(id)).filter((s) => s !== undefined);
  const names = cited.map((s) => shortLabel(s.meta));
  const which = names.length === 1 ? `The cited source (${names[0]}) does not` : `None of the cited sources (${names.join('; ')})`;
  const what = claim.kind === 'quote' ? 'contain this quotation' : `state ${claim.text}`;
  const where = locatorLabel(evidence);
  const label = claim.citedBy.find((l) => cited.some((s) => l === `@${s.meta.id}`)) ?? claim.citedBy.find((l) => !l.startsWith('@')) ?? claim.citedBy[0]!;
  return {
    code: 'citation.unsupported',
    start: claim.start,
    end: claim.end,
    message: `${which} ${names.length === 1 ? what : what.replace(/^(state|contain)/, '$1s')}; ${shortLabel(meta)}${where ? `, ${where}` : ''} does.`,
    fix: { kind: 'recite', label, sourceId: evidence.sourceId, passageIndex: evidence.passageIndex, ...(evidence.footnote && { footnote: evidence.footnote }) },
  };
}

/** "“plan” → “idea”", or what is added or left out. */
export function changeLabel(change: WordChange): string {
  if (!change.draft) return `add “${change.source}”`;
  if (!change.source) return `leave out “${change.draft}”`;
  return `“${change.draft}” → “${change.source}”`;
}

/** The source sentence around the matched words, shortened with ellipses. */
export function snippet(evidence: Evidence): string {
  const { quote, highlight } = evidence;
  if (!highlight) return quote;
  const from = Math.max(0, highlight.start - snippetChars);
  const to = Math.min(quote.length, highlight.end + snippetChars);
  const start = from === 0 ? 0 : quote.indexOf(' ', from) + 1;
  const endSpace = to === quote.length ? to : quote.lastIndexOf(' ', to);
  const end = endSpace > highlight.end ? endSpace : to;
  // The source's own quotation marks would clash with the ones the message puts around the snippet.
  const words = quote.slice(start, end).trim().replace(/^[“"](?=[^”"]*$)/, '').replace(/(?<=^[^“"]*)[”"]$/, '');
  return `${start > 0 ? '…' : ''}${words}${end < quote.length ? '…' : ''}`;
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
