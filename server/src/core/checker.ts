// The core's entry point: createChecker({ corpus }) returns a small frozen API that turns a
// draft's text into claims, verdicts and findings. Verdicts of blocks whose text did not
// change are reused, so re-checking after a keystroke costs one block.
import type { Corpus } from './corpus';
import { extractClaims, type ClaimContext } from './claims';
import { maxNesting, type Draft, type ProseBlock } from './draft';
import { createDraftParser } from './draftParser';
import { judgeFigure } from './figureVerdict';
import { extractFigures } from './figures';
import type { Finding } from './findings';
import { footnoteFindings } from './footnoteChecks';
import { placeholderLinks, placeholderMessage } from './links';
import { judgeQuote } from './quoteVerdict';
import { applyDirectives } from './suppress';
import { termsOf, type Term } from './terms';
import type { Claim, Figure, Verdict } from './types';
import { verdictFindings } from './verdictFindings';

export interface Analysis {
  draft: Draft;
  verdicts: Verdict[];
  findings: Finding[];
}

export interface Checker {
  readonly corpus: Corpus;
  analyse(text: string): Analysis;
  /** Verdicts for the claims of one stand-alone paragraph of prose. */
  judgeText(text: string): Verdict[];
}

export interface CheckerOptions {
  corpus: Corpus;
  /** How many blocks' verdicts to remember between analyses. */
  cacheSize?: number;
}

export function createChecker({ corpus, cacheSize = 20000 }: CheckerOptions): Checker {
  const cache = new Map<string, BlockResult>();
  // One parser per checker: it remembers the pieces of drafts it has parsed.
  const parser = createDraftParser();

  // A claim's verdict depends on its sentence alone (a quotation's on its words alone), so it
  // is remembered by them: an edit re-judges only the sentence it changes.
  const judged = new Map<string, Omit<Verdict, 'claim'>>();
  const judgeClaims = (prose: string, claims: Claim[]): Verdict[] => {
    // The terms and figures of each sentence with a figure claim, worked out once for all its claims.
    const sentences = new Map<number, { terms: Term[]; figures: Figure[] }>();
    return claims.map((claim): Verdict => {
      const { start, end } = claim.sentence;
      const key = claim.kind === 'quote' ? `quote\u0000${claim.quote!.text}` : `${claim.kind}\u0000${claim.start - start}\u0000${claim.end - start}\u0000${prose.slice(start, end)}`;
      const known = judged.get(key);
      if (known) return { claim, ...known };
      let verdict: Verdict;
      if (claim.kind === 'quote') verdict = judgeQuote(claim, corpus);
      else {
        let sentence = sentences.get(start);
        if (!sentence) sentences.set(start, (sentence = { terms: termsOf(prose, corpus.vocabulary, start, end), figures: extractFigures(prose, start, end) }));
        verdict = judgeFigure(claim, prose, sentence.terms, sentence.figures, corpus);
      }
      judged.set(key, { verdict: verdict.verdict, evidence: verdict.evidence });
      if (judged.size > cacheSize) judged.delete(judged.keys().next().value!);
      return verdict;
    });
  };

  /** A block's verdicts and findings, with offsets relative to the block, remembered by its text and citations. */
  const judgeBlock = (draft: Draft, block: ProseBlock, citations: ClaimContext['citations']): BlockResult => {
    // Whether "[^1]" is a footnote, or "[x]" a link, depends on a definition elsewhere, so the
    // prose the block parsed to and its citations are part of the key.
    const key = `${block.key}\u0000${block.prose}\u0000${citations.map((c) => c.label).join('\u0000')}`;
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const prose = claimProse(block.prose);
    const verdicts = judgeClaims(prose, extractClaims(prose, 0, prose.length, { citations }));
    const result = { verdicts, findings: verdictFindings(verdicts, corpus, draft.text.slice(block.start, block.end)) };
    cache.set(key, result);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return result;
  };

  const analyse = (text: string): Analysis => {
    const draft = parser.parse(text);
    const verdicts: Verdict[] = [];
    const claimFindings: Finding[] = [];
    const marks = citationMarks(draft);
    let next = 0;
    // A reference list cites works; its years and titles are not claims.
    let references: number | undefined;
    for (const block of draft.blocks) {
      if (block.heading) {
        if (references !== undefined && block.heading <= references) references = undefined;
        if (referenceHeading.test(block.prose.trim())) references = block.heading;
        continue;
      }
      if (block.inFootnote || references !== undefined) continue;
      while (next < marks.length && marks[next]!.start < block.start) next++;
      const citations: ClaimContext['citations'] = [];
      for (let i = next; i < marks.length && marks[i]!.start < block.end; i++) {
        const mark = marks[i]!;
        citations.push({ label: mark.label, start: mark.start - block.start, end: mark.end - block.start });
      }
      const result = judgeBlock(draft, block, citations);
      for (const v of result.verdicts) verdicts.push(shift(v, block.start));
      for (const f of result.findings) claimFindings.push(shiftFinding(f, block.start));
    }
    const findings = [
      ...placeholderLinks(draft).map((link): Finding => ({
        code: 'link.placeholder',
        start: link.start,
        end: link.end,
        message: placeholderMessage(link.text, link.url),
        fix: { kind: 'link', urlStart: link.urlStart, urlEnd: link.urlEnd, text: link.text },
      })),
      ...footnoteFindings(draft, corpus.sources),
      ...draft.tooDeep.map((part): Finding => ({ code: 'draft.too-deep', start: part.start, end: part.end, message: tooDeepMessage })),
      ...claimFindings,
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    return { draft, verdicts, findings: applyDirectives(draft, findings) };
  };

  const judgeText = (text: string): Verdict[] => {
    const prose = claimProse(text);
    return judgeClaims(prose, extractClaims(prose, 0, prose.length, { citations: [] }));
  };

  return Object.freeze({ corpus, analyse, judgeText });
}

const tooDeepMessage = `Attest did not check the rest of this line: its block quotes and lists nest more than ${maxNesting} deep.`;

const referenceHeading = /^(?:references|bibliography|works cited|sources|notes|endnotes|literature)$/i;

interface BlockResult {
  verdicts: Verdict[];
  findings: Finding[];
}

/** Footnote references and citation groups in document order: what backs each sentence. */
function citationMarks(draft: Draft): { label: string; start: number; end: number }[] {
  return [
    ...draft.footnoteRefs.map((r) => ({ label: r.label, start: r.start, end: r.end })),
    ...draft.citations.map((c) => ({ label: `@${c.key}`, start: c.groupStart, end: c.groupEnd })),
  ].sort((a, b) => a.start - b.start);
}

function shiftFinding(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  const fix = finding.fix;
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    fix:
      fix?.kind === 'replace'
        ? { ...fix, start: fix.start + by, end: fix.end + by }
        : fix?.kind === 'cite'
          ? { ...fix, at: fix.at + by }
          : fix?.kind === 'link'
            ? { ...fix, urlStart: fix.urlStart + by, urlEnd: fix.urlEnd + by }
            : undefined,
  };
}

/** Blanks pandoc citation groups and raw footnote labels, which are not claims. */
function claimProse(prose: string): string {
  return prose.replace(/\[[^\[\]]*@[^\[\]]*\]|\[\^[^\]\s]+\]/g, (m) => ' '.repeat(m.length));
}

function shift(verdict: Verdict, by: number): Verdict {
  if (by === 0) return verdict;
  const move = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + by, end: span.end + by });
  const claim = verdict.claim;
  return {
    ...verdict,
    claim: {
      ...claim,
      start: claim.start + by,
      end: claim.end + by,
      sentence: move(claim.sentence),
      paragraph: move(claim.paragraph),
      figure: claim.figure && { ...move(claim.figure), qualifierStart: claim.figure.qualifierStart === undefined ? undefined : claim.figure.qualifierStart + by },
      period: claim.period && move(claim.period),
      quote: claim.quote && { ...move(claim.quote), innerStart: claim.quote.innerStart + by, innerEnd: claim.quote.innerEnd + by },
    },
  };
}
