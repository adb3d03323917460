// The core's entry point: createChecker({ corpus }) returns a small frozen API that turns a
// draft's text into claims, verdicts and findings. Verdicts of blocks whose text did not
// change are reused, so re-checking after a keystroke costs one block. A block's results are
// kept relative to it and placed in the draft where they are read: a block that did not move
// reuses its placed findings, and verdicts are placed only when something asks for them.
import { ByteLru, detached, stringBytes } from './byteLru';
import type { Corpus } from './retrieval/corpus';
import { extractClaims, type ClaimContext } from './claims/claims';
import { draftPair } from './claims/pagePair';
import { speaksOfPair } from './claims/sentences';
import { draftDate, pageDateOf, type PageDate } from './claims/relativeDates';
import { maxNesting, type Draft, type ProseBlock } from './draft/draft';
import { createDraftParser } from './draft/draftParser';
import { claimProse, rowLabels, tableCaption, type TableContext } from './draft/claimProse';
import { judgeFigure } from './verdicts/figureVerdict';
import { judgeCited, type CitedSources } from './verdicts/citedVerdict';
import { citedSources } from './retrieval/citedSource';
import { onlySources } from './retrieval/sourceSubset';
import { extractFigures } from './claims/figures';
import type { Finding } from './findings/findings';
import { footnoteFindings } from './findings/footnoteChecks';
import { placeholderLinks, placeholderMessage } from './findings/links';
import { judgeQuote } from './verdicts/quoteVerdict';
import { judgeTime } from './verdicts/timeVerdict';
import { applyDirectives } from './findings/suppress';
import { termsOf, type Term } from './claims/terms';
import type { Claim, Evidence, Figure, Span, Verdict } from './types';
import { verdictFindings } from './findings/verdictFindings';
import { carryVerdicts } from './verdicts/carriedVerdicts';
import { shiftFinding, shiftVerdict } from './findings/placed';
import { readCell } from './claims/tableCells';

export interface Analysis {
  draft: Draft;
  verdicts: Verdict[];
  findings: Finding[];
}

export interface Checker {
  readonly corpus: Corpus;
  analyse(text: string): Analysis;
  /** The same analysis a block at a time, so that a caller can pause between blocks or give up. */
  start(text: string): AnalysisRun;
  /** Verdicts for the claims of one stand-alone paragraph of prose. */
  judgeText(text: string): Verdict[];
  /** The estimated bytes of the blocks' and sentences' verdicts remembered between analyses. */
  cachedBytes(): { blocks: number; sentences: number };
}

export interface AnalysisRun {
  /** The draft's parse, ready before any block is judged. */
  readonly draft: Draft;
  /** Judges the next block; true once every block is judged. */
  step(): boolean;
  /** Judges what is left and returns the analysis. */
  finish(): Analysis;
}

export interface CheckerOptions {
  corpus: Corpus;
  /** At most how many bytes of blocks' verdicts, and as many again of sentences' verdicts, to remember between analyses. */
  cacheBytes?: number;
}

/** Enough for the blocks of a few long drafts and their edits; a writer typing for hours stays within it. */
export const defaultCacheBytes = 32 * 1048576;

export function createChecker({ corpus, cacheBytes = defaultCacheBytes }: CheckerOptions): Checker {
  const cache = new ByteLru<string, BlockResult>(cacheBytes, (key, result) => stringBytes(key) + blockResultBytes(result));
  // One parser per checker: it remembers the pieces of drafts it has parsed.
  const parser = createDraftParser();

  // A claim's verdict depends on its sentence alone (a quotation's on its words alone), so it
  // is remembered by them: an edit re-judges only the sentence it changes.
  // The reference libraries the corpus's entries come from, named in unknown-key messages:
  // found when a draft first cites an unknown key, as it reads every source.
  let libraryNames: string[] | undefined;
  const libraries = (): string[] => (libraryNames ??= [...new Set([...corpus.sources.values()].flatMap((s) => (s.entry ? [s.entry.file.split(/[\\/]/).at(-1)!] : [])))]);
  const judged = new ByteLru<string, Omit<Verdict, 'claim'>>(cacheBytes, (key, known) => stringBytes(key) + evidenceBytes(known.evidence));
  // The corpus seen through each set of cited sources, made once per set.
  const views = new Map<string, Corpus>();
  const citedBy = (claim: Claim, sourceOf: ReadonlyMap<string, readonly string[]>): CitedSources | undefined => {
    if (!claim.citedBy.length) return undefined;
    const ids = new Set<string>();
    for (const label of claim.citedBy) {
      const named = sourceOf.get(label);
      // A citation of something Attest cannot read may be what states the claim.
      if (!named || named.some((id) => !corpus.sources.get(id)?.passages.length)) return undefined;
      for (const id of named) ids.add(id);
    }
    const sorted = [...ids].sort();
    const key = sorted.join('\u0000');
    let view = views.get(key);
    if (!view) views.set(key, (view = onlySources(corpus, sorted)));
    return { ids: sorted, corpus: view };
  };
  const judgeClaims = (prose: string, claims: Claim[], figuresOf: Map<number, Figure[]>, sourceOf: ReadonlyMap<string, readonly string[]>, stamp?: Span): Verdict[] => {
    // The terms of each sentence with a figure claim, worked out once for all its claims; its figures are the ones extractClaims read.
    const sentences = new Map<number, { terms: Term[]; figures: Figure[] }>();
    const verdicts = new Map<Claim, Verdict>();
    const judge = (claim: Claim): Verdict => {
      const { start, end } = claim.sentence;
      const cited = citedBy(claim, sourceOf);
      const citing = cited ? `${cited.ids.join('\u0000')}\u0001` : '';
      const key = detached(citing + (claim.kind === 'quote' ? `quote\u0000${claim.quote!.text}` : `${claim.kind}\u0000${claim.start - start}\u0000${claim.end - start}\u0000${claim.context?.text ?? ''}\u0000${relativeKey(claim)}\u0000${claim.antecedent ? prose.slice(claim.antecedent.start, claim.antecedent.end) : ''}\u0000${claim.pagePair?.join(',') ?? ''}\u0000${prose.slice(start, end)}`));
      const known = judged.get(key);
      if (known) return { claim, ...known };
      let verdict: Verdict;
      const byFigure = (within: Corpus, cited: boolean, eventOnly = false): Verdict => {
        let sentence = sentences.get(start);
        if (!sentence) sentences.set(start, (sentence = { terms: termsOf(prose, corpus.vocabulary, claim.antecedent?.start ?? start, end), figures: figuresOf.get(start) ?? extractFigures(prose, start, end) }));
        return judgeFigure(claim, prose, sentence.terms, sentence.figures, within, { cited, eventOnly });
      };
      if (claim.kind === 'quote') verdict = judgeCited(cited, corpus, (within) => judgeQuote(claim, within));
      else if (claim.timeOf) {
        const of = claim.timeOf;
        verdict = judgeTime(claim, [...verdicts.values()].find((v) => v.claim.start === of.start && v.claim.end === of.end), corpus);
        // A date the figure's fact does not settle may still date an event of its sentence ("opened on 20 January 2025 and is designed for 400,000 passengers").
        // Only then: a year a figure holds for ("traded $25 million in 2016") names no event, and is unsourced with its figure.
        if (verdict.verdict === 'unsourced') verdict = judgeCited(cited, corpus, (within, cited) => byFigure(within, cited, true));
      } else verdict = judgeCited(cited, corpus, byFigure);
      judged.set(key, { verdict: verdict.verdict, evidence: verdict.evidence, ...(verdict.notStatedBy && { notStatedBy: verdict.notStatedBy }) });
      return verdict;
    };
    // The page's own date is what it says of itself: no source states it, and no figure beside it lends it support.
    const isStamp = (c: Claim): boolean => stamp !== undefined && c.kind === 'date' && c.start === stamp.start && c.end === stamp.end;
    // A figure's time is judged from the figure's verdict, so after it.
    const judgeOrStamp = (claim: Claim): Verdict => (isStamp(claim) ? { claim, verdict: 'unsourced', evidence: [] } : judge(claim));
    for (const claim of claims) if (!claim.timeOf) verdicts.set(claim, judgeOrStamp(claim));
    for (const claim of claims) if (claim.timeOf) verdicts.set(claim, judgeOrStamp(claim));
    carryVerdicts(prose, stamp ? claims.filter((c) => !isStamp(c)) : claims, verdicts, corpus);
    return claims.map((claim) => verdicts.get(claim)!);
  };

  /** The verdicts on a piece of prose's claims; with `within`, only on those in that span (and the figures their dates are judged with). */
  const claimsOf = (prose: string, citations: ClaimContext['citations'], sourceOf: ReadonlyMap<string, readonly string[]>, pageDate?: Figure, stamp?: Span, pagePair?: readonly string[], within?: Span): Verdict[] => {
    const figuresOf = new Map<number, Figure[]>();
    let claims = extractClaims(prose, 0, prose.length, { citations, pageDate, pagePair, onSentence: (sentence, figures) => figuresOf.set(sentence.start, figures) });
    if (within) {
      const dated = claims.filter((c) => overlaps(c, within) && c.timeOf).map((c) => c.timeOf!);
      claims = claims.filter((c) => overlaps(c, within) || dated.some((t) => t.start === c.start && t.end === c.end));
    }
    const verdicts = judgeClaims(prose, claims, figuresOf, sourceOf, stamp);
    return within ? verdicts.filter((v) => overlaps(v.claim, within)) : verdicts;
  };

  /** A block's verdicts and findings, with offsets relative to the block, remembered by its text and citations. */
  const judgeBlock = (draft: Draft, block: ProseBlock, citations: ClaimContext['citations'], sourceOf: ReadonlyMap<string, readonly string[]>, page: PageDate | undefined, openingPair: readonly string[] | undefined, table: TableContext | undefined): BlockResult => {
    const pageDate = page?.date;
    const stamp = page?.block === block ? page.date : page?.dateline?.block === block ? page.dateline : undefined;
    // Only a block that speaks of "the two countries" or "bilateral trade" reads the draft's pair: an edit to the opening re-judges no other.
    const pair = openingPair && speaksOfPair(block.prose, { start: 0, end: block.prose.length }) ? openingPair : undefined;
    // Whether "[^1]" is a footnote, or "[x]" a link, depends on a definition elsewhere, so the
    // prose the block parsed to and its citations (with the sources they name) are part of the key. The key and the texts the
    // result is cut from are copies: slices of them must not keep the whole draft alive.
    const key = detached(`${block.key}\u0000${block.prose}\u0000${table ? `${table.index}\u0001${table.row.join('\u0001')}\u0002${table.columns.join('\u0001')}\u0002${table.caption ?? ''}` : ''}\u0000${pageDate?.text ?? ''}${stamp ? '\u0001' : ''}\u0000${pair?.join(',') ?? ''}\u0000${citations.map((c) => `${c.label}=${sourceOf.get(c.label)?.join(',') ?? ''}`).join('\u0000')}`);
    const cached = cache.get(key);
    if (cached) return cached;
    const prose = detached(claimProse(block.prose));
    const raw = detached(draft.text.slice(block.start, block.end));
    let verdicts: Verdict[];
    let findings: Finding[];
    if (table) {
      // A cell is judged as the sentence it reads as in its table ("Kyrgyzstan, Target announced: $10m a year"), then moved back to the cell.
      const reading = readCell(table.row, table.columns, table.index, prose, table.caption);
      const cell = { start: reading.at + reading.text.start, end: reading.at + reading.text.end };
      const read = claimsOf(reading.prose, citations.map((c) => ({ ...c, start: c.start + reading.at, end: c.end + reading.at })), sourceOf, pageDate, stamp, pair, cell);
      const rawReading = reading.prose.slice(0, reading.at + reading.text.start) + raw.slice(reading.text.start, reading.text.end) + reading.prose.slice(reading.at + reading.text.end);
      verdicts = read.map((v) => shiftVerdict(v, -reading.at, reading.text));
      findings = verdictFindings(read, corpus, rawReading).filter((f) => overlaps(f, cell)).map((f) => shiftFinding(f, -reading.at, reading.text));
    } else {
      verdicts = claimsOf(prose, citations, sourceOf, pageDate, stamp, pair);
      findings = verdictFindings(verdicts, corpus, raw);
    }
    const result: BlockResult = { verdicts, findings, textBytes: 2 * stringBytes(prose) };
    cache.set(key, result);
    return result;
  };

  const start = (text: string): AnalysisRun => {
    const draft = parser.parse(text);
    const judgedBlocks: { result: BlockResult; at: number }[] = [];
    const claimFindings: Finding[] = [];
    const marks = citationMarks(draft);
    const sourceOf = citedSources(draft, corpus);
    // What "last year" and "in November" are relative to: the date the draft gives itself at its top.
    const page = draftDate(draft);
    // Whose "two-way trade" a paragraph that names no one means: the two countries the draft opens with.
    const pair = draftPair(draft, corpus.vocabulary);
    let index = 0;
    let next = 0;
    // The table row being read, and its table's header row: the words its cells are read with.
    let row: TableContext['row'] = [];
    let columns: TableContext['columns'] = [];
    let columnsOf = -1;
    let caption: string | undefined;
    // A reference list cites works; its years and titles are not claims.
    let references: number | undefined;
    const step = (): boolean => {
      if (index >= draft.blocks.length) return true;
      const block = draft.blocks[index++]!;
      if (block.heading) {
        if (references !== undefined && block.heading <= references) references = undefined;
        if (referenceHeading.test(block.prose.trim())) references = block.heading;
      }
      const cell = block.table;
      if (cell && (index === 1 || draft.blocks[index - 2]!.table?.rowStart !== cell.rowStart)) {
        row = rowLabels(draft.blocks, index - 1);
        if (columnsOf !== cell.tableStart) caption = tableCaption(draft.blocks, index - 1);
        if (cell.header) [columns, columnsOf] = [row, cell.tableStart];
        // A table whose header cells are all empty has no header block.
        else if (columnsOf !== cell.tableStart) [columns, columnsOf] = [[], cell.tableStart];
      }
      // A table's header row labels its columns; it states nothing.
      if (block.inFootnote || references !== undefined || block.table?.header) return index >= draft.blocks.length;
      while (next < marks.length && marks[next]!.start < block.start) next++;
      const citations: ClaimContext['citations'] = [];
      // A footnote anywhere in a table's row backs each of its cells: it is read as at the cell's end.
      const [from, to] = block.table ? [block.table.rowStart, block.table.rowEnd] : [block.start, block.end];
      const last = Math.max(0, block.prose.trimEnd().length - 1);
      for (let i = firstMark(marks, from, next); i < marks.length && marks[i]!.start < to; i++) {
        const mark = marks[i]!;
        const inBlock = mark.start >= block.start && mark.start < block.end;
        citations.push({ label: mark.label, start: inBlock ? mark.start - block.start : last, end: inBlock ? mark.end - block.start : last });
      }
      const result = judgeBlock(draft, block, citations, sourceOf, page, pair, cell && { index: cell.index, row, columns, caption });
      judgedBlocks.push({ result, at: block.start });
      // A headline states its figures as claims, but carries no footnote: it is not asked to cite.
      for (const f of placedFindings(result, block.start)) if (!(block.heading && f.code === 'claim.uncited')) claimFindings.push(f);
      return index >= draft.blocks.length;
    };
    let analysis: Analysis | undefined;
    const finish = (): Analysis => {
      if (analysis) return analysis;
      while (!step());
      const findings = [
        ...placeholderLinks(draft).map((link): Finding => ({
          code: 'link.placeholder',
          start: link.start,
          end: link.end,
          message: placeholderMessage(link.text, link.url),
          fix: { kind: 'link', urlStart: link.urlStart, urlEnd: link.urlEnd, text: link.text },
        })),
        ...footnoteFindings(draft, corpus.sources, libraries),
        ...draft.tooDeep.map((part): Finding => ({ code: 'draft.too-deep', start: part.start, end: part.end, message: tooDeepMessage })),
        ...claimFindings,
      ].sort((a, b) => a.start - b.start || a.end - b.end);
      let verdicts: Verdict[] | undefined;
      return (analysis = {
        draft,
        get verdicts(): Verdict[] {
          return (verdicts ??= judgedBlocks.flatMap(({ result, at }) => placedVerdicts(result, at)));
        },
        findings: applyDirectives(draft, findings),
      });
    };
    return Object.freeze({ draft, step, finish });
  };

  const analyse = (text: string): Analysis => start(text).finish();

  const judgeText = (text: string): Verdict[] => {
    const prose = claimProse(text);
    // The text is one block: a stamp at its top is its own date.
    const page = pageDateOf([prose])?.date;
    return claimsOf(prose, [], new Map(), page, page);
  };

  const cachedBytes = (): { blocks: number; sentences: number } => ({ blocks: cache.bytes, sentences: judged.bytes });

  return Object.freeze({ corpus, analyse, start, judgeText, cachedBytes });
}

const tooDeepMessage = `Attest did not check the rest of this line: its block quotes and lists nest more than ${maxNesting} deep.`;

const referenceHeading = /^(?:references|bibliography|works cited|sources|notes|endnotes|literature)$/i;

interface BlockResult {
  verdicts: Verdict[];
  findings: Finding[];
  /** The findings and verdicts as last placed in a draft, at the block's offset then: reused while the block stays there. */
  placed?: { at: number; findings: Finding[]; verdicts?: Verdict[] };
  /** What the block's own texts (its prose and raw text, which claims and findings are cut from) take. */
  textBytes: number;
}

// Rough sizes of objects and their fields, for the caches' bound: an estimate that grows with
// what an entry holds, not an exact count.
const objectBytes = 120;

function evidenceBytes(evidence: readonly Evidence[]): number {
  let bytes = objectBytes;
  for (const e of evidence) bytes += objectBytes * 2 + stringBytes(e.quote) + stringBytes(e.locator) + stringBytes(e.subject) + stringBytes(e.sourceValue);
  return bytes;
}

function blockResultBytes(result: BlockResult): number {
  let bytes = objectBytes + result.textBytes;
  // Each verdict and finding, and its copy as placed in the draft (sharing its strings).
  for (const v of result.verdicts) bytes += objectBytes * 8 + evidenceBytes(v.evidence);
  for (const f of result.findings) bytes += objectBytes * 4 + stringBytes(f.message) + stringBytes(f.fingerprint);
  return bytes;
}

/** Footnote references and citation groups in document order: what backs each sentence. */
function citationMarks(draft: Draft): { label: string; start: number; end: number }[] {
  return [
    ...draft.footnoteRefs.map((r) => ({ label: r.label, start: r.start, end: r.end })),
    ...draft.citations.map((c) => ({ label: `@${c.key}`, start: c.groupStart, end: c.groupEnd })),
  ].sort((a, b) => a.start - b.start);
}

function overlaps(a: Span, b: Span): boolean {
  return a.end > b.start && a.start < b.end;
}

/** The first of `marks` (in document order) that starts at or after `at`, searching back from `hint`. */
function firstMark(marks: readonly { start: number }[], at: number, hint: number): number {
  let i = Math.min(hint, marks.length);
  while (i > 0 && marks[i - 1]!.start >= at) i--;
  return i;
}

function placement(result: BlockResult, at: number): NonNullable<BlockResult['placed']> {
  if (result.placed?.at !== at) result.placed = { at, findings: result.findings.map((f) => shiftFinding(f, at)) };
  return result.placed;
}

function placedFindings(result: BlockResult, at: number): Finding[] {
  return placement(result, at).findings;
}

function placedVerdicts(result: BlockResult, at: number): Verdict[] {
  const placed = placement(result, at);
  return (placed.verdicts ??= result.verdicts.map((v) => shiftVerdict(v, at)));
}

/** The values of a claim's dates that are relative ("a year later"): they depend on more than its sentence. */
function relativeKey(claim: Claim): string {
  return [claim.figure, claim.period].map((f) => (f?.relative && f.date ? `${f.date.year}-${f.date.month ?? ''}` : '')).join(',');
}
