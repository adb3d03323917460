// Turns verdicts into findings a writer can act on, with specific messages and the data
// each quick fix needs. A message is one short line (what the draft says, what the source
// says, which source): the source's sentence and the full reference are in the hover, and an
// editor sends every message again after each keystroke.
import { citedAs, locatorLabel, shortLabel } from './citation';
import type { Corpus } from '../retrieval/corpus';
import { formatFigure } from '../claims/figureFormat';
import { formatDate } from '../claims/dates';
import type { Finding } from './findings';
import { quoteDiff, type WordChange } from './quoteDiff';
import type { Evidence, SourceMeta, Verdict } from '../types';

const quoteChars = 60;

export function verdictFindings(verdicts: readonly Verdict[], corpus: Corpus, text: string): Finding[] {
  const findings: Finding[] = [];
  // A sentence that cites nothing is one hint, however many of its claims a source supports: one footnote at its end cites them all.
  const uncited = new Map<number, { finding: Finding; verdicts: Verdict[] }>();
  for (const verdict of verdicts) {
    const finding = toFinding(verdict, corpus, text);
    if (!finding) continue;
    const sentence = text.slice(verdict.claim.sentence.start, verdict.claim.sentence.end);
    if (finding.code !== 'claim.uncited') {
      findings.push({ ...finding, fingerprint: fingerprint(finding.code, sentence, verdict.claim.text) });
      continue;
    }
    const group = uncited.get(verdict.claim.sentence.start);
    if (group) group.verdicts.push(verdict);
    else uncited.set(verdict.claim.sentence.start, { finding: { ...finding, fingerprint: fingerprint(finding.code, sentence, verdict.claim.text) }, verdicts: [verdict] });
  }
  for (const { finding, verdicts: supported } of uncited.values()) {
    if (supported.length === 1) {
      findings.push(finding);
      continue;
    }
    const claims = supported.map((v) => v.claim);
    const sentence = claims[0]!.sentence;
    const sources = new Set(supported.map((v) => v.evidence[0]!.sourceId));
    const first = supported[0]!.evidence[0]!;
    const who = sources.size === 1 ? shortLabel(corpus.sources.get(first.sourceId)!.meta) : 'Your sources';
    const what = claims.length <= 3 ? listed(claims.map((c) => (c.kind === 'quote' ? 'a quotation' : inline(c.text)))) : `${claims.length} of its claims`;
    findings.push({
      ...finding,
      start: Math.min(...claims.map((c) => c.start)),
      end: Math.max(...claims.map((c) => c.end)),
      message: `${who} ${sources.size === 1 ? 'supports' : 'support'} ${what}, but the sentence cites no source.`,
      fingerprint: fingerprint(finding.code, text.slice(sentence.start, sentence.end), claims.map((c) => c.text).join('\u0000')),
    });
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
  // A figure's time speaks through its figure's finding ("No source states $36 million for 2017"),
  // unless the figure's fact was found in another month (judgeTime): then the month is wrong.
  if (claim.timeOf && verdict.verdict !== 'contradicted') return undefined;
  const evidence = verdict.evidence[0];
  const source = evidence && corpus.sources.get(evidence.sourceId);
  const who = source ? citedAs(source.meta, evidence) : '';
  // A relative date is said with the date it stands for: "a year later (2018)".
  const said = inline(claim.figure?.relative && claim.figure.date ? `${claim.text} (${formatDate(claim.figure.date)})` : claim.text);
  switch (verdict.verdict) {
    case 'contradicted': {
      if (evidence!.opposite) {
        return {
          code: 'figure.mismatch',
          start: claim.start,
          end: claim.end,
          message: `Draft and ${who} both give ${said}, but for a change in opposite directions (a rise against a fall).`,
        };
      }
      if (evidence!.promise) {
        return {
          code: 'figure.mismatch',
          start: claim.start,
          end: claim.end,
          message: `Draft and ${who} both give ${said}, but one as done and the other only as promised or aimed at.`,
        };
      }
      if (evidence!.place) {
        return {
          code: 'figure.mismatch',
          start: claim.start,
          end: claim.end,
          message: `Draft and ${who} both give ${said}, but the source puts it at ${inline(evidence!.place.source)}, not ${inline(evidence!.place.draft)}.`,
        };
      }
      const replacement = replacementFigure(claim.text, evidence!);
      return {
        code: claim.kind === 'date' ? 'date.mismatch' : 'figure.mismatch',
        start: claim.start,
        end: claim.end,
        message: `Draft says ${said}; ${who} says ${inline(evidence!.sourceValue ?? '')}${evidence!.elsewhere ? `, and gives ${inline(evidence!.elsewhere)}` : ''}.`,
        // "a year later" is not replaced by "2019": the sentence around it may not read with a date there.
        ...(!claim.figure?.relative && { fix: { kind: 'replace' as const, start: claim.start, end: claim.end, newText: replacement, title: `Change to ${replacement} (${shortLabel(source!.meta)})` } }),
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
        message: `Quotation differs from ${who}, which reads “${shortQuote(evidence!.sourceValue ?? '')}”.`,
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
            ? 'No source contains this quotation: check the wording, or add its source.'
            : `No source states ${said}${claim.period ? ` for ${inline(claim.period.text)}` : ''} about this subject: add its source, or a footnote.`,
      };
    case 'supported':
      if (verdict.notStatedBy && source) return unsupported(verdict, corpus, source.meta, evidence!);
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

/** "The cited source (Abbasi 2025) does not state $150 million; Korybko & Morozov 2020, p. 19 does", with the fix citing that one instead. */
function unsupported(verdict: Verdict, corpus: Corpus, meta: SourceMeta, evidence: Evidence): Finding {
  const { claim } = verdict;
  const cited = verdict.notStatedBy!.map((id) => corpus.sources.get(id)).filter((s) => s !== undefined);
  const names = cited.map((s) => shortLabel(s.meta));
  const which = names.length === 1 ? `The cited source (${names[0]}) does not` : `None of the cited sources (${names.join('; ')})`;
  const what = claim.kind === 'quote' ? 'contain this quotation' : `state ${claim.text}`;
  const where = locatorLabel(evidence, meta);
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
