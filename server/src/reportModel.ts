// What a fact-check report says, before it is written as Markdown or HTML: the counts, then the
// problems (claims that disagree with a source, footnote and link problems), then the claims
// no source states, then the supported ones. Pure; the texts are as written, not escaped.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core/checker';
import { shortLabel } from './core/findings/citation';
import type { Finding } from './core/findings/findings';
import { formatReference } from './core/findings/references';
import type { Corpus } from './core/retrieval/corpus';
import type { Verdict } from './core/types';
import type { VerdictCounts, VerdictName } from './protocol';
import { visibleFindings } from './report';
import type { Settings } from './settings';

export interface ReportCounts extends VerdictCounts {
  /** Footnote and citation-key problems. */
  footnoteProblems: number;
  linkProblems: number;
}

export interface ReportSourceText {
  /** The source's figure or words ("$60 billion"). */
  value?: string;
  /** The source's sentence. */
  quote: string;
  reference: string;
  /** "pp. 9–10, fn. 4". */
  locator: string;
}

export interface ReportEntry {
  /** What the entry is about, as written in the draft: "$80 billion", a quotation, "[^3]". */
  words: string;
  kind: 'figure' | 'date' | 'quote' | ProblemKind;
  /** 1-based line in the draft. */
  line: number;
  /** "Contradicted", "Footnote problem", … */
  label: string;
  /** What the label means, or the problem's message. */
  explanation: string;
  /** The draft's sentence (or line) the entry is in. */
  draft?: string;
  evidence: ReportSourceText[];
}

export interface FactCheck {
  /** The draft's name ("brief.md"). */
  name: string;
  /** Short labels of the sources checked against ("Korybko & Morozov 2020"). */
  sources: string[];
  /** Why the draft was not checked, when it was not. */
  skipped?: string;
  counts: ReportCounts;
  problems: ReportEntry[];
  unsourced: ReportEntry[];
  supported: ReportEntry[];
}

export const verdictTitles: Record<VerdictName, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  misquoted: 'Misquoted',
  unsourced: 'Unsourced',
};

const verdictExplanations: Record<VerdictName, string> = {
  supported: 'a source states it.',
  contradicted: 'a source gives a different value for the same thing.',
  misquoted: 'a source has these words, but not word for word.',
  unsourced: 'no source states it.',
};

export function countVerdicts(verdicts: readonly { verdict: VerdictName }[]): VerdictCounts {
  const counts: VerdictCounts = { claims: verdicts.length, supported: 0, contradicted: 0, misquoted: 0, unsourced: 0 };
  for (const v of verdicts) counts[v.verdict]++;
  return counts;
}

export type ProblemKind = 'footnote' | 'citation' | 'link';

const problemLabels: Record<ProblemKind, string> = { footnote: 'Footnote problem', citation: 'Citation problem', link: 'Link problem' };

/** Footnote, citation and link problems: the findings a report lists beside the claims' verdicts. */
function problemKind(finding: Finding): ProblemKind | undefined {
  const kind = finding.code.split('.')[0];
  return kind === 'footnote' || kind === 'citation' || kind === 'link' ? kind : undefined;
}

/** True for an entry about a footnote, citation or link rather than a claim. */
export function isProblemEntry(entry: Pick<ReportEntry, 'kind'>): boolean {
  return entry.kind in problemLabels;
}

/** "pp. 9–10, fn. 4". */
export function locatorOf(evidence: { locator: string; footnote?: string | number | null }): string {
  return [evidence.locator, evidence.footnote !== null && evidence.footnote !== undefined ? `fn. ${evidence.footnote}` : ''].filter(Boolean).join(', ');
}

export function factCheck(name: string, text: string, analysis: Analysis, corpus: Corpus, settings: Settings, skipped?: string): FactCheck {
  const document = TextDocument.create('file:///draft.md', 'markdown', 0, text);
  const lineOf = (offset: number): number => document.positionAt(offset).line + 1;
  const claimEntry = (v: Verdict): ReportEntry => ({
    words: text.slice(v.claim.start, v.claim.end),
    kind: v.claim.kind,
    line: lineOf(v.claim.start),
    label: verdictTitles[v.verdict],
    explanation: `${verdictTitles[v.verdict]}: ${verdictExplanations[v.verdict]}`,
    draft: text.slice(v.claim.sentence.start, v.claim.sentence.end),
    evidence: v.evidence.map((e) => {
      const source = corpus.sources.get(e.sourceId);
      return {
        ...(e.sourceValue ? { value: e.sourceValue } : {}),
        quote: e.quote,
        reference: source ? formatReference(source.meta, settings.citationStyle) : e.sourceId,
        locator: locatorOf(e),
      };
    }),
  });
  const problems: { at: number; entry: ReportEntry }[] = [];
  for (const v of analysis.verdicts) if (v.verdict === 'contradicted' || v.verdict === 'misquoted') problems.push({ at: v.claim.start, entry: claimEntry(v) });
  const others: { at: number; entry: ReportEntry }[] = [];
  let footnoteProblems = 0;
  let linkProblems = 0;
  for (const f of visibleFindings(analysis.findings, settings)) {
    const kind = problemKind(f);
    if (!kind) continue;
    if (kind === 'link') linkProblems++;
    else footnoteProblems++;
    const { line } = document.positionAt(f.start);
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).trim();
    others.push({ at: f.start, entry: { words: text.slice(f.start, f.end), kind, line: line + 1, label: problemLabels[kind], explanation: f.message, draft: lineText, evidence: [] } });
  }
  const byPlace = (a: { at: number }, b: { at: number }): number => a.at - b.at;
  return {
    name,
    sources: [...corpus.sources.values()].map((s) => shortLabel(s.meta)),
    ...(skipped ? { skipped } : {}),
    counts: { ...countVerdicts(analysis.verdicts), footnoteProblems, linkProblems },
    problems: [...problems.sort(byPlace), ...others.sort(byPlace)].map((p) => p.entry),
    unsourced: analysis.verdicts.filter((v) => v.verdict === 'unsourced').map(claimEntry),
    supported: analysis.verdicts.filter((v) => v.verdict === 'supported').map(claimEntry),
  };
}
