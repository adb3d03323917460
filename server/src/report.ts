// The JSON report of a checked draft: every claim with its verdict and evidence, and the
// diagnostics. The CLI prints it; other tools depend on its shape (see README "JSON output").
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core/checker';
import { formatReference } from './core/findings/references';
import type { Corpus } from './core/retrieval/corpus';
import type { Finding, FindingCode, Severity } from './core/findings/findings';
import type { Settings } from './settings';
import { toRange } from './ranges';

export interface ReportEvidence {
  source: string;
  locator: string;
  footnote: number | string | null;
  quote: string;
  reference: string;
}

export interface ReportClaim {
  range: Range;
  kind: 'figure' | 'date' | 'quote';
  text: string;
  verdict: 'supported' | 'contradicted' | 'misquoted' | 'unsourced';
  evidence: ReportEvidence[];
  /** The ids of the sources the sentence cites, when none of them states the claim and the evidence is another source's (citation.unsupported). */
  notStatedByCited?: string[];
}

export interface ReportDiagnostic {
  range: Range;
  severity: Severity;
  code: FindingCode;
  message: string;
}

export interface FileReport {
  path: string;
  claims: ReportClaim[];
  diagnostics: ReportDiagnostic[];
  /** Present when the draft was not checked: why (claims and diagnostics are then empty). */
  error?: string;
}

/** The report of a draft that was not checked. */
export function notCheckedReport(filePath: string, reason: string): FileReport {
  return { path: filePath, error: reason, claims: [], diagnostics: [] };
}

export function fileReport(filePath: string, text: string, analysis: Analysis, corpus: Corpus, settings: Settings): FileReport {
  const document = TextDocument.create('file:///draft.md', 'markdown', 0, text);
  return {
    path: filePath,
    claims: analysis.verdicts.map((v) => ({
      range: toRange(document, v.claim.start, v.claim.end),
      kind: v.claim.kind,
      text: text.slice(v.claim.start, v.claim.end),
      verdict: v.verdict,
      evidence: v.evidence.map((e) => {
        const source = corpus.sources.get(e.sourceId);
        return {
          source: e.sourceId,
          locator: e.locator,
          footnote: e.footnote === undefined ? null : /^\d+$/.test(e.footnote) ? Number(e.footnote) : e.footnote,
          quote: e.quote,
          reference: source ? formatReference(source.meta, settings.citationStyle) : e.sourceId,
        };
      }),
      ...(v.notStatedBy?.length ? { notStatedByCited: v.notStatedBy } : {}),
    })),
    diagnostics: visibleFindings(analysis.findings, settings).map((f) => ({
      range: toRange(document, f.start, f.end),
      severity: settings.severity[f.code] as Severity,
      code: f.code,
      message: f.message,
    })),
  };
}

/** Findings whose check is not turned off. */
export function visibleFindings(findings: readonly Finding[], settings: Settings): Finding[] {
  return findings.filter((f) => settings.severity[f.code] !== 'off');
}
