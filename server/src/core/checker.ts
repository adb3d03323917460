// The core's entry point: createChecker({ corpus }) returns a small frozen API that turns a
// draft's text into claims, verdicts and findings. Verdicts of blocks whose text did not
// change are reused, so re-checking after a keystroke costs one block.
import type { Corpus } from './corpus';
import { extractClaims } from './claims';
import { parseDraft, type Draft, type ProseBlock } from './draft';
import { judgeFigure } from './figureVerdict';
import { extractFigures } from './figures';
import type { Finding } from './findings';
import { footnoteFindings } from './footnoteChecks';
import { placeholderLinks, placeholderMessage } from './links';
import { judgeQuote } from './quoteVerdict';
import { applyDirectives } from './suppress';
import { termsOf } from './terms';
import type { Claim, Verdict } from './types';
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
  const cache = new Map<string, Verdict[]>();
  const sourceIds = new Set(corpus.sources.keys());

  const judgeClaims = (prose: string, claims: Claim[]): Verdict[] => {
    const terms = termsOf(prose, corpus.vocabulary);
    return claims.map((claim) => {
      if (claim.kind === 'quote') return judgeQuote(claim, corpus);
      const figures = extractFigures(prose, claim.sentence.start, claim.sentence.end);
      return judgeFigure(claim, prose, terms, figures, corpus);
    });
  };

  const judgeBlock = (draft: Draft, block: ProseBlock): Verdict[] => {
    const cached = cache.get(block.key);
    if (cached) {
      cache.delete(block.key);
      cache.set(block.key, cached);
      return cached.map((v) => shift(v, block.start));
    }
    const prose = claimProse(block.prose);
    const citations = [
      ...draft.footnoteRefs.filter((r) => r.start >= block.start && r.start < block.end).map((r) => ({ label: r.label, start: r.start - block.start, end: r.end - block.start })),
      ...draft.citations.filter((c) => c.start >= block.start && c.start < block.end).map((c) => ({ label: `@${c.key}`, start: c.groupStart - block.start, end: c.groupEnd - block.start })),
    ];
    const verdicts = judgeClaims(prose, extractClaims(prose, 0, prose.length, { citations }));
    cache.set(block.key, verdicts);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return verdicts.map((v) => shift(v, block.start));
  };

  const analyse = (text: string): Analysis => {
    const draft = parseDraft(text);
    const verdicts: Verdict[] = [];
    // A reference list cites works; its years and titles are not claims.
    let references: number | undefined;
    for (const block of draft.blocks) {
      if (block.heading) {
        if (references !== undefined && block.heading <= references) references = undefined;
        if (referenceHeading.test(block.prose.trim())) references = block.heading;
        continue;
      }
      if (block.inFootnote || references !== undefined) continue;
      verdicts.push(...judgeBlock(draft, block));
    }
    const findings = [
      ...placeholderLinks(draft).map((link): Finding => ({
        code: 'link.placeholder',
        start: link.start,
        end: link.end,
        message: placeholderMessage(link.text, link.url),
        fix: { kind: 'link', urlStart: link.urlStart, urlEnd: link.urlEnd, text: link.text },
      })),
      ...footnoteFindings(draft, sourceIds),
      ...verdictFindings(verdicts, corpus, text),
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    return { draft, verdicts, findings: applyDirectives(draft, findings) };
  };

  const judgeText = (text: string): Verdict[] => {
    const prose = claimProse(text);
    return judgeClaims(prose, extractClaims(prose, 0, prose.length, { citations: [] }));
  };

  return Object.freeze({ corpus, analyse, judgeText });
}

const referenceHeading = /^(?:references|bibliography|works cited|sources|notes|endnotes|literature)$/i;

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
